import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_OUT } from '../support/paths';
import { processExists } from '../support/processes';
import { configRootFiles, passedAndUnchanged, tscStateKey } from '../support/tsc-state';

/**
 * The repository stands alone: nothing at build, test or run time reads outside it (the
 * Strimzi CRDs and the specification used to live in the shared folder beside it). Only the import scripts, which
 * regenerate committed files (lib/imports/, schemas/), may read the CRDs beside the project.
 */

/** A reference to the folder beside the project, or to its absolute location on the dev machine. */
const OUTSIDE = /\.\.\/shared\b|\/work\/shared\b|['"]\.\.['"]\s*,\s*['"]shared['"]/;

/** Files that may name the shared folder: the import scripts (regenerating committed files) and this test. */
const ALLOWED = [/^scripts\/import-[\w-]+\.sh$/, /^test\/project\/standalone\.test\.ts$/];

function files(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [dir];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '__snapshots__' ? [] : files(rel);
    return /\.(ts|mts|cts|js|mjs|cjs|sh|json|md|tfrc|hcl)$/.test(e.name) || !e.name.includes('.') ? [rel] : [];
  });
}

/** `file:line: text` of every reference to the shared folder in the given folders and files. */
function referencesOutside(...roots: string[]): string[] {
  return roots.flatMap(files)
    .filter((f) => !ALLOWED.some((re) => re.test(f)))
    .flatMap((f) => fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => OUTSIDE.test(line))
      .map(({ line, i }) => `${f}:${i + 1}: ${line.trim()}`));
}

/** Where scripts/test.sh's typecheck keeps its incremental state (a hash and the diagnostics of every file it read). */
const MAIN_BUILD_INFO = path.join(TEST_OUT, 'cache', 'tsc.tsbuildinfo');
/** This test's own incremental state, from the last clone it type-checked. */
const CLONE_BUILD_INFO = path.join(TEST_OUT, 'cache', 'standalone-tsc.tsbuildinfo');
/** Where the clone's tsc keeps it: the same place, relative to the tree, as the main typecheck. */
const BUILD_INFO_IN_TREE = path.join('.test-out', 'cache', 'tsc.tsbuildinfo');

/**
 * Present while scripts/test.sh's typecheck runs: the pid of the shell that runs it, which removes
 * the file when tsc has written MAIN_BUILD_INFO (absent when this file runs alone).
 */
const MAIN_TYPECHECK_RUNNING = path.join(TEST_OUT, 'cache', 'tsc.running');
/**
 * The longest this test waits for it. The seed only saves work (the clone is checked in full
 * without one), so after this the clone's typecheck starts from whatever state there is.
 */
const MAIN_TYPECHECK_WAIT_MS = 60_000;

/**
 * Waits, at most MAIN_TYPECHECK_WAIT_MS, while scripts/test.sh's typecheck is running, so that its
 * state seeds the clone's typecheck. On a fresh clone without it, a clone checked before that
 * typecheck has finished starts from nothing: run alone beside a cold main typecheck, this file
 * cost 19.6 s of CPU without the wait and 11.4 s with it. In four fresh-clone `npm test` runs
 * (11:05 to 11:22) the main typecheck had finished during vitest's global setup, before this
 * file started, so the wait did not occur there: it matters when that typecheck is late.
 */
async function mainTypecheckSettled(): Promise<void> {
  const deadline = Date.now() + MAIN_TYPECHECK_WAIT_MS;
  while (Date.now() < deadline) {
    let pid: number;
    try {
      pid = Number(fs.readFileSync(MAIN_TYPECHECK_RUNNING, 'utf8').trim());
    } catch {
      return; // no marker: no typecheck running
    }
    if (!Number.isSafeInteger(pid) || pid <= 0 || !processExists(pid)) return; // left behind by a killed run
    await sleep(250);
  }
}

/**
 * The text of the newer of the two incremental states that parses, or none. Its paths are relative to
 * `.test-out/cache/` (node_modules, the TypeScript libs, the sources), so it applies to the
 * clone as it does to this checkout. It holds no source text: tsc parses every file of the
 * clone again, compares each file's hash, and checks again every file that changed, whose
 * imports resolve differently, or that depends on one that did; the rest keep their recorded
 * diagnostics (none, or the typecheck had failed).
 */
function seedBuildInfo(): string | undefined {
  const usable = [MAIN_BUILD_INFO, CLONE_BUILD_INFO].flatMap((f) => {
    try {
      // Read once and parsed: the main typecheck may be writing its file while this test runs.
      const text = fs.readFileSync(f, 'utf8');
      JSON.parse(text);
      return [{ text, mtime: fs.statSync(f).mtimeMs }];
    } catch {
      return [];
    }
  });
  return usable.sort((a, b) => b.mtime - a.mtime)[0]?.text;
}

/**
 * Whether the main typecheck's last run (scripts/test.sh, test/support/typecheck.ts) passed and
 * covers the clone: the clone's tsconfig.json is the checkout's, tsc would take the same root
 * files in the clone (only committed files are there: an untracked or deleted file changes the
 * roots), and every file that run read, the sources and the packages' and TypeScript's
 * declarations alike, is in the clone with the content tsc recorded (its own content hash,
 * passedAndUnchanged). tsc over the clone would then read the very same files and report what
 * that run reported: no error. A file the run read that the clone lacks (one never committed)
 * fails the check, and tsc runs in the clone. The paths of the state are relative to
 * `.test-out/cache/`, so they are read in the clone (node_modules through its link). About 5 s of
 * CPU (the clone's tsc parses all 2,000 files even when nothing changed).
 */
