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

export default defineConfig({
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
      // transforming again (a fresh clone transforms all). In .test-out with the other caches.
      fsModuleCache: true,
      fsModuleCachePath: '.test-out/cache/vitest-modules',
    },
  },
});
