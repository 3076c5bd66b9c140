// Runs the consumer's snapshot test of docs/testing.md with vitest, as written, against this
// checkout ('kafka-iac' and 'kafka-iac/testing' resolved to lib/): the first run writes the
// snapshot, a second run passes, and a change to the environment fails it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_OUT } from '../support/paths';

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
    fs.mkdirSync(TEST_OUT, { recursive: true });
    const dir = fs.mkdtempSync(path.join(TEST_OUT, 'testing-guide-'));
    const code = guideExample()
      .replace(/from 'kafka-iac\/testing'/g, `from '${path.join(ROOT, 'lib', 'testing', 'index.ts')}'`)
      .replace(/from 'kafka-iac'/g, `from '${path.join(ROOT, 'lib', 'index.ts')}'`);
    fs.writeFileSync(path.join(dir, 'production.test.ts'), code);
    fs.writeFileSync(path.join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'], testTimeout: 120000 } };\n");

    const first = vitest(dir, '--update');
    expect(first.status, first.output).toBe(0);
    const snap = fs.readFileSync(path.join(dir, '__snapshots__', 'production.test.ts.snap'), 'utf8');
    expect(snap).toContain('"aws_msk_cluster"');
    expect(snap).toContain('"report"');
    expect(snap).not.toContain(ROOT);

    const second = vitest(dir);
    expect(second.status, second.output).toBe(0);

    fs.writeFileSync(path.join(dir, 'production.test.ts'), code.replace("'10.30.8.0/24'", "'10.30.9.0/24'"));
    const changed = vitest(dir);
    expect(changed.status).not.toBe(0);
    expect(changed.output).toMatch(/Snapshot .* mismatched/);
    expect(changed.output).toContain('10.30.9.0/24');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
