import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ENVIRONMENTS, exampleDist } from '../support/paths';
import { checkRules, filesEndingWith, testRules, type PromtoolResult } from '../support/promtool';

/**
 * promtool over the example environments that the global setup synthesized once for the whole
 * run (.test-out/examples): one `promtool check rules` over every rule file of every
 * environment, and one `promtool test rules` over every unit test, split into one process per
 * core with equal shares of the work. Each environment is then judged on its own files.
 */
describe('promtool over the example environments', () => {
  const files = Object.fromEntries(EXAMPLE_ENVIRONMENTS.map((env) => {
    const dir = path.join(exampleDist(env), 'prometheus');
    return [env, { dir, rules: filesEndingWith(dir, '.rules.yml'), tests: filesEndingWith(dir, '.test.yml') }];
  }));
  let check: PromtoolResult;
  let test: PromtoolResult;

  beforeAll(async () => {
    const all = Object.values(files);
    check = checkRules(all.flatMap((f) => f.rules));
    test = await testRules(all.flatMap((f) => f.tests));
  }, 900_000); // about 13 s of promtool CPU (2026-12-07, GOGC=400, GOMAXPROCS=1): a minute or more on a loaded machine

  for (const env of EXAMPLE_ENVIRONMENTS) {
    it(`${env}: every rule file passes promtool check rules and every unit test passes`, () => {
      const { dir, rules, tests } = files[env];
      expect(rules.length, `no generated rule files in ${dir}`).toBeGreaterThan(0);
      expect(tests.length).toBeGreaterThan(0);
      expect(rules.filter((f) => !check.passed.has(f)), check.output).toEqual([]);
      const failed = tests.filter((f) => !test.passed.has(f));
      expect(failed, test.output.split('\n').filter((l) => l.trim() && !/SUCCESS|^Unit Testing/.test(l)).slice(0, 60).join('\n')).toEqual([]);
    });
  }

  it('passes as a whole: both promtool runs exit 0', () => {
    expect(check.ok, check.output).toBe(true);
    expect(test.ok).toBe(true);
  });
});
