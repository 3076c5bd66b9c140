import { defineConfig } from 'vitest/config';

// The rule tests alone (test/rules/<rule>.test.ts), for `npm run mutate`: no validators
// (promtool, terraform, kustomize) run here. The global setup synthesizes the example
// environments that a few rule tests read.
export default defineConfig({
  test: {
    // scripts/mutate.ts narrows the run to the tests of the rule file it mutates.
    include: (process.env.KAFKA_IAC_RULE_TESTS ?? 'test/rules/**/*.test.ts').split(','),
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
