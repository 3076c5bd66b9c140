import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KafkaIacError } from '../model/errors';

/**
 * The peer packages kafka-iac runs with, and the ranges it supports. They are peers, not
 * dependencies, so that a project has exactly one copy of each: constructs keeps the construct
 * tree in module-level state, and a second copy fails deep inside constructs
 * (`TypeError: scope.node._scopes is not iterable`). The same ranges are the
 * `peerDependencies` of package.json (a test keeps them equal), so npm warns at install time.
 *
 * - constructs `^10.4.2`: the lowest version cdktf 0.21 and @cdktf/provider-aws 20 accept
 *   (their `peerDependencies`).
 * - cdktf `^0.21.0`: the line @cdktf/provider-aws 20 is built for (its `peerDependencies`).
 * - cdk8s `^2.68.11`: the range declared since cdk8s-plus-27 was a peer (its lowest cdk8s), kept so
 *   that no project that installed it is turned away. What the library uses of cdk8s (`ApiObject`,
 *   `ApiObjectMetadata`, `GroupVersionKind`, `App`, `Chart`, `Yaml`, `YamlOutputType`, `JsonPatch`,
 *   for lib/imports' generated classes and the targets) is in 2.68: lib/ type-checks against cdk8s
 *   2.68.12, the lowest version of the range the registry offered (`skipLibCheck: false`). Tested
 *   here: 2.70.106.
 * - @cdktf/provider-aws `^20.1.0`: the version tested here.
 *
 * cdk8s-plus-27 is not a peer: lib/imports/k8s.ts holds the Kubernetes classes the library creates
 * and their types, generated from it (scripts/import-k8s.ts), so it is a devDependency only.
 */
export const SUPPORTED_PEER_DEPENDENCIES: Readonly<Record<string, string>> = {
  '@cdktf/provider-aws': '^20.1.0',
  'cdk8s': '^2.68.11',
  'cdktf': '^0.21.0',
  'constructs': '^10.4.2',
};

/** Finds an installed package's folder as seen from `fromDir`, or undefined when it is not installed. */
export type PackageLocator = (name: string, fromDir: string) => string | undefined;

/**
 * Node's own lookup, from a folder: the copy a module in that folder loads. Node looks for a package
 * in each folder of `require.resolve.paths(name)` in turn (`node_modules` of the folder and of each
 * parent, then the global folders: https://nodejs.org/api/modules.html#loading-from-node_modules-folders)
 * and loads the first `<folder>/<name>` there; that folder's package.json must carry the name (an
 * aliased install of another package is not the peer). Reads one package.json per package instead
 * of resolving the package's main file and walking up from it (about 2 ms of CPU at load instead of
 * about 8).
 */
export const nodePackageLocator: PackageLocator = (name, fromDir) => {
  for (const folder of createRequire(path.join(fromDir, 'noop.js')).resolve.paths(name) ?? []) {
    const dir = path.join(folder, name);
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return packageJson(dir).name === name ? dir : undefined;
  }
  return undefined;
};

/**
 * The package.json of a package folder, read and parsed once per check: the locator reads it for
 * the name and the check for the version, and constructs is looked up from the library's folder
 * and each other peer's, which usually all find the same copy.
 */
let packageJsons: Map<string, { readonly name?: unknown; readonly version?: unknown }> | undefined;
function packageJson(dir: string): { readonly name?: unknown; readonly version?: unknown } {
  const file = path.join(dir, 'package.json');
  let json = packageJsons?.get(file);
  if (json === undefined) {
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as { readonly name?: unknown; readonly version?: unknown };
    packageJsons?.set(file, json);
  }
  return json;
}

/** True when `version` is in the caret range `^A.B.C` (the only form the peer ranges use). */
export function satisfiesCaretRange(version: string, range: string): boolean {
  const want = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  const have = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!want) throw new Error(`satisfiesCaretRange: ${range} is not a caret range ^A.B.C`);
  if (!have) return false;
  const [a, b, c] = want.slice(1).map(Number);
  const [x, y, z] = have.slice(1).map(Number);
  // https://docs.npmjs.com/cli/v11/using-npm/semver#caret-ranges-123-025-004: "Allows changes that do
  // not modify the left-most non-zero element": ^1.2.3 := >=1.2.3 <2.0.0, ^0.2.3 := >=0.2.3 <0.3.0.
  if (x !== a) return false;
  if (a === 0 && y !== b) return false;
  return y > b || (y === b && z >= c);
}

/**
 * The problems with the installed peers, one line each (empty when all is well): a peer that is
 * missing, outside its range, or (for constructs) a copy other than the one cdktf and cdk8s load.
 * `libraryDir` is the folder kafka-iac's modules are loaded from.
 */
export function peerDependencyProblems(libraryDir: string, locateUncached: PackageLocator = nodePackageLocator): string[] {
  // Each package is resolved once from each folder (the checks below ask for some twice).
  const located = new Map<string, string | undefined>();
  const locate: PackageLocator = (name, fromDir) => {
    const key = `${name}\0${fromDir}`;
    if (!located.has(key)) located.set(key, locateUncached(name, fromDir));
    return located.get(key);
  };
  const problems: string[] = [];
  // Only for this check: a package installed or changed afterwards is read afresh next time.
  packageJsons = new Map();
  try {
    checkPeers(libraryDir, locate, problems);
  } finally {
    packageJsons = undefined;
  }
  return problems;
}

function checkPeers(libraryDir: string, locate: PackageLocator, problems: string[]): void {
  // Each peer's folder, found once: the version check and the constructs check both read it.
  const located = new Map<string, string>();
  for (const [name, range] of Object.entries(SUPPORTED_PEER_DEPENDENCIES)) {
    const dir = locate(name, libraryDir);
    if (!dir) {
      problems.push(`${name} is not installed; expected ${range}. Run npm install ${name}@'${range}'.`);
      continue;
    }
    located.set(name, dir);
    const version = String(packageJson(dir).version);
    if (!satisfiesCaretRange(version, range)) {
      problems.push(`${name} is ${version}; expected ${range}. Run npm install ${name}@'${range}'.`);
    }
  }
  // Every other peer is a construct library: it must load the constructs kafka-iac loads.
  const ours = located.get('constructs');
  for (const [user, userDir] of located) {
    if (user === 'constructs') continue;
    const theirs = locate('constructs', userDir);
    if (ours && theirs && fs.realpathSync(theirs) !== fs.realpathSync(ours)) {
      problems.push(`constructs is installed twice: ${user} loads ${theirs}, kafka-iac loads ${ours}; expected one copy. Remove the nested copy (npm dedupe) so both load the same constructs.`);
    }
  }
}

/** Throws one KafkaIacError (KIAC-PEER) listing every unsupported peer, or returns. */
export function assertSupportedPeerDependencies(libraryDir: string, locate: PackageLocator = nodePackageLocator): void {
  const problems = peerDependencyProblems(libraryDir, locate);
  if (problems.length > 0) throw KafkaIacError.unsupportedPeerDependencies(problems);
}

// Checked once when kafka-iac is loaded, before any construct is made: lib/index.ts and
// lib/testing/index.ts import this module first, and a module's imports are evaluated in order
// (https://tc39.es/ecma262/#sec-innermoduleevaluation), so the error comes before the peers are used.
// `import.meta.url` is this module's file; the CommonJS build replaces it (scripts/build.ts).
assertSupportedPeerDependencies(path.dirname(fileURLToPath(import.meta.url)));
