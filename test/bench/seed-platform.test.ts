import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeedPlatform } from '../../bench/seed-platform';
import { TEST_OUT } from '../support/paths';

// The benchmark measures a platform that obeys every rule; if a rule change made it fail,
// `npm run bench` would stop instead of measuring. This keeps it honest at a small N.
describe('the seed-scale benchmark platform', () => {
  it('synthesizes 5 clusters in 3 regions with every rule running and zero rule errors', () => {
    fs.mkdirSync(TEST_OUT, { recursive: true });
    const dir = fs.mkdtempSync(path.join(TEST_OUT, 'seed-'));
    const platform = buildSeedPlatform({ topics: 40, terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist') });
    platform.app.synth();
    expect(platform.clusters).toBe(5);
    const envs = fs.readdirSync(path.join(dir, 'dist')).sort();
    expect(envs).toEqual(['seed-eu-west-1', 'seed-us-east-1', 'seed-us-west-2']);
    for (const env of envs) {
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'dist', env, 'report.json'), 'utf8'));
      expect(report.summary.errors, env).toBe(0);
      expect(report.entries.some((e: any) => e.ruleId === 'MON-001' && e.status === 'compliant'), env).toBe(true);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
