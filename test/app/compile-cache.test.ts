import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCacheDir, compileCacheOffReason } from '../../lib/app/compile-cache';
import { ROOT } from '../support/paths';
import { withCompileCache } from '../../scripts/compile-cache-requires';

// The compile cache runs in the package's CommonJS build; here it runs the same way: the module
// converted to CommonJS as scripts/build.ts converts it, inside a package in a project's
// node_modules, each case a fresh `node` process (the cache is written when the process exits).
let project: string;
let pkg: string;
const cacheDir = () => path.join(project, 'node_modules', '.cache', 'kafka-iac');
const cacheFiles = () => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).filter((f) => f.endsWith('.cache')).sort() : []);

function run(main: string, env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = []): { status: number | null; stdout: string; stderr: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NODE_DISABLE_COMPILE_CACHE|KAFKA_IAC_COMPILE_CACHE|NODE_V8_COVERAGE|NODE_COMPILE_CACHE)$/.test(k)));
  const r = spawnSync(process.execPath, [...nodeArgs, '-e', `console.log(JSON.stringify(require(${JSON.stringify(main)})))`], { cwd: project, env: { ...clean, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

/** Writes a file of the package as the build writes it: its requires of package files through the cache. */
function writePackageFile(relative: string, code: string): void {
  fs.mkdirSync(path.dirname(path.join(pkg, relative)), { recursive: true });
  fs.writeFileSync(path.join(pkg, relative), withCompileCache(code, relative));
}

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-compile-cache-'));
  pkg = path.join(project, 'node_modules', 'kafka-iac', 'build', 'cjs');
  fs.mkdirSync(path.join(pkg, 'chunks'), { recursive: true });
  fs.writeFileSync(path.join(pkg, 'chunks', 'compile-cache.js'), esbuild.transformSync(fs.readFileSync(path.join(ROOT, 'lib/app/compile-cache.ts'), 'utf8'), {
    format: 'cjs', platform: 'node', target: 'es2022', loader: 'ts',
  }).code);
  writePackageFile('entry.js', [
    'const a = require("./chunks/chunk-a.js");',
    'const b = require("./chunks/chunk-b.js");',
    'module.exports = { sum: a.add(2, 3), sameB: a.b === b, bFile: b.file, bDir: b.dir, bLoaded: require.cache[require.resolve("./chunks/chunk-b.js")]?.loaded, path: require("node:path").sep };',
  ].join('\n'));
  writePackageFile('chunks/chunk-a.js', 'const b = require("./chunk-b.js");\nexports.add = (x, y) => b.twice(x) - x + y;\nexports.b = b;\n');
  writePackageFile('chunks/chunk-b.js', 'exports.twice = (x) => 2 * x;\nexports.file = require("node:path").basename(__filename);\nexports.dir = require("node:path").basename(__dirname);\n');
  writePackageFile('bundled.js', 'const a = require("./chunks/chunk-a.js");\nmodule.exports = { sum: a.add(2, 3), sameB: a.b === require("./chunks/chunk-b.js") };\n');
  writePackageFile('throws.js', 'require("./chunks/chunk-throws.js");\n');
  writePackageFile('chunks/chunk-throws.js', 'throw new Error("top-level failure in chunk-throws");\n');
});

afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

describe('the compile cache of the CommonJS build', () => {
  const expected = JSON.stringify({ sum: 5, sameB: true, bFile: 'chunk-b.js', bDir: 'chunks', bLoaded: true, path: '/' });

  it('loads the package files through it, as require does: exports, one instance per file, __filename and __dirname, require.cache', () => {
    const first = run('./node_modules/kafka-iac/build/cjs/entry.js');
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(expected);
    // Written when the process exits: one cache per file loaded through it (the entry point itself loads with require).
    expect(cacheFiles().map((f) => f.replace(/-[0-9a-f]{40}-.*$/, ''))).toEqual(['chunk-a', 'chunk-b']);
    expect(cacheFiles().every((f) => f.endsWith(`-${v8.cachedDataVersionTag()}-${process.arch}.cache`))).toBe(true);
  });

  it('uses a cache V8 accepts without writing it again, and replaces one it refuses', () => {
    // What V8 said of each cache handed to it (vm.Script's cachedDataRejected), printed to stderr at exit.
    const probe = path.join(project, 'probe-accepted.cjs');
    fs.writeFileSync(probe, [
      'const vm = require("node:vm"); const Real = vm.Script; const seen = [];',
      'vm.Script = class extends Real { constructor(code, o) { super(code, o); if (o && o.cachedData) seen.push([require("node:path").basename(o.filename), this.cachedDataRejected]); } };',
      'process.on("exit", () => process.stderr.write(JSON.stringify(seen)));',
    ].join('\n'));
    run('./node_modules/kafka-iac/build/cjs/entry.js');
    const [a, b] = cacheFiles().map((f) => path.join(cacheDir(), f));
    const warm = run('./node_modules/kafka-iac/build/cjs/entry.js', {}, ['-r', probe]);
    expect(warm.stdout).toBe(expected);
    expect(JSON.parse(warm.stderr)).toEqual([['chunk-a.js', false], ['chunk-b.js', false]]);
    const before = { a: fs.statSync(a!).mtimeMs, b: fs.readFileSync(b!) };
    // A cache V8 refuses (its check fails: here, bytes that are no code cache at all).
    fs.writeFileSync(b!, Buffer.from('not a V8 code cache'));
    const again = run('./node_modules/kafka-iac/build/cjs/entry.js', {}, ['-r', probe]);
    expect(again.stdout).toBe(expected);
    expect(JSON.parse(again.stderr)).toEqual([['chunk-a.js', false], ['chunk-b.js', true]]);
    expect(fs.statSync(a!).mtimeMs).toBe(before.a);
    expect(fs.readFileSync(b!).toString()).not.toBe('not a V8 code cache');
    expect(fs.readFileSync(b!).length).toBe(before.b.length);
    // Another set of V8 flags keeps its own files (V8 refuses a cache made under other flags).
    run('./node_modules/kafka-iac/build/cjs/entry.js', {}, ['--max-old-space-size=1234']);
    expect(cacheFiles()).toHaveLength(4);
    expect(fs.statSync(a!).mtimeMs).toBe(before.a);
  });

  it('names the cache by the source: a changed file gets its own cache, never another source\'s', () => {
    const original = fs.readFileSync(path.join(pkg, 'chunks', 'chunk-b.js'), 'utf8');
    try {
      fs.writeFileSync(path.join(pkg, 'chunks', 'chunk-b.js'), original.replace('2 * x', '3 * x'));
      expect(JSON.parse(run('./node_modules/kafka-iac/build/cjs/entry.js').stdout).sum).toBe(7);
      expect(cacheFiles().filter((f) => f.startsWith('chunk-b-') && f.endsWith(`-${v8.cachedDataVersionTag()}-${process.arch}.cache`))).toHaveLength(2);
    } finally {
      fs.writeFileSync(path.join(pkg, 'chunks', 'chunk-b.js'), original);
    }
    expect(JSON.parse(run('./node_modules/kafka-iac/build/cjs/entry.js').stdout).sum).toBe(5);
  });

  it("passes a file's own error through and does not keep the module, as require does", () => {
    const r = spawnSync(process.execPath, ['-e', [
      'let first, second;',
      'try { require("./node_modules/kafka-iac/build/cjs/throws.js"); } catch (e) { first = e.message; }',
      'try { require("./node_modules/kafka-iac/build/cjs/chunks/chunk-throws.js"); } catch (e) { second = e.message; }',
      'console.log(JSON.stringify([first, second, e2()]));',
      'function e2() { return Object.keys(require.cache).some((k) => k.endsWith("chunk-throws.js")); }',
    ].join('\n')], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual(['top-level failure in chunk-throws', 'top-level failure in chunk-throws', false]);
    // Uncaught, Node names the place it was thrown, at the source's own line and column, as without the cache.
    const uncaught = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['./node_modules/kafka-iac/build/cjs/throws.js'], { cwd: project, env: { ...process.env, ...env }, encoding: 'utf8' }).stderr;
    const header = (stderr: string) => stderr.split('\n')[0]!.replace(project, '');
    expect(header(uncaught({}))).toBe('/node_modules/kafka-iac/build/cjs/chunks/chunk-throws.js:1');
    expect(uncaught({})).toContain('chunk-throws.js:1:7)');
    expect(uncaught({ NODE_DISABLE_COMPILE_CACHE: '1' })).toContain('chunk-throws.js:1:7)');
  });

  it('stays off, loading with plain require and writing nothing, when switched off or under coverage', () => {
    for (const env of [{ NODE_DISABLE_COMPILE_CACHE: '1' }, { KAFKA_IAC_COMPILE_CACHE: 'off' }, { NODE_V8_COVERAGE: path.join(project, 'coverage') }]) {
      fs.rmSync(cacheDir(), { recursive: true, force: true });
      expect(run('./node_modules/kafka-iac/build/cjs/entry.js', env).stdout).toBe(expected);
      expect(cacheFiles()).toEqual([]);
    }
    expect(compileCacheOffReason({ NODE_DISABLE_COMPILE_CACHE: '1' })).toBe('NODE_DISABLE_COMPILE_CACHE is set');
    expect(compileCacheOffReason({ KAFKA_IAC_COMPILE_CACHE: 'off' })).toBe('KAFKA_IAC_COMPILE_CACHE=off');
    expect(compileCacheOffReason({ NODE_COMPILE_CACHE: '/tmp/node-cache' }, undefined)).toBe("Node's own compile cache is on");
    expect(compileCacheOffReason({}, '/tmp/node-cache')).toBe("Node's own compile cache is on");
    expect(compileCacheOffReason({}, undefined)).toBeUndefined();
    // With the inspector open (a debugger), files load with Node's own loader.
    fs.rmSync(cacheDir(), { recursive: true, force: true });
    const inspected = spawnSync(process.execPath, ['--inspect=127.0.0.1:0', '-e', 'console.log(JSON.stringify(require("./node_modules/kafka-iac/build/cjs/entry.js")))'], { cwd: project, encoding: 'utf8' });
    expect(inspected.stdout.trim()).toBe(expected);
    expect(cacheFiles()).toEqual([]);
  });

  it('loads with the caller\'s own require when the module system is not Node\'s (a test runner\'s module objects)', () => {
    const r = spawnSync(process.execPath, ['-e', [
      'const { cachedRequire } = require("./node_modules/kafka-iac/build/cjs/chunks/compile-cache.js");',
      'const asked = [];',
      'const fakeRequire = (id) => { asked.push(id); return { fromRunner: true }; };',
      'const load = cachedRequire({ exports: {}, filename: __filename }, fakeRequire);',
      'console.log(JSON.stringify([load("./chunks/chunk-a.js", () => fakeRequire("./chunks/chunk-a.js")), asked]));',
    ].join('\n')], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual([{ fromRunner: true }, ['./chunks/chunk-a.js']]);
  });

  it('leaves the literal require beside it, so that a bundler follows it and the bundle runs', () => {
    fs.writeFileSync(path.join(project, 'app.cjs'), 'console.log(JSON.stringify(require("kafka-iac/build/cjs/bundled.js")));\n');
    const bundle = path.join(project, 'bundle.cjs');
    esbuild.buildSync({ entryPoints: [path.join(project, 'app.cjs')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
    expect(fs.readFileSync(bundle, 'utf8')).toContain('.twice = (x) => 2 * x');
    const r = spawnSync(process.execPath, [bundle], { cwd: os.tmpdir(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(JSON.stringify({ sum: 5, sameB: true }));
  });

  it('keeps the cache in node_modules/.cache/kafka-iac of the project that holds the package', () => {
    expect(compileCacheDir(path.join('/p', 'node_modules', 'kafka-iac', 'build', 'cjs', 'chunks'))).toBe(path.join('/p', 'node_modules', '.cache', 'kafka-iac'));
    expect(compileCacheDir(path.join('/p', 'node_modules', '.pnpm', 'kafka-iac@1.0.0', 'node_modules', 'kafka-iac', 'build', 'cjs')))
      .toBe(path.join('/p', 'node_modules', '.pnpm', 'kafka-iac@1.0.0', 'node_modules', '.cache', 'kafka-iac'));
    // The package's own checkout: the node_modules folder beside its build.
    expect(compileCacheDir(path.join(ROOT, 'build', 'cjs', 'chunks'))).toBe(path.join(ROOT, 'node_modules', '.cache', 'kafka-iac'));
  });
});
