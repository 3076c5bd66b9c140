#!/usr/bin/env bash
# The test command (`npm test`): typecheck, lint and every test (the global setup synthesizes the
# examples first), including the real validators (terraform, promtool, CRD schemas, kubectl kustomize).
# Prints `N passed, N failed` as its last line; each lint problem counts as one failure, and a failed
# typecheck as one more.
#
# System tools: on Debian as root, the missing ones are installed here (apt-get for promtool and
# the Prometheus server, amtool and the Alertmanager server, and kubectl; Terraform from
# releases.hashicorp.com, checksum verified). Elsewhere the command stops at once and prints the
# exact command to run.
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
# `prometheus` gives promtool and the server, `prometheus-alertmanager` amtool and the server
# (the end-to-end routing test runs both servers on 127.0.0.1).
{ command -v promtool >/dev/null && command -v prometheus >/dev/null; } || packages+=(prometheus)
{ command -v amtool >/dev/null && command -v prometheus-alertmanager >/dev/null; } || packages+=(prometheus-alertmanager)
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
  [ ${#packages[@]} -gt 0 ] && missing+=("${packages[*]} (promtool and prometheus, amtool and prometheus-alertmanager, kubectl): run  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}  (Debian/Ubuntu; elsewhere install the same tools from your package manager)")
  [ -n "$need_terraform" ] && missing+=("terraform ${TERRAFORM_VERSION} or newer: run  curl -fsSLo /tmp/terraform.zip $(terraform_url) && sudo unzip -o /tmp/terraform.zip terraform -d /usr/local/bin")
fi
[ -d node_modules ] || missing+=("node_modules: run  npm ci")
# The tools started from node_modules/.bin below (a partial install would fail there with "No such file").
for tool in tsx eslint vitest; do
  [ ! -d node_modules ] || [ -x "node_modules/.bin/$tool" ] || missing+=("node_modules/.bin/$tool: run  npm ci")
done
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

# The typecheck (one core for tens of seconds) runs beside vitest, whose global setup
# synthesizes every example environment (stacks/examples.ts) into .test-out/examples while the
# other core is busy with it; stacks/main.ts itself runs in the standalone test's clean clone.
echo "== typecheck (beside vitest) and vitest =="
typecheck_log=.test-results/typecheck.log
# Incremental: tsc keeps what it checked in .test-out/cache (a hash of every file it read), and
# the next run checks again only what changed and what depends on it; a fresh clone checks all.
# When its last run passed and no file it read has changed (the same roots, tsconfig.json,
# TypeScript and packages), tsc is not started at all (test/support/typecheck.ts).
mkdir -p .test-out/cache
# While it runs, .test-out/cache/tsc.running holds the pid of the shell that runs it (removed when
# tsc has written its state): test/project/standalone.test.ts waits for that state to type-check
# its clone incrementally (about 4 s of CPU) instead of from nothing (about 12 s) when it would
# otherwise start before this typecheck has finished.
typecheck_marker=.test-out/cache/tsc.running
( node --import tsx test/support/typecheck.ts >"$typecheck_log" 2>&1
  status=$?; rm -f "$typecheck_marker"; exit $status ) &
typecheck_pid=$!
# Written by this shell before vitest starts. A marker left behind by a killed run names a pid that
# is gone, and the test does not wait for it; its wait is bounded in any case.
echo "$typecheck_pid" >"$typecheck_marker"

# The lint (eslint.config.mjs: import direction, provider submodules; about 10 s of CPU) runs
# beside vitest as well; its problems are counted in the summary line.
lint_log=.test-results/eslint.log
# --cache (content strategy): files unchanged since the last lint, under the same configuration, keep their result.
# eslint and vitest start from node_modules/.bin (checked above), not through npx: npm's own
# start costs about 0.5 s of CPU per command, and npx would fetch a missing tool from the registry.
node_modules/.bin/eslint --max-warnings 0 --cache --cache-strategy content --cache-location .test-out/cache/eslint --format json --output-file .test-results/eslint.json . >"$lint_log" 2>&1 &
lint_pid=$!

node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json
rc=$?

if wait "$lint_pid"; then echo "== lint: no problems =="; else echo "== lint FAILED (problems listed below) =="; cat "$lint_log"; rc=1; fi

if wait "$typecheck_pid"; then
  echo "== typecheck: no errors =="
  node scripts/test-summary.mjs .test-results/vitest.json .test-results/eslint.json | tee .test-results/summary.txt
else
  echo "== typecheck FAILED =="
  cat "$typecheck_log"
  # The typecheck counts as one more failure in the summary line.
  node scripts/test-summary.mjs .test-results/vitest.json .test-results/eslint.json | awk 'END { print $1 " passed, " ($3 + 1) " failed" } { if (NR > 1) print prev; prev = $0 } ' | tee .test-results/summary.txt
  rc=1
fi
exit $rc
