// Validates the docker compose file without a Docker engine, once as `docker compose up` reads it and once with the
// Keycloak variant (an env file and the profile keycloak), each after compose's variable interpolation:
//  1. against the Compose Specification's JSON schema (the one DCLint ships), unknown fields rejected;
//  2. what the schema cannot see: that every dependency of a service that starts is a service that starts, that
//     bind-mounted files and build contexts exist, that images carry a version tag;
//  3. that the identity settings agree: by default the services trust the development authorization server's issuer;
//     with Keycloak they trust the imported realm's issuer at the host name Keycloak gives itself, take their own
//     tokens from that realm with their clients' secrets in the realm export, Swagger UI reaches its token
//     endpoint through the published port, and people sign in at the realm's login page through a public client
//     with PKCE.
//
// Usage: node compose.mjs <docker-compose.yml> --realm <realm.json> --keycloak-env <compose.env>

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { parseDocument } from "yaml";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) throw new Error(`compose.mjs: ${name} is required`);
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const realmFile = option("--realm");
const keycloakEnvFile = option("--keycloak-env");
const [composeFile] = args;
const base = path.dirname(path.resolve(composeFile));
const errors = [];

const parsed = parseDocument(readFileSync(composeFile, "utf8"), { merge: true });
if (parsed.errors.length) {
  console.error(`${composeFile}: YAML: ${parsed.errors.map((e) => e.message).join("; ")}`);
  process.exit(1);
}
const raw = parsed.toJS({ maxAliasCount: 100 });

// DCLint's copy of the Compose Specification's schema (compose-spec/compose-spec, schema/compose-spec.json).
const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.join(here, "node_modules", "dclint", "schemas", "compose.schema.json"), "utf8"));
delete schema.$schema;
const validateSchema = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

// Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message}, $VAR and $$.
function interpolate(value, env, where, unset) {
  if (typeof value === "string") {
    return value.replace(/\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
      (match, dollar, name, colon, kind, operand, bare) => {
        if (dollar === "$") return "$";
        const variable = name ?? bare;
        const value = env[variable];
        const missing = value === undefined || (colon === ":" && value === "");
        if (!missing) return value;
        if (kind === "-") return operand;
        unset.add(`${variable} (${where})`);
        return "";
      });
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolate(item, env, `${where}[${i}]`, unset));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, `${where}.${k}`, unset)]));
  }
  return value;
}

function readEnvFile(file) {
  const env = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) env[match[1]] = match[2].trim();
  }
  return env;
}

// Environment as a map, whether written as a map or as a list of NAME=value.
function environmentOf(service) {
  const environment = service.environment ?? {};
  if (!Array.isArray(environment)) return environment;
  return Object.fromEntries(environment.map((entry) => [entry.split("=")[0], entry.split("=").slice(1).join("=")]));
}

function check(label, env, profiles) {
  const unset = new Set();
  const compose = interpolate(raw, env, "", unset);
  for (const variable of unset) errors.push(`${label}: ${variable} is neither set nor given a default`);
  if (!validateSchema(compose)) {
    for (const error of validateSchema.errors) {
      errors.push(`${label}: schema: ${error.instancePath || "/"} ${error.message}` +
        (error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : ""));
    }
  }
  const services = compose.services ?? {};
  const active = Object.keys(services).filter((name) =>
    !services[name].profiles || services[name].profiles.some((profile) => profiles.includes(profile)));
  for (const name of active) {
    const service = services[name];
    const dependencies = service.depends_on ?? [];
    const entries = Array.isArray(dependencies) ? dependencies.map((d) => [d, {}]) : Object.entries(dependencies);
    for (const [dependency, how] of entries) {
      if (!active.includes(dependency) && how.required !== false) {
        errors.push(`${label}: ${name} depends on ${dependency}, which does not start in this setup`);
      }
    }
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === "string" ? volume.split(":")[0] : volume.source;
      if (/^\.{1,2}\//.test(source ?? "") && !existsSync(path.resolve(base, source))) {
        errors.push(`${label}: ${name} mounts ${source}, which does not exist`);
      }
    }
    if (service.build) {
      const context = path.resolve(base, typeof service.build === "string" ? service.build : service.build.context ?? ".");
      const dockerfile = path.resolve(context, service.build.dockerfile ?? "Dockerfile");
      if (!existsSync(dockerfile)) errors.push(`${label}: ${name} builds from ${dockerfile}, which does not exist`);
    }
    if (service.image && !/@sha256:|:[^/:]+$/.test(service.image) || /:latest$/.test(service.image ?? "")) {
      errors.push(`${label}: ${name}: image ${service.image} must name a version`);
    }
  }
  return { services, active };
}

