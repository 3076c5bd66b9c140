import * as fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import type { EnvironmentSynthesis } from '../../lib/app/kafka-app';
import { EXAMPLES_DIR } from './paths';
import { buildExamples } from '../../stacks/examples';

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
  fs.rmSync(EXAMPLES_DIR, { recursive: true, force: true });
  const written = buildExamples({ terraformOutdir: `${EXAMPLES_DIR}/cdktf.out`, distDir: `${EXAMPLES_DIR}/dist`, quiet: true }).synth();
  project.provide('exampleSynthesis', written);
}
