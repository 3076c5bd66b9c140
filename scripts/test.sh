#!/usr/bin/env bash
# The test command (`npm test`): typecheck, synthesize the examples, then run every test,
# including the real validators (terraform, promtool, kubectl kustomize, schemas).
# Prints `N passed, N failed` as its last line.
set -uo pipefail
cd "$(dirname "$0")/.."

# Terraform: the project's own CLI config, pointing at the offline mirror. Never ~/.terraformrc.
export TF_CLI_CONFIG_FILE="$PWD/terraform/cli.tfrc"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 TF_PLUGIN_CACHE_DIR=

missing=()
command -v terraform >/dev/null || missing+=("terraform 1.11 or newer: run  curl -fsSLo /tmp/terraform.zip https://releases.hashicorp.com/terraform/1.11.4/terraform_1.11.4_linux_amd64.zip && unzip -o /tmp/terraform.zip -d /usr/local/bin")
[ -d /opt/tf-plugins/registry.terraform.io/hashicorp/aws ] || missing+=("the AWS provider 5.100.0 mirror at /opt/tf-plugins: run  terraform providers mirror -platform=linux_amd64 /opt/tf-plugins  in a folder whose required_providers pin hashicorp/aws 5.100.0 (needs registry access once)")
command -v kubectl >/dev/null || missing+=("kubectl (for kubectl kustomize): run  apt-get update && apt-get install -y --no-install-recommends kubernetes-client")
command -v promtool >/dev/null || missing+=("promtool: run  apt-get update && apt-get install -y --no-install-recommends prometheus")
[ -d node_modules ] || missing+=("node_modules: run  npm ci")
if [ ${#missing[@]} -gt 0 ]; then
  echo "The test command needs these first:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

mkdir -p .test-results
rm -f .test-results/vitest.json

echo "== typecheck =="
if ! npx tsc --noEmit; then echo "0 passed, 1 failed"; exit 1; fi

echo "== synth (every example stack) =="
if ! npx tsx stacks/main.ts; then echo "0 passed, 1 failed"; exit 1; fi

echo "== vitest =="
npx vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json
rc=$?
node -e '
  const fs = require("fs");
  let r;
  try { r = JSON.parse(fs.readFileSync(".test-results/vitest.json", "utf8")); } catch { console.log("0 passed, 1 failed"); process.exit(0); }
  const failed = r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
  if (r.numPendingTests) console.log(`(${r.numPendingTests} skipped)`);
  console.log(`${r.numPassedTests} passed, ${failed} failed`);
' | tee .test-results/summary.txt
exit $rc
