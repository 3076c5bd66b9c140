// Runs the consumer's snapshot test of docs/testing.md with vitest, as written, against this
// checkout ('kafka-iac' and 'kafka-iac/testing' resolved to lib/): the first run writes the
// snapshot; then one more vitest process runs two copies beside each other, each with that
// snapshot: the unchanged test passes, and a change to the environment fails it.
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

/** Runs vitest in `dir` (its own config, not this repo's); `CI=true` as on a CI machine, where vitest writes no new snapshot. */
function vitest(dir: string, ...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir, ...args], {
    cwd: dir, encoding: 'utf8', timeout: 5 * 60_000, env: { ...process.env, CI: 'true', KAFKA_IAC_QUIET: '1' },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('docs/testing.md: the consumer snapshot test', () => {
  it('writes a snapshot on the first run, passes on the second, and fails when the environment changes', () => {
    // One folder (the same root, hence the same transform cache keys, every time): first/ for the
    // first run, then unchanged/ and changed/, each with a copy of the snapshot the first run wrote.
    const dir = path.join(TEST_OUT, 'testing-guide');
    fs.rmSync(dir, { recursive: true, force: true });
    // Stale entries (the transforms of files since changed) are dropped once they pile up.
    if (fs.existsSync(MODULE_CACHE) && fs.readdirSync(MODULE_CACHE).length > 2000) fs.rmSync(MODULE_CACHE, { recursive: true, force: true });
    const code = guideExample()
      .replace(/from 'kafka-iac\/testing'/g, `from '${path.join(ROOT, 'lib', 'testing', 'index.ts')}'`)
      .replace(/from 'kafka-iac'/g, `from '${path.join(ROOT, 'lib', 'index.ts')}'`);
    const write = (name: string, test: string) => {
      fs.mkdirSync(path.join(dir, name), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'production.test.ts'), test);
    };
    write('first', code);
    // The harness's configuration, not the guide's: a long timeout; one worker runs every file
    // given (the library loads once); vitest keeps its transforms of the library in .test-out/cache.
    const test = {
      include: ['*/production.test.ts'], testTimeout: 120_000, isolate: false, maxWorkers: 1,
      experimental: { fsModuleCache: true, fsModuleCachePath: MODULE_CACHE },
    };
    fs.writeFileSync(path.join(dir, 'vitest.config.mjs'), `export default ${JSON.stringify({ test })};\n`);

    const first = vitest(dir, '--update', 'first/');
    expect(first.status, first.output).toBe(0);
    const snapshot = path.join(dir, 'first', '__snapshots__', 'production.test.ts.snap');
    const snap = fs.readFileSync(snapshot, 'utf8');
    expect(snap).toContain('"aws_msk_cluster"');
    expect(snap).toContain('"report"');
    expect(snap).not.toContain(ROOT);

    // The second run and the changed run in one process.
    write('unchanged', code);
    write('changed', code.replace("'10.30.8.0/24'", "'10.30.9.0/24'"));
    for (const name of ['unchanged', 'changed']) {
      fs.mkdirSync(path.join(dir, name, '__snapshots__'));
      fs.copyFileSync(snapshot, path.join(dir, name, '__snapshots__', 'production.test.ts.snap'));
    }
    const both = vitest(dir, 'unchanged/', 'changed/', '--reporter=default', '--reporter=json', '--outputFile.json=results.json');
    const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')).testResults as { name: string; status: string }[];
    const status = (name: string) => results.filter((f) => f.name === path.join(dir, name, 'production.test.ts')).map((f) => f.status);
    expect(status('unchanged'), both.output).toEqual(['passed']);
    expect(status('changed'), both.output).toEqual(['failed']);
    expect(results).toHaveLength(2);
    expect(both.status).not.toBe(0);
    expect(both.output).toMatch(/Snapshot .* mismatched/);
    expect(both.output).toContain('10.30.9.0/24');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
