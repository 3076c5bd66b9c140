import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { EnvironmentSynthesis } from '../../lib/app/kafka-app';
import './creation-stacks';
import { contentDigest } from './content-digest';
import { EXAMPLES_DIR, ROOT, TEST_OUT } from './paths';
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
 *
 * A rerun whose inputs have not changed takes the last run's output instead (a fresh clone always
 * synthesizes): the same sources (lib/, stacks/), packages (package.json, both lock files) and
 * Node version, by a SHA-256 of their content (SYNTHESIS_INPUTS), and an output folder whose every
 * file still has the content that synthesis wrote (a SHA-256 recorded with it). The synthesis is a
 * function of those inputs; the standalone test still runs `stacks/main.ts` in its clone on every
 * run. Loading the library into vitest's main process and synthesizing cost about 5 s of CPU.
 */
export default async function setup(project: TestProject): Promise<void> {
  removeScratchOfEndedWorkers();
  const key = contentDigest(ROOT, SYNTHESIS_INPUTS.filter((f) => fs.existsSync(path.join(ROOT, f))), synthesisSeed());
  const kept = keptSynthesis(key);
  if (kept) {
    project.provide('exampleSynthesis', kept);
    return;
  }
  fs.rmSync(SYNTHESIS_RECORD, { force: true });
  fs.rmSync(EXAMPLES_DIR, { recursive: true, force: true });
  const { buildExamples } = await import('../../stacks/examples');
  const written = buildExamples({ terraformOutdir: `${EXAMPLES_DIR}/cdktf.out`, distDir: `${EXAMPLES_DIR}/dist`, quiet: true }).synth();
  fs.mkdirSync(path.dirname(SYNTHESIS_RECORD), { recursive: true });
  const record: SynthesisRecord = { key, output: outputDigest(), written };
  fs.writeFileSync(SYNTHESIS_RECORD, JSON.stringify(record));
  project.provide('exampleSynthesis', written);
}

/**
 * What the examples' synthesis reads: the sources, the packages it loads, the configuration that
 * resolves them, and this file (the options it passes). One that is missing (a tree without
 * node_modules/.package-lock.json) counts as missing.
 */
const SYNTHESIS_INPUTS = ['lib', 'stacks', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json', 'test/support/global-setup.ts'];

/**
 * What else the synthesis depends on: the Node version, where it writes (the record holds
 * absolute paths), and the environment variables cdktf and cdk8s read at synthesis
 * (`CDKTF_CONTEXT_JSON`, `CDKTF_TARGET_STACK_ID`, `SYNTH_HCL_OUTPUT`, `CDK8S_DISABLE_SORT`...:
 * cdktf/lib/app.js, cdk8s/lib/api-object.js), and the library's own (`KAFKA_IAC_*`, not the suite's `KAFKA_IAC_TEST_*`).
 */
function synthesisSeed(): string {
  const env = Object.keys(process.env).filter((k) => /^(CDKTF_|CDK8S_|SYNTH_|KAFKA_IAC_(?!TEST_))/.test(k)).sort().map((k) => `${k}=${process.env[k]}`);
  return JSON.stringify([`node ${process.version}`, path.resolve(EXAMPLES_DIR), ...env]);
}

/** The key of the last synthesis, the digest of what it wrote, and what `synth()` returned. */
const SYNTHESIS_RECORD = path.join(TEST_OUT, 'cache', 'examples-synthesis.json');

interface SynthesisRecord {
  readonly key: string;
  readonly output: string;
  readonly written: EnvironmentSynthesis[];
}

/** A SHA-256 of every file under .test-out/examples. */
function outputDigest(): string {
  return contentDigest(EXAMPLES_DIR, fs.readdirSync(EXAMPLES_DIR).sort());
}

/** What the last synthesis returned, when it was of the same inputs and its output is unchanged. */
function keptSynthesis(key: string): EnvironmentSynthesis[] | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(SYNTHESIS_RECORD, 'utf8')) as SynthesisRecord;
    return record.key === key && record.output === outputDigest() ? record.written : undefined;
  } catch {
    return undefined;
  }
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
