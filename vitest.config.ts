import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Terraform and promtool are CPU-heavy; two workers fit the 2-core CI machine.
    maxWorkers: 2,
    // KafkaApp.synth prints one line per environment; the suite's apps stay quiet.
    env: { KAFKA_IAC_QUIET: '1' },
  },
});
