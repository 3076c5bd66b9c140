// Mutation testing of the rules (`npm run mutate`; not part of `npm test`, it is slow).
// Mutate one file or a glob:  npm run mutate -- --mutate 'lib/rules/ha-001-broker-count.ts'
// Per-test coverage runs each mutant against only the tests that reach it; the vitest config
// below holds the rule tests only (test/rules/<rule>.test.ts), so no promtool or terraform runs.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // related: false. The test files are already narrowed by scripts/mutate.ts (KAFKA_IAC_RULE_TESTS);
  // with related: true, Stryker 9.6 ran no test at all for a static mutant (the rule's metadata
  // object, evaluated at import), so every such mutant was reported as surviving.
  vitest: { configFile: 'vitest.rules.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: ['lib/rules/**/*.ts'],
  ignorePatterns: ['.test-out', '.test-results', 'cdktf.out', 'dist', 'reports', '.stryker-tmp', 'terraform/.terraform', '.bench-out', 'build', 'api-reference'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 75, break: null },
  concurrency: 1,
  timeoutMS: 60_000,
  timeoutFactor: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
