import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SUPPORTED_PEER_DEPENDENCIES, assertSupportedPeerDependencies, nodePackageLocator, peerDependencyProblems, satisfiesCaretRange,
  type PackageLocator,
} from '../../lib/app/peer-dependencies';
import { ROOT, TEST_OUT } from '../support/paths';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** A fake node_modules: each package at a version, constructs optionally nested under one of them. */
function fakeInstall(versions: Record<string, string>, nestedConstructsUnder?: string): { dir: string; locate: PackageLocator } {
  fs.mkdirSync(TEST_OUT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(TEST_OUT, 'peers-'));
  const write = (at: string, name: string, version: string) => {
    fs.mkdirSync(at, { recursive: true });
    fs.writeFileSync(path.join(at, 'package.json'), JSON.stringify({ name, version }));
  };
  for (const [name, version] of Object.entries(versions)) write(path.join(dir, 'node_modules', name), name, version);
  if (nestedConstructsUnder) write(path.join(dir, 'node_modules', nestedConstructsUnder, 'node_modules', 'constructs'), 'constructs', '10.1.0');
  // Node's lookup: the nearest node_modules/<name> walking up from `from`.
  const locate: PackageLocator = (name, from) => {
    for (let d = from; d.startsWith(dir); d = path.dirname(d)) {
      const candidate = path.join(d, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    }
    return undefined;
  };
  return { dir, locate };
}

const SUPPORTED = { '@cdktf/provider-aws': '20.1.0', 'cdk8s': '2.70.106', 'cdktf': '0.21.0', 'constructs': '10.4.2' };

describe('peer dependencies', () => {
  it('declares the same ranges in package.json (npm warns at install) as it checks at run time', () => {
    expect(pkg.peerDependencies).toEqual(SUPPORTED_PEER_DEPENDENCIES);
    for (const name of Object.keys(SUPPORTED_PEER_DEPENDENCIES)) expect(pkg.dependencies?.[name], name).toBeUndefined();
  });

  it('keeps cdk8s-plus-27 a devDependency only (the source of lib/imports/k8s.ts), not a peer: an install without it has no problem', () => {
    expect(pkg.devDependencies['cdk8s-plus-27']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.peerDependencies['cdk8s-plus-27']).toBeUndefined();
    expect(pkg.peerDependenciesMeta?.['cdk8s-plus-27']).toBeUndefined();
    expect(pkg.dependencies?.['cdk8s-plus-27']).toBeUndefined();
    expect(Object.keys(SUPPORTED_PEER_DEPENDENCIES)).not.toContain('cdk8s-plus-27');
    const { dir } = fakeInstall(SUPPORTED);
    expect(fs.existsSync(path.join(dir, 'node_modules', 'cdk8s-plus-27'))).toBe(false);
    expect(peerDependencyProblems(path.join(dir, 'node_modules', 'kafka-iac', 'build', 'cjs'), nodePackageLocator)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pins each peer exactly in devDependencies, inside its supported range', () => {
    for (const [name, range] of Object.entries(SUPPORTED_PEER_DEPENDENCIES)) {
      expect(pkg.devDependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(satisfiesCaretRange(pkg.devDependencies[name], range), `${name} ${pkg.devDependencies[name]} in ${range}`).toBe(true);
    }
  });

  it('accepts what npm accepts for a caret range', () => {
    // https://docs.npmjs.com/cli/v11/using-npm/semver#caret-ranges-123-025-004
    expect(satisfiesCaretRange('10.4.2', '^10.4.2')).toBe(true);
    expect(satisfiesCaretRange('10.8.1', '^10.4.2')).toBe(true);
    expect(satisfiesCaretRange('10.4.1', '^10.4.2')).toBe(false);
    expect(satisfiesCaretRange('10.3.9', '^10.4.2')).toBe(false);
    expect(satisfiesCaretRange('11.0.0', '^10.4.2')).toBe(false);
    expect(satisfiesCaretRange('0.21.3', '^0.21.0')).toBe(true);
    expect(satisfiesCaretRange('0.22.0', '^0.21.0')).toBe(false);
    expect(satisfiesCaretRange('0.20.9', '^0.21.0')).toBe(false);
  });

  it('finds no problem with the peers installed here', () => {
    expect(peerDependencyProblems(path.join(ROOT, 'lib', 'app'), nodePackageLocator)).toEqual([]);
  });

  it('locates a package as Node loads it: the nearest node_modules/<name> walking up, a nested copy first, not a package of another name', () => {
    const { dir } = fakeInstall(SUPPORTED, 'cdktf');
    const lib = path.join(dir, 'node_modules', 'kafka-iac', 'build', 'cjs');
    const top = (name: string) => path.join(dir, 'node_modules', name);
    expect(nodePackageLocator('constructs', lib)).toBe(top('constructs'));
    const scoped = Object.keys(SUPPORTED).find((name) => name.startsWith('@'))!; // the AWS provider
    expect(nodePackageLocator(scoped, lib)).toBe(top(scoped));
    expect(nodePackageLocator('constructs', top('cdktf'))).toBe(path.join(top('cdktf'), 'node_modules', 'constructs'));
    expect(nodePackageLocator('constructs', top('cdk8s'))).toBe(top('constructs'));
    expect(nodePackageLocator('not-installed-anywhere-kiac', lib)).toBeUndefined();
    // An alias (npm install cdk8s@npm:other-package) is installed under the name, but it is not the peer.
    fs.writeFileSync(path.join(top('cdk8s'), 'package.json'), JSON.stringify({ name: 'other-package', version: '2.70.106' }));
    expect(nodePackageLocator('cdk8s', lib)).toBeUndefined();
    // The real tree: from lib/ the peers this repo installed.
    expect(nodePackageLocator('cdktf', path.join(ROOT, 'lib', 'app'))).toBe(path.join(ROOT, 'node_modules', 'cdktf'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the peers afresh in each check (the package.json files a check reads are kept for that check only)', () => {
    const { dir } = fakeInstall(SUPPORTED);
    const lib = path.join(dir, 'node_modules', 'kafka-iac', 'build', 'cjs');
    expect(peerDependencyProblems(lib, nodePackageLocator)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'node_modules', 'cdktf', 'package.json'), JSON.stringify({ name: 'cdktf', version: '0.20.11' }));
    expect(peerDependencyProblems(lib, nodePackageLocator)).toEqual(["cdktf is 0.20.11; expected ^0.21.0. Run npm install cdktf@'^0.21.0'."]);
    fs.writeFileSync(path.join(dir, 'node_modules', 'cdktf', 'package.json'), JSON.stringify({ name: 'cdktf' }));
    expect(peerDependencyProblems(lib, nodePackageLocator)).toEqual(["cdktf is undefined; expected ^0.21.0. Run npm install cdktf@'^0.21.0'."]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the supported range of a peer that is too old or missing, in one KIAC-PEER error', () => {
    const { dir, locate } = fakeInstall({ ...SUPPORTED, constructs: '10.3.0', cdktf: '0.20.11' });
    fs.rmSync(path.join(dir, 'node_modules', 'cdk8s'), { recursive: true });
    const lib = path.join(dir, 'node_modules', 'kafka-iac', 'build', 'esm', 'app');
    expect(() => assertSupportedPeerDependencies(lib, locate)).toThrow([
      'KIAC-PEER [kafka-iac] 3 peer dependencies are not supported:',
      "  cdk8s is not installed; expected ^2.68.11. Run npm install cdk8s@'^2.68.11'.",
      "  cdktf is 0.20.11; expected ^0.21.0. Run npm install cdktf@'^0.21.0'.",
      "  constructs is 10.3.0; expected ^10.4.2. Run npm install constructs@'^10.4.2'.",
    ].join('\n'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second copy of constructs nested under cdktf (the cause of "scope.node._scopes is not iterable")', () => {
    const { dir, locate } = fakeInstall(SUPPORTED, 'cdktf');
    const lib = path.join(dir, 'node_modules', 'kafka-iac', 'build', 'esm', 'app');
    const problems = peerDependencyProblems(lib, locate);
    expect(problems).toEqual([
      `constructs is installed twice: cdktf loads ${path.join(dir, 'node_modules', 'cdktf', 'node_modules', 'constructs')}, kafka-iac loads ${path.join(dir, 'node_modules', 'constructs')}; expected one copy. Remove the nested copy (npm dedupe) so both load the same constructs.`,
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
