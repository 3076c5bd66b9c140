import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { EnvironmentSynthesis } from '../../lib/app/kafka-app';
import { EXAMPLES_DIR, TEST_OUT } from './paths';
import { buildExamples } from '../../stacks/examples';
import { processExists } from './processes';

declare module 'vitest' {
  export interface ProvidedContext {
    /** What `buildExamples().synth()` returned when the global setup wrote .test-out/examples. */
    exampleSynthesis: EnvironmentSynthesis[];
  }
}

/**
 * Synthesizes every example environment once per test run, into .test-out/examples, where
 * every test file reads them (terraform, promtool, kustomize, schemas, assertions): no test
 * synthesizes the examples again. What `synth()` returned is provided to the tests.
 */
export default function setup(project: TestProject): void {
  removeScratchOfEndedWorkers();
  fs.rmSync(EXAMPLES_DIR, { recursive: true, force: true });
  const written = buildExamples({ terraformOutdir: `${EXAMPLES_DIR}/cdktf.out`, distDir: `${EXAMPLES_DIR}/dist`, quiet: true }).synth();
  project.provide('exampleSynthesis', written);
}

/**
 * The scratch folders of worker processes that have ended (test/support/scratch.ts makes one per
 * worker, `worker-<pid>`, and a worker cannot know which file is its last): without this, every
 * run leaves two more. The folder of a live process (another run in this checkout) is kept.
 */
function removeScratchOfEndedWorkers(): void {
  const scratch = path.join(TEST_OUT, 'scratch');
  if (!fs.existsSync(scratch)) return;
  for (const name of fs.readdirSync(scratch)) {
    const pid = Number(/^worker-(\d+)$/.exec(name)?.[1]);
    if (pid && !processExists(pid)) fs.rmSync(path.join(scratch, name), { recursive: true, force: true });
  }
}
