import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allCodeBlocks, blockSlug, codeBlocks, resolvedCode, type DocBlock } from '../support/doc-blocks';
import { ROOT, TEST_OUT } from '../support/paths';
import { forgetPass, passedAndUnchanged, recordPass, tscStateKey } from '../support/tsc-state';

/**
 * Every ```ts block of README.md and docs/*.md runs as written: type-checked once by tsc (one
 * process for all blocks), then imported in this process, each in its own folder as the
 * working directory, with `kafka-iac` resolved to this checkout (the library is loaded once,
 * which keeps the runner fast). Every rules report a block writes has zero rule errors.
 */
const BLOCKS_DIR = path.join(TEST_OUT, 'doc-blocks');
/** The incremental state of the blocks' typecheck, kept between runs. */
const BUILD_INFO = path.join(TEST_OUT, 'cache', 'doc-blocks.tsbuildinfo');
const blocks = allCodeBlocks();
const runnable = blocks.filter((b) => b.skipReason === undefined);
/** The folder each block ran in, by `file:line`. */
const ran = new Map<string, string>();

fs.rmSync(BLOCKS_DIR, { recursive: true, force: true });
// Every block is type-checked, a skip-test block too (it is only not run here: the testing
// guide's vitest example, for one, runs in test/testing/testing-guide.test.ts, which does not type-check it).
for (const block of blocks) {
  const dir = path.join(BLOCKS_DIR, blockSlug(block));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.ts'), resolvedCode(block, dir));
}

/** The reports (dist/<env>/report.json) a block wrote, by environment. */
function reportsIn(dir: string): Record<string, any> {
  const dist = path.join(dir, 'dist');
  if (!fs.existsSync(dist)) return {};
  return Object.fromEntries(fs.readdirSync(dist)
    .filter((env) => fs.existsSync(path.join(dist, env, 'report.json')))
    .map((env) => [env, JSON.parse(fs.readFileSync(path.join(dist, env, 'report.json'), 'utf8'))]));
}

async function run(block: DocBlock): Promise<string> {
  const dir = path.join(BLOCKS_DIR, blockSlug(block));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    await import(path.join(dir, 'main.ts'));
  } finally {
    process.chdir(cwd);
  }
  ran.set(`${block.file}:${block.line}`, dir);
  return dir;
}

afterAll(() => fs.rmSync(BLOCKS_DIR, { recursive: true, force: true }));

describe('the documentation code blocks', () => {
  it('are found in README.md and the guides, and every skipped one says why', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(10);
    expect(new Set(blocks.map((b) => b.file))).toContain('README.md');
    for (const b of blocks.filter((x) => x.skipReason !== undefined)) {
      expect(b.skipReason!.split(/\s+/).length, `${b.file}:${b.line}: a skip-test block needs a reason`).toBeGreaterThanOrEqual(4);
    }
  });

  it('type-check as written, skip-test blocks included (one tsc over every block)', () => {
    const tsconfig = path.join(BLOCKS_DIR, 'tsconfig.json');
    fs.writeFileSync(tsconfig, JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.json'),
      compilerOptions: { noUnusedLocals: false },
      include: [path.join(BLOCKS_DIR, '*', 'main.ts')],
    }));
    const state = { buildInfo: BUILD_INFO, key: tscStateKey(ROOT, [tsconfig, path.join(ROOT, 'tsconfig.json')]) };
    // tsc's last run over these very blocks passed, and no file it read (a block, lib/, a
    // package's declarations) has changed since: running it again would only say so again.
    if (passedAndUnchanged(state, blocks.map((b) => path.join(BLOCKS_DIR, blockSlug(b), 'main.ts')))) return;
    forgetPass(state);
    try {
      // Incremental (state in .test-out/cache): what is unchanged since the last run, the library
      // above all, keeps its recorded result; a changed block, or a block whose imports changed, is checked again.
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', tsconfig, '--incremental', '--tsBuildInfoFile', BUILD_INFO], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const out = String((e as { stdout?: string }).stdout ?? e);
      throw new Error(`the documentation blocks do not type-check:\n${out.replace(new RegExp(`${BLOCKS_DIR}/`, 'g'), '')}`, { cause: e });
    }
    recordPass(state);
  });

  it.each(runnable.map((b) => [`${b.file}:${b.line} (${b.heading})`, b] as const))('%s runs, and every report it writes has zero rule errors', async (_name, block) => {
    const dir = await run(block);
    for (const [env, report] of Object.entries(reportsIn(dir))) {
      expect(report.summary.errors, `${block.file}:${block.line}: ${env}`).toBe(0);
    }
  });
});

describe('what the examples write', () => {
  const blockUnder = (file: string, heading: string): DocBlock => {
    const block = codeBlocks(file).find((b) => b.heading === heading && b.skipReason === undefined);
    expect(block, `a ts block under ${heading} in ${file}`).toBeDefined();
    return block!;
  };
  const dirOf = async (block: DocBlock) => ran.get(`${block.file}:${block.line}`) ?? run(block);

  it('quick start: Terraform JSON for the MSK cluster, a report with zero rule errors', async () => {
    const dir = await dirOf(blockUnder('README.md', '## Quick start'));
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'production', 'cdk.tf.json'), 'utf8'));
    expect(Object.values<any>(json.resource.aws_msk_cluster)[0]).toMatchObject({ kafka_version: '3.9.x.kraft', number_of_broker_nodes: 3 });
    expect(reportsIn(dir).production.summary.errors).toBe(0);
  });

  it.each([
    ['docs/msk.md', '# AWS MSK', 'production', 'cdktf.out/stacks/production/cdk.tf.json'],
    ['docs/strimzi.md', '# Kafka on Kubernetes with Strimzi', 'staging', 'dist/staging/kafka.k8s.yaml'],
    ['docs/statefulset.md', '# Kafka on plain Kubernetes StatefulSets (no operator)', 'production', 'dist/production/kafka.k8s.yaml'],
    ['docs/dr.md', '## MirrorMaker 2 on Strimzi', 'staging-dr', 'dist/staging-dr/kafka.k8s.yaml'],
    ['docs/dr.md', '## MSK Replicator', 'dr', 'cdktf.out/stacks/dr/cdk.tf.json'],
  ])('%s (%s): writes %s with zero rule errors', async (file, heading, env, output) => {
    const dir = await dirOf(blockUnder(file, heading));
    expect(fs.existsSync(path.join(dir, output)), output).toBe(true);
    expect(reportsIn(dir)[env].summary.errors).toBe(0);
  });
});

describe('the block parser', () => {
  it('reads ts and typescript blocks, skips other languages, and requires a reason to skip', () => {
    const md = ['# T', '```ts', 'a();', '```', '```sh', 'ls', '```', '## U', '```typescript', 'b();', '```', '```ts skip-test needs a live AWS account', 'c();', '```'].join('\n');
    const found = codeBlocks('x.md', md);
    expect(found.map((b) => [b.line, b.heading, b.code, b.skipReason])).toEqual([
      [2, '# T', 'a();\n', undefined],
      [9, '## U', 'b();\n', undefined],
      [12, '## U', 'c();\n', 'needs a live AWS account'],
    ]);
    expect(() => codeBlocks('x.md', '```ts run-me\nx\n```')).toThrow(/unknown fence option 'run-me'/);
  });
});
