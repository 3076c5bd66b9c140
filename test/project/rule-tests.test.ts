// Tests mirror lib/rules: one test file per rule ID, named like the rule file
// (lib/rules/ha-001-broker-count.ts -> test/rules/ha-001-broker-count.test.ts), so that
// `test/**/ha-001*` finds every test of HA-001 and `npm run mutate` can pair a rule with its tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

const RULE_FILE = /^((?:ha|sec|cap|perf|mon|slo|dr)-\d{3})-[a-z0-9-]+\.ts$/;
const ruleFiles = fs.readdirSync(path.join(ROOT, 'lib/rules')).filter((f) => RULE_FILE.test(f));
const libFiles = new Set(fs.readdirSync(path.join(ROOT, 'lib/rules')).filter((f) => f.endsWith('.ts')));
const testFiles = fs.readdirSync(path.join(ROOT, 'test/rules')).filter((f) => f.endsWith('.test.ts'));

describe('test/rules mirrors lib/rules', () => {
  it('finds the rule files (the pattern still matches the layout)', () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(49);
  });

  it('has a test file for every rule ID in lib/rules, named like the rule file', () => {
    const missing = ruleFiles.filter((f) => !testFiles.includes(f.replace(/\.ts$/, '.test.ts')));
    expect(missing, 'rule files without test/rules/<name>.test.ts').toEqual([]);
  });

  it('has no test file in test/rules that names no file of lib/rules', () => {
    const orphans = testFiles.filter((f) => !libFiles.has(f.replace(/\.test\.ts$/, '.ts')));
    expect(orphans, 'test files of test/rules without a lib/rules/<name>.ts').toEqual([]);
  });

  it('has each rule test file name its rule ID and test it', () => {
    const silent = ruleFiles.filter((f) => {
      const id = RULE_FILE.exec(f)![1].toUpperCase();
      const text = fs.readFileSync(path.join(ROOT, 'test/rules', f.replace(/\.ts$/, '.test.ts')), 'utf8');
      // A file holds tests with its own `it`, or through a shared body such as describeMonitoringRule.
      return !text.includes(id) || !/\bit(\.each\([^)]*\))?\(|\bdescribeMonitoringRule\(/.test(text);
    });
    expect(silent, 'rule test files that never name their rule ID or hold no test').toEqual([]);
  });
});