const expect = (label, what, actual, wanted) => {
  if (actual !== wanted) errors.push(`${label}: ${what} is ${actual ?? "(unset)"}, expected ${wanted}`);
};
const issuerOf = (service) => environmentOf(service).SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI;
const resourceServers = (services, active) => active.filter((name) => issuerOf(services[name]) !== undefined);

// 1. docker compose up: the development authorization server.
{
  const label = "docker compose up";
  const { services, active } = check(label, {}, []);
  if (active.includes("keycloak")) errors.push(`${label}: Keycloak must start only with its profile`);
  const devIssuer = environmentOf(services["dev-auth-server"] ?? {}).SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER;
  const servers = resourceServers(services, active);
  if (servers.length < 2) errors.push(`${label}: expected both services to be resource servers, found ${servers}`);
  for (const name of servers) expect(label, `${name}'s issuer`, issuerOf(services[name]), devIssuer);
}

// 2. With Keycloak: the env file and the profile.
{
  const label = `--env-file ${path.basename(keycloakEnvFile)} --profile keycloak`;
  const { services, active } = check(label, readEnvFile(keycloakEnvFile), ["keycloak"]);
  const realm = JSON.parse(readFileSync(realmFile, "utf8"));
  const keycloak = services.keycloak;
  if (!active.includes("keycloak")) {
    errors.push(`${label}: no service keycloak starts`);
  } else {
    const kc = environmentOf(keycloak);
    const issuer = `${kc.KC_HOSTNAME}/realms/${realm.realm}`;
    const tokenPath = `/realms/${realm.realm}/protocol/openid-connect/token`;
    const imported = (keycloak.volumes ?? []).some((volume) => typeof volume === "string"
      && path.resolve(base, volume.split(":")[0]) === path.resolve(realmFile)
      && volume.split(":")[1].startsWith("/opt/keycloak/data/import/"));
    if (!imported) errors.push(`${label}: keycloak does not mount ${realmFile} into /opt/keycloak/data/import/`);
    if (!(keycloak.command ?? []).includes("--import-realm")) errors.push(`${label}: keycloak does not import realms`);
    const published = (keycloak.ports ?? []).map(String).find((port) => port.endsWith(":8080"))?.split(":").at(-2);
    const servers = resourceServers(services, active);
    for (const name of servers) {
      const environment = environmentOf(services[name]);
      expect(label, `${name}'s issuer`, environment.SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI, issuer);
      expect(label, `${name}'s token URI`, environment.SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CRM_TOKENURI,
        `${kc.KC_HOSTNAME}${tokenPath}`);
      expect(label, `${name}'s Swagger UI token URL`, environment.CRM_OPENAPI_TOKENURL,
        `http://localhost:${published}${tokenPath}`);
      // People sign in at the realm's login page through its public client, with PKCE.
      expect(label, `${name}'s sign-in address`, environment.CRM_OPENAPI_AUTHORIZATIONURL,
        `${kc.KC_HOSTNAME}/realms/${realm.realm}/protocol/openid-connect/auth`);
      const web = realm.clients.find((c) => c.clientId === environment.SPRINGDOC_SWAGGERUI_OAUTH_CLIENTID);
      if (!web?.publicClient || web.attributes?.["pkce.code.challenge.method"] !== "S256") {
        errors.push(`${label}: ${name}'s SPRINGDOC_SWAGGERUI_OAUTH_CLIENTID `
          + `(${environment.SPRINGDOC_SWAGGERUI_OAUTH_CLIENTID}) is no public client of the realm with PKCE`);
      }
      // Each service calls the other as the client named after it (its application.yml).
      const client = realm.clients.find((c) => c.clientId === name);
      const secrets = Object.entries(environment)
        .filter(([key]) => /^SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_[A-Z0-9]+_CLIENTSECRET$/.test(key));
      if (!client) errors.push(`${label}: the realm has no client ${name}`);
      for (const [key, secret] of secrets) expect(label, `${name}'s ${key}`, secret, client?.secret);
    }
  }
}

if (errors.length) {
  console.error(`${composeFile}: ${errors.length} problem(s):\n  ${errors.join("\n  ")}`);
  process.exit(1);
}
console.log(`${composeFile}: valid, by default and with Keycloak (${path.basename(keycloakEnvFile)})`);
