import * as fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { EXAMPLES_DIR } from './paths';
import { buildExamples } from '../../stacks/examples';

/** Synthesizes every example environment once per test run, into .test-out/examples. */
export default function setup(_project: TestProject): void {
  fs.rmSync(EXAMPLES_DIR, { recursive: true, force: true });
  buildExamples({
    terraformOutdir: `${EXAMPLES_DIR}/cdktf.out`,
    distDir: `${EXAMPLES_DIR}/dist`,
    quiet: true,
  }).synth();
}