function mainPassCoversClone(clone: string): boolean {
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const cloneTsconfig = path.join(clone, 'tsconfig.json');
  if (fs.readFileSync(cloneTsconfig, 'utf8') !== fs.readFileSync(tsconfig, 'utf8')) return false;
  const buildInfo = path.join(clone, BUILD_INFO_IN_TREE);
  try {
    fs.mkdirSync(path.dirname(buildInfo), { recursive: true });
    fs.copyFileSync(MAIN_BUILD_INFO, buildInfo);
    fs.copyFileSync(`${MAIN_BUILD_INFO}.passed`, `${buildInfo}.passed`);
  } catch {
    return false; // no passing main typecheck recorded
  }
  return passedAndUnchanged({ buildInfo, key: tscStateKey(ROOT, [tsconfig]) }, configRootFiles(cloneTsconfig));
}

describe('the repository stands alone', () => {
  it('no code, test, script, configuration or document reads or links the shared folder beside the repo (except the import scripts)', () => {
    const roots = ['lib', 'test', 'stacks', 'scripts', 'bench', '.ci', 'terraform', 'docs', 'README.md', 'package.json', 'vitest.config.ts', 'tsconfig.json', 'cdktf.json'];
    expect(roots.flatMap(files).length).toBeGreaterThan(100);
    expect(referencesOutside(...roots)).toEqual([]);
  });

  it('detects such a reference (the check can fail)', () => {
    const probe = path.join('.test-out', 'standalone-probe', 'probe.ts');
    fs.mkdirSync(path.join(ROOT, path.dirname(probe)), { recursive: true });
    // Written from parts, so that this file holds no such reference itself.
    const up = "'..'";
    fs.writeFileSync(path.join(ROOT, probe), `const crds = path.join(ROOT, ${up}, 'shared', 'strimzi');\nconst docs = '${'..'}/shared/docs/RULES.md';\n`);
    try {
      expect(referencesOutside(path.dirname(probe))).toHaveLength(2);
    } finally {
      fs.rmSync(path.join(ROOT, path.dirname(probe)), { recursive: true, force: true });
    }
  });

  it('a git clone of the committed tree, with nothing beside it, type-checks and synthesizes every example', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-clone-'));
    const clone = path.join(parent, 'kafka-iac');
    try {
      execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${ROOT}`, clone], { stdio: 'pipe' });
      expect(fs.readdirSync(parent)).toEqual(['kafka-iac']);
      // The dependencies as `npm ci` would install them; a link keeps this test offline and fast.
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
      const bin = (name: string) => path.join(clone, 'node_modules', '.bin', name);
      // The synthesis first: the main typecheck (scripts/test.sh) has that long to finish before
      // the wait below.
      execFileSync(bin('tsx'), ['stacks/main.ts'], { cwd: clone, stdio: 'pipe' });
      expect(fs.existsSync(path.join(clone, 'cdktf.out', 'stacks', 'production', 'cdk.tf.json'))).toBe(true);
      expect(fs.existsSync(path.join(clone, 'dist', 'staging', 'kustomization.yaml'))).toBe(true);
      expect(fs.existsSync(path.join(clone, 'schemas', 'strimzi', 'index.json'))).toBe(true);
      // Incremental, from the last typecheck's state copied into the clone (about 4 s of CPU
      // instead of 12 when little changed; a full check without one). tsc and every file it
      // resolves are read through the clone's node_modules link, not the link's target
      // (--preserve-symlinks for tsc's own path, hence its libs; preserveSymlinks for the
      // program), so the recorded paths are the same in the clone as in this checkout.
      await mainTypecheckSettled();
      // The main typecheck passed and every file it read is in the clone with the same content:
      // tsc over the clone would read the same files and report the same (see mainPassCoversClone).
      if (mainPassCoversClone(clone)) {
        // The skip holds only for the same content: with one source file of the clone changed,
        // tsc runs there.
        const changed = path.join(clone, 'lib', 'model', 'errors.ts');
        const text = fs.readFileSync(changed, 'utf8');
        fs.writeFileSync(changed, `${text}\n`);
        try {
          expect(mainPassCoversClone(clone), 'a changed file in the clone').toBe(false);
        } finally {
          fs.writeFileSync(changed, text);
        }
        expect(mainPassCoversClone(clone)).toBe(true);
        return;
      }
      const seed = seedBuildInfo();
      if (seed) {
        fs.mkdirSync(path.join(clone, path.dirname(BUILD_INFO_IN_TREE)), { recursive: true });
        fs.writeFileSync(path.join(clone, BUILD_INFO_IN_TREE), seed);
      }
      const tsc = path.join(clone, 'node_modules', 'typescript', 'bin', 'tsc');
      try {
        execFileSync(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', tsc,
          '--noEmit', '-p', 'tsconfig.json', '--incremental', '--preserveSymlinks', '--tsBuildInfoFile', BUILD_INFO_IN_TREE], { cwd: clone, stdio: 'pipe', encoding: 'utf8' });
      } catch (e) {
        throw new Error(`the clone does not type-check:\n${(e as { stdout?: string }).stdout ?? ''}`, { cause: e });
      }
      fs.mkdirSync(path.dirname(CLONE_BUILD_INFO), { recursive: true });
      fs.copyFileSync(path.join(clone, BUILD_INFO_IN_TREE), CLONE_BUILD_INFO);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
