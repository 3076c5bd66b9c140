// Runs the consumer's snapshot test of docs/testing.md with vitest, as written, against this
// checkout ('kafka-iac' and 'kafka-iac/testing' resolved to lib/), in one vitest process that runs
// three copies one after another: the first writes the snapshot; the second, unchanged, passes
// against that snapshot; the third, with a change to the environment, fails against it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_OUT } from '../support/paths';

/** vitest's transform cache for these runs (experimental.fsModuleCache, keyed by file content, path and configuration): the library is transformed once, not once per run. */
const MODULE_CACHE = path.join(TEST_OUT, 'cache', 'testing-guide-vitest');

function guideExample(): string {
  const guide = fs.readFileSync(path.join(ROOT, 'docs', 'testing.md'), 'utf8');
  const start = guide.indexOf('\n## A snapshot test of the quick start\n');
  expect(start, 'the heading in docs/testing.md').toBeGreaterThan(0);
  const block = /```ts[^\n]*\n([\s\S]*?)```/.exec(guide.slice(start));
  expect(block, 'a ts block under it').not.toBeNull();
  return block![1]!;
}

/** Runs vitest in `dir` (its own config, not this repo's). */
function vitest(dir: string, ...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir, ...args], {
    cwd: dir, encoding: 'utf8', timeout: 5 * 60_000, env: { ...process.env, KAFKA_IAC_QUIET: '1' },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('docs/testing.md: the consumer snapshot test', () => {
  it('writes a snapshot on the first run, passes on the second, and fails when the environment changes', () => {
    // One folder (the same root, hence the same transform cache keys, every time), with the runs
    // 1-first/, 2-unchanged/ and 3-changed/ in that order.
    const dir = path.join(TEST_OUT, 'testing-guide');
    fs.rmSync(dir, { recursive: true, force: true });
    // Stale entries (the transforms of files since changed) are dropped once they pile up.
    if (fs.existsSync(MODULE_CACHE) && fs.readdirSync(MODULE_CACHE).length > 2000) fs.rmSync(MODULE_CACHE, { recursive: true, force: true });
    const code = guideExample()
      .replace(/from 'kafka-iac\/testing'/g, `from '${path.join(ROOT, 'lib', 'testing', 'index.ts')}'`)
      .replace(/from 'kafka-iac'/g, `from '${path.join(ROOT, 'lib', 'index.ts')}'`);
    const runs = { first: '1-first', unchanged: '2-unchanged', changed: '3-changed' };
    const write = (name: string, test: string) => {
      fs.mkdirSync(path.join(dir, name), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'production.test.ts'), test);
    };
    write(runs.first, code);
    write(runs.unchanged, code);
    write(runs.changed, code.replace("'10.30.8.0/24'", "'10.30.9.0/24'"));
    // The harness's configuration, not the guide's: a long timeout; one worker runs the files one
    // after another in the order of their folders (the library loads once), and every copy keeps
    // its snapshot where the first one writes it, as each later run of a consumer's test reads
    // the file its first run wrote. `update: 'new'` is what `npx vitest run` does on a
    // developer's machine (write a snapshot that is missing, fail on a mismatch), also when this
    // suite runs on a CI machine. vitest keeps its transforms of the library in .test-out/cache.
    const snapshot = path.join(dir, runs.first, '__snapshots__', 'production.test.ts.snap');
    fs.writeFileSync(path.join(dir, 'vitest.config.mjs'), [
      `const snapshot = ${JSON.stringify(snapshot)};`,
      'export default { test: {',
      `  include: ['*/production.test.ts'], testTimeout: 120_000, isolate: false, maxWorkers: 1, update: 'new',`,
      `  experimental: { fsModuleCache: true, fsModuleCachePath: ${JSON.stringify(MODULE_CACHE)} },`,
      '  resolveSnapshotPath: () => snapshot,',
      '  sequence: { sequencer: class { async sort(files) { return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)); } async shard(files) { return files; } } },',
      '} };',
      '',
    ].join('\n'));

    const run = vitest(dir, '--reporter=default', '--reporter=json', '--outputFile.json=results.json');
    const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as { testResults: { name: string; status: string }[]; snapshot: { added: number; matched: number; unmatched: number; filesAdded: number } };
    const status = (name: string) => results.testResults.filter((f) => f.name === path.join(dir, name, 'production.test.ts')).map((f) => f.status);
    expect(status(runs.first), run.output).toEqual(['passed']);
    expect(status(runs.unchanged), run.output).toEqual(['passed']);
    expect(status(runs.changed), run.output).toEqual(['failed']);
    expect(results.testResults).toHaveLength(3);
    // The first run wrote the one snapshot, the unchanged run matched it, the changed run did not.
    expect(results.snapshot).toMatchObject({ added: 1, filesAdded: 1, matched: 1, unmatched: 1 });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/Snapshot .* mismatched/);
    expect(run.output).toContain('10.30.9.0/24');
    const snap = fs.readFileSync(snapshot, 'utf8');
    expect(snap).toContain('"aws_msk_cluster"');
    expect(snap).toContain('"report"');
    expect(snap).not.toContain(ROOT);
    // The changed run left the snapshot as the first run wrote it.
    expect(snap).toContain('10.30.8.0/24');
    expect(snap).not.toContain('10.30.9.0/24');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
