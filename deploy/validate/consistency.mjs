// Checks what the schemas cannot: that each migration Job's name carries its release (the image tag), and that
// the Grafana dashboard queries only metrics the services publish (the table in deploy/grafana/README.md).
//
// Usage: node consistency.mjs --dashboard <dashboard.json> --metrics <README.md> [rendered.yaml ...]

import { readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const dashboardFile = option("--dashboard");
const metricsFile = option("--metrics");
const errors = [];

// Release names: a Job is immutable, so each release's Job must be a new object, named after the image tag.
for (const file of args) {
  for (const parsed of parseAllDocuments(readFileSync(file, "utf8"))) {
    const doc = parsed.toJS();
    if (doc?.kind !== "Job" || doc.metadata?.labels?.["app.kubernetes.io/component"] !== "migration") continue;
    const name = doc.metadata.name;
    for (const container of doc.spec?.template?.spec?.containers ?? []) {
      const tag = /:([^:/@]+)$/.exec(container.image ?? "")?.[1];
      const release = tag?.replaceAll(/[^a-z0-9-]/gi, "-").toLowerCase();
      if (!release || !name.endsWith(`-migrate-${release}`)) {
        errors.push(`${path.basename(file)}: Job ${name}: its name must end in -migrate-${release ?? "<tag>"} (image ${container.image}); ` +
          "set nameSuffix in the overlay's migration/kustomization.yaml to the images' newTag");
      }
    }
    if (name.length > 63) errors.push(`${path.basename(file)}: Job ${name}: longer than 63 characters (its pods' job-name label)`);
  }
}

// Dashboard metrics.
if (dashboardFile) {
  const published = new Set(
    [...readFileSync(metricsFile, "utf8").matchAll(/^\|\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\s*\|/gm)].map((m) => m[1]),
  );
  const dashboard = JSON.parse(readFileSync(dashboardFile, "utf8"));
  const queries = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if ((key === "expr" || key === "definition") && typeof value === "string") queries.push(value);
        else walk(value);
      }
    }
  };
  walk(dashboard);
  const used = new Set();
  for (const query of queries) {
    // A metric name is the identifier before a label selector or a range; functions are followed by "(",
    // and label names inside "by (...)" by "," or ")".
    for (const match of query.replaceAll(/"[^"]*"/g, '""').matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*[{[]/g)) {
      used.add(match[1]);
    }
  }
  for (const metric of [...used].sort()) {
    if (!published.has(metric)) errors.push(`${dashboardFile}: queries ${metric}, which ${metricsFile} does not list`);
  }
  if (!errors.length) console.log(`dashboard: ${queries.length} queries over ${used.size} published metrics`);
}

if (errors.length) {
  for (const error of errors) console.error(`INVALID ${error}`);
  process.exit(1);
}
