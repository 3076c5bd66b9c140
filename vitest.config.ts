import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that run the real tools for tens of seconds start first, so that neither core is
 * left idle at the end while one of them finishes (vitest's own order puts files it has no
 * timings for by size).
 */
const SLOW_FIRST = [
  // npm pack (the build, once per content of lib/ and the package files), one npm install and
  // eight consumer projects: the longest file when lib/ changed since the last run.
  /test\/consumers\/consumers\.test\.ts$/,
  /test\/validators\/promtool-examples\.test\.ts$/,
  /test\/validators\/terraform\.test\.ts$/,
  /test\/project\/standalone\.test\.ts$/,
  /test\/validators\/promtool\.test\.ts$/,
  // Real Prometheus and Alertmanager servers on 127.0.0.1 (alert routing, dashboard panels).
  /test\/e2e\/prometheus-e2e\.test\.ts$/,
  /test\/testing\/testing-guide\.test\.ts$/,
  /test\/project\/doc-blocks\.test\.ts$/,
  /test\/cli\/kafka-iac-cli\.test\.ts$/,
  /test\/project\/readme\.test\.ts$/,
  /test\/project\/entry-points\.test\.ts$/,
];

class SlowFirstSequencer extends BaseSequencer {
  public override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((re) => re.test(f.moduleId));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
  }
}

/**
 * The folder of vitest's module cache for this tree. vitest keys each cached module by the file's
 * path and content, the vite and vitest configuration and the lock file, but not by
 * tsconfig.json (whose `target`, `useDefineForClassFields` or `verbatimModuleSyntax` change what
 * vite's TypeScript transform emits), and a cached module keeps the files its imports resolved
 * to, so a new file that an import would now resolve to (`./mod.ts` beside `./mod/index.ts`) is not
 * seen. Both go into the folder's name: tsconfig.json's text and the list of every file under the
 * source folders (an added, removed or renamed file starts a new cache). The folders of other
 * keys are removed, so the cache holds one tree's modules.
 */
function moduleCacheFolder(): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync('tsconfig.json'));
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else hash.update('\0').update(p);
    }
  };
  for (const dir of ['lib', 'test', 'stacks', 'scripts', 'bench/apps']) walk(dir);
  const parent = '.test-out/cache/vitest-modules';
  const name = hash.digest('hex').slice(0, 16);
  if (fs.existsSync(parent)) {
    for (const e of fs.readdirSync(parent)) if (e !== name) fs.rmSync(path.join(parent, e), { recursive: true, force: true });
  }
  return path.join(parent, name);
}

export default defineConfig({
  resolve: {
    // The tests' `import ts from 'typescript'` loads the compiler with require (test/support/typescript-require.ts).
    alias: [{ find: /^typescript$/, replacement: fileURLToPath(new URL('test/support/typescript-require.ts', import.meta.url)) }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/cpu-per-file.ts', 'test/support/creation-stacks.ts', 'test/support/remove-temporary-folders.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two workers for the 2-core machine. Terraform and promtool run as child processes beside them.
    maxWorkers: 2,
    // KafkaApp.synth prints one line per environment; the suite's apps stay quiet.
    // GOGC=400: the Go tools the tests run (terraform and its AWS provider plugin, promtool,
    // amtool, prometheus, alertmanager, kubectl) collect garbage a quarter as often. Measured on
    // this machine kind: `terraform test` over the example wrapper 9.2 -> 6.1 s of CPU (peak RSS
    // 315 -> 560 MB), `terraform validate` 3.7 -> 2.9 s, the slowest promtool unit tests 4.2 ->
    // 3.1 s; GOGC=800 saved nothing more (docs/performance.md). What the tools check is unchanged.
    env: { KAFKA_IAC_QUIET: '1', GOGC: '400' },
    // Test files share a worker's modules (cdktf, the AWS provider classes, cdk8s and the 35k
    // lines of Strimzi classes load once per worker instead of once per file: most of the
    // suite's import time). Tests keep no global state between files; the one test that sets
    // CDKTF_OUTDIR restores it.
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
    experimental: {
      // The modules vite transformed (lib/, test/, the 38k lines of generated Strimzi classes)
      // are kept on disk, keyed by each file's content, and the next run loads them instead of
      // transforming again (a fresh clone transforms all). In .test-out with the other caches,
      // in a folder keyed by what vitest's own key leaves out (moduleCacheFolder).
      fsModuleCache: true,
      fsModuleCachePath: moduleCacheFolder(),
    },
  },
});
