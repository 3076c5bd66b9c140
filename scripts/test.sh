#!/usr/bin/env bash
# The test command (`npm test`): typecheck, lint, synthesize the examples, then run every test,
# including the real validators (terraform, promtool, CRD schemas, kubectl kustomize).
# Prints `N passed, N failed` as its last line; each lint problem counts as one failure.
#
# System tools: on Debian as root, the missing ones are installed here (apt-get for promtool,
# amtool and kubectl; Terraform from releases.hashicorp.com, checksum verified). Elsewhere the
# command stops at once and prints the exact command to run.
# Terraform: the project's CLI config (terraform/cli.tfrc, the offline provider mirror) is used
# only when /opt/tf-plugins holds the AWS provider; otherwise Terraform installs the provider
# the normal way (from the registry). ~/.terraformrc is never written.
set -uo pipefail
cd "$(dirname "$0")/.."

TERRAFORM_VERSION=1.11.4
AWS_PROVIDER_VERSION=5.100.0
MIRROR=/opt/tf-plugins/registry.terraform.io/hashicorp/aws

fail() { echo "0 passed, 1 failed"; exit 1; }

# Debian packages providing the tools that are missing.
packages=()
command -v promtool >/dev/null || packages+=(prometheus)
command -v amtool >/dev/null || packages+=(prometheus-alertmanager)
command -v kubectl >/dev/null || packages+=(kubernetes-client)
need_terraform=
command -v terraform >/dev/null || need_terraform=1

can_install=
if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then can_install=1; fi

terraform_url() {
  local arch
  arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
  echo "https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}/terraform_${TERRAFORM_VERSION}_linux_${arch}.zip"
}

if [ -n "$can_install" ] && { [ ${#packages[@]} -gt 0 ] || [ -n "$need_terraform" ]; }; then
  log=/tmp/kafka-iac-apt.log
  [ -n "$need_terraform" ] && { command -v curl >/dev/null || packages+=(curl ca-certificates); command -v unzip >/dev/null || packages+=(unzip); }
  if [ ${#packages[@]} -gt 0 ]; then
    echo "== installing ${packages[*]} (apt-get) =="
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update && apt-get install -y --no-install-recommends "${packages[@]}"; } >"$log" 2>&1 \
      || { tail -20 "$log" >&2; echo "apt-get install ${packages[*]} failed (log: $log)" >&2; fail; }
  fi
  if [ -n "$need_terraform" ]; then
    url="$(terraform_url)"; zip="$(basename "$url")"; tmp="$(mktemp -d)"
    echo "== installing terraform ${TERRAFORM_VERSION} from ${url} =="
    { curl -fsSLo "$tmp/$zip" "$url" \
      && curl -fsSLo "$tmp/SHA256SUMS" "https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}/terraform_${TERRAFORM_VERSION}_SHA256SUMS" \
      && (cd "$tmp" && grep " ${zip}\$" SHA256SUMS | sha256sum -c -) \
      && unzip -o -q "$tmp/$zip" terraform -d /usr/local/bin; } >>"$log" 2>&1 \
      || { tail -20 "$log" >&2; echo "installing terraform failed (log: $log)" >&2; rm -rf "$tmp"; fail; }
    rm -rf "$tmp"
  fi
fi

missing=()
if [ -z "$can_install" ]; then
  [ ${#packages[@]} -gt 0 ] && missing+=("${packages[*]} (promtool, amtool, kubectl): run  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}  (Debian/Ubuntu; elsewhere install the same tools from your package manager)")
  [ -n "$need_terraform" ] && missing+=("terraform ${TERRAFORM_VERSION} or newer: run  curl -fsSLo /tmp/terraform.zip $(terraform_url) && sudo unzip -o /tmp/terraform.zip terraform -d /usr/local/bin")
fi
[ -d node_modules ] || missing+=("node_modules: run  npm ci")
if [ ${#missing[@]} -gt 0 ]; then
  echo "The test command needs these first:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  fail
fi

# Terraform: the offline mirror when it holds the provider, else the normal installation.
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 TF_PLUGIN_CACHE_DIR=
if compgen -G "$MIRROR/${AWS_PROVIDER_VERSION}*" >/dev/null || compgen -G "$MIRROR/*_${AWS_PROVIDER_VERSION}_*" >/dev/null; then
  export TF_CLI_CONFIG_FILE="$PWD/terraform/cli.tfrc"
  echo "terraform: AWS provider ${AWS_PROVIDER_VERSION} from the offline mirror in /opt/tf-plugins (terraform/cli.tfrc)"
else
  echo "terraform: no offline mirror of the AWS provider in /opt/tf-plugins; terraform init downloads it from the registry"
fi

mkdir -p .test-results
rm -f .test-results/vitest.json .test-results/eslint.json

echo "== typecheck =="
npx tsc --noEmit || fail

echo "== lint (eslint.config.mjs: import direction, provider submodules) =="
npx eslint --max-warnings 0 --format json --output-file .test-results/eslint.json . && echo "lint: no problems"
lint_rc=$?

echo "== synth (every example stack) =="
npx tsx stacks/main.ts || fail

echo "== vitest =="
npx vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json
rc=$?
node scripts/test-summary.mjs .test-results/vitest.json .test-results/eslint.json | tee .test-results/summary.txt
[ "$rc" = 0 ] && rc=$lint_rc
exit $rc
