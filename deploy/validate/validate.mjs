// Validates rendered Kubernetes manifests (multi-document YAML, from files or standard input) without a cluster.
//
// Each document is checked twice:
//  1. against the JSON schema of its apiVersion and kind (kubernetes-models' generated validators: types,
//     formats, required fields), and
//  2. strictly, by the TypeScript compiler, against the model's type declarations: a field the API does not
//     define is rejected (excess property check), as `kubectl apply --validate=strict` rejects it.
// A document whose apiVersion and kind no installed model package declares is an error, not a skip.
//
// Usage: node validate.mjs [file ...]     (no file: standard input)

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));

// Where each API group's models live. The Kubernetes models are those of kubernetes-models (see README.md for
// the Kubernetes version); custom resources come from the operators' model packages.
const groups = [
  { match: (group) => group === "", module: (version, kind) => `kubernetes-models/${version}/${kind}` },
  {
    match: (group) => group === "postgresql.cnpg.io",
    module: (version, kind) => `@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/${version}/${kind}`,
  },
  {
    match: (group) => group === "monitoring.coreos.com",
    module: (version, kind) => `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}/${kind}`,
  },
  { match: () => true, module: (version, kind, group) => `kubernetes-models/${group}/${version}/${kind}` },
];

function modelModule(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  return groups.find((g) => g.match(group)).module(version, kind, group);
}

function describe(doc, index) {
  const name = doc?.metadata?.name ?? "(no name)";
  return `document ${index + 1}: ${doc?.apiVersion ?? "?"} ${doc?.kind ?? "?"} ${name}`;
}

const inputs = process.argv.slice(2);
const sources = inputs.length
  ? inputs.map((file) => ({ label: path.basename(file), text: readFileSync(file, "utf8") }))
  : [{ label: "standard input", text: readFileSync(0, "utf8") }];

const errors = [];
const documents = [];
for (const source of sources) {
  for (const parsed of parseAllDocuments(source.text)) {
    if (parsed.errors.length) {
      errors.push(`${source.label}: YAML: ${parsed.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const doc = parsed.toJS();
    if (doc !== null && doc !== undefined) {
      documents.push({ doc, label: `${source.label}, ${describe(doc, documents.length)}` });
    }
  }
}

// 1. Schema validation.
const typed = [];
for (const { doc, label } of documents) {
  if (typeof doc !== "object" || typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
    errors.push(`${label}: not a Kubernetes object (apiVersion and kind are required)`);
    continue;
  }
  const specifier = modelModule(doc.apiVersion, doc.kind);
  let model;
  try {
    model = await import(specifier);
  } catch (error) {
    if (error.code !== "ERR_MODULE_NOT_FOUND" && error.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw error;
    errors.push(`${label}: unknown kind: no schema for ${doc.apiVersion} ${doc.kind} (${specifier})`);
    continue;
  }
  const Model = model[doc.kind];
  if (typeof Model !== "function") {
    errors.push(`${label}: unknown kind: ${specifier} does not export ${doc.kind}`);
    continue;
  }
  try {
    new Model(doc).validate();
  } catch (error) {
    errors.push(`${label}: ${error.message}`);
  }
  typed.push({ doc, label, specifier });
}

// 2. Strict fields, through the compiler's excess property check on each document as an object literal.
const virtualDir = path.join(here, "__rendered__");
const files = new Map();
typed.forEach(({ doc, label, specifier }, index) => {
  const body = JSON.stringify(doc, null, 2);
  const file = path.join(virtualDir, `document-${index + 1}.ts`);
  files.set(file, {
    label,
    text: `import type { I${doc.kind} as Model } from "${specifier}";\nexport const document: Model = ${body};\n`,
  });
});

if (files.size) {
  const options = {
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(path.resolve(name))?.text ?? readFile(name);
  host.fileExists = (name) => files.has(path.resolve(name)) || fileExists(name);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const virtual = files.get(path.resolve(name));
    return virtual
      ? ts.createSourceFile(name, virtual.text, languageVersion, true)
      : getSourceFile(name, languageVersion, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n    ");
    const virtual = diagnostic.file && files.get(path.resolve(diagnostic.file.fileName));
    if (!virtual) {
      errors.push(`type check: ${message}`);
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const where = jsonPathAt(virtual.text, line);
    errors.push(`${virtual.label}: ${where}: ${message}`);
  }
}

// The path of the field on a line of the pretty-printed document, from its indentation, for the messages.
function jsonPathAt(text, line) {
  const lines = text.split("\n");
  const stack = [];
  for (let i = 1; i <= line && i < lines.length; i++) {
    const match = /^(\s*)"([^"]+)":/.exec(lines[i]);
    if (!match) continue;
    const depth = match[1].length;
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    stack.push({ depth, key: match[2] });
  }
  return stack.length ? stack.map((entry) => entry.key).join(".") : "(document)";
}

if (errors.length) {
  for (const error of errors) console.error(`INVALID ${error}`);
  console.error(`${errors.length} error(s) in ${documents.length} document(s)`);
  process.exit(1);
}
const kinds = [...new Set(typed.map(({ doc }) => `${doc.apiVersion} ${doc.kind}`))].sort();
console.log(`valid: ${documents.length} document(s) (${kinds.join(", ")})`);
