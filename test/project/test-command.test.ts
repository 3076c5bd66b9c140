import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_OUT } from '../support/paths';
import { AWS_PROVIDER_VERSION, hasOfflineProviderMirror } from '../support/terraform';

/** Runs scripts/test-summary.mjs (the last line of `npm test`) on a vitest JSON report, and an ESLint one when given (`null`: named but missing). */
function summary(report: unknown, lint?: unknown): { stdout: string; stderr: string } {
  fs.mkdirSync(TEST_OUT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(TEST_OUT, 'summary-'));
  const file = path.join(dir, 'vitest.json');
  const lintFile = path.join(dir, 'eslint.json');
  if (report !== undefined) fs.writeFileSync(file, JSON.stringify(report));
  if (lint !== undefined && lint !== null) fs.writeFileSync(lintFile, JSON.stringify(lint));
  const r = spawnSync('node', [path.join(ROOT, 'scripts', 'test-summary.mjs'), file, ...(lint === undefined ? [] : [lintFile])], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { stdout: r.stdout, stderr: r.stderr };
}

const file = (name: string, status: string, assertions: string[], message = '') => ({
  name, status, message, assertionResults: assertions.map((s) => ({ status: s })),
});

describe('the test command', () => {
  it('counts a test file that fails to load, and one whose beforeAll throws, as failed (vitest JSON shapes of vitest 4)', () => {
    const { stdout, stderr } = summary({
      numPassedTests: 1, numFailedTests: 1, numPendingTests: 1,
      testResults: [
        file('/p/a.test.ts', 'failed', [], 'boom at import'),
        file('/p/b.test.ts', 'failed', ['passed', 'failed']),
        file('/p/c.test.ts', 'failed', ['skipped'], 'hook'),
        file('/p/d.test.ts', 'passed', ['passed']),
      ],
    });
    expect(stdout.trim().split('\n').at(-1)).toBe('1 passed, 3 failed');
    expect(stderr).toContain('failed to run: /p/a.test.ts: boom at import');
    expect(stderr).toContain('failed to run: /p/c.test.ts: hook');
  });

  it('counts each lint problem as a failure, naming it, and a missing lint report as one', () => {
    const passing = { numPassedTests: 2, numFailedTests: 0, testResults: [file('/p/d.test.ts', 'passed', ['passed', 'passed'])] };
    const lint = [
      { filePath: '/p/lib/model/a.ts', messages: [{ line: 3, column: 1, ruleId: 'no-restricted-imports', message: "'../rules/rule' import is restricted" }] },
      { filePath: '/p/lib/model/b.ts', messages: [] },
      { filePath: '/p/test/c.ts', messages: [{ line: 1, column: 9, ruleId: '@typescript-eslint/no-unused-vars', message: "'x' is defined but never used" }] },
    ];
    const { stdout, stderr } = summary(passing, lint);
    expect(stdout.trim().split('\n').at(-1)).toBe('2 passed, 2 failed');
    expect(stderr).toContain("lint: /p/lib/model/a.ts:3:1 '../rules/rule' import is restricted (no-restricted-imports)");
    expect(summary(passing, []).stdout.trim()).toBe('2 passed, 0 failed');
    expect(summary(passing, null).stdout.trim()).toBe('2 passed, 1 failed');
  });

  it('reports a failure when vitest wrote no report', () => {
    expect(summary(undefined).stdout.trim()).toBe('0 passed, 1 failed');
  });

  it('uses the offline provider mirror only when it holds the AWS provider', () => {
    fs.mkdirSync(TEST_OUT, { recursive: true });
    const mirror = fs.mkdtempSync(path.join(TEST_OUT, 'mirror-'));
    try {
      expect(hasOfflineProviderMirror(mirror)).toBe(false);
      const aws = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
      fs.mkdirSync(path.join(aws, '5.99.0'), { recursive: true });
      expect(hasOfflineProviderMirror(mirror)).toBe(false);
      fs.mkdirSync(path.join(aws, AWS_PROVIDER_VERSION, 'linux_amd64'), { recursive: true });
      expect(hasOfflineProviderMirror(mirror)).toBe(true);
    } finally {
      fs.rmSync(mirror, { recursive: true, force: true });
    }
  });

  it('scripts/test.sh and .ci/run are valid bash and end with the summary line', () => {
    for (const script of ['scripts/test.sh', '.ci/run']) {
      execFileSync('bash', ['-n', path.join(ROOT, script)]);
    }
    expect(fs.readFileSync(path.join(ROOT, 'scripts', 'test.sh'), 'utf8')).toContain('node scripts/test-summary.mjs .test-results/vitest.json .test-results/eslint.json');
    expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/\nnpm test 2>&1/);
  });
});
