import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_OUT } from '../support/paths';

/** The first ```ts block after a README heading. */
function codeAfter(heading: string): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README heading ${heading}`).toBeGreaterThan(0);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(start));
  expect(block, `a ts block after ${heading}`).not.toBeNull();
  return block![1];
}

/** Runs a README example as written, with `kafka-iac` resolved to this checkout, in a fresh folder; returns the folder. */
function runExample(heading: string): string {
  fs.mkdirSync(TEST_OUT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(TEST_OUT, 'readme-'));
  const code = codeAfter(heading).replace(/from 'kafka-iac'/g, `from '${path.join(ROOT, 'lib', 'index.ts')}'`);
  fs.writeFileSync(path.join(dir, 'main.ts'), code);
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['main.ts'], { cwd: dir, stdio: 'pipe' });
  return dir;
}

function reportOf(dir: string, env: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'dist', env, 'report.json'), 'utf8'));
}

describe('the README examples run as written', () => {
  it('quick start: Terraform JSON for the MSK cluster, a report with zero rule errors', () => {
    const dir = runExample('## Use it in your own IaC repo');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'production', 'cdk.tf.json'), 'utf8'));
    expect(Object.values<any>(json.resource.aws_msk_cluster)[0]).toMatchObject({ kafka_version: '3.9.x.kraft', number_of_broker_nodes: 3 });
    expect(reportOf(dir, 'production').summary.errors).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['## AWS MSK', 'production', 'cdktf.out/stacks/production/cdk.tf.json'],
    ['## Kafka on Kubernetes with Strimzi', 'staging', 'dist/staging/kafka.k8s.yaml'],
    ['## Kafka on plain Kubernetes StatefulSets (no operator)', 'production', 'dist/production/kafka.k8s.yaml'],
  ])('%s: writes %s with zero rule errors', (heading, env, output) => {
    const dir = runExample(heading);
    expect(fs.existsSync(path.join(dir, output)), output).toBe(true);
    expect(reportOf(dir, env).summary.errors).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
