import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { KafkaApp } from '../../lib/app/kafka-app';
import { EXAMPLES_DIR, EXAMPLE_ENVIRONMENTS, TEST_OUT, exampleDist } from '../support/paths';

function manifests(env: string): Record<string, any>[] {
  return parseAllDocuments(fs.readFileSync(path.join(exampleDist(env), 'kafka.k8s.yaml'), 'utf8')).map((d) => d.toJS());
}

function one(objects: Record<string, any>[], what: string, pick: (o: Record<string, any>) => boolean): Record<string, any> {
  const found = objects.filter(pick);
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}`);
  return found[0];
}

function report(env: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(exampleDist(env), 'report.json'), 'utf8'));
}

function statusOf(env: string, ruleId: string): string[] {
  return report(env).entries.filter((e: any) => e.ruleId === ruleId).map((e: any) => e.status);
}

const SHOP_PRINCIPALS = ['audit-sink', 'billing', 'kafka-admin', 'orders-service', 'payments-service'];
const SHOP_TOPICS = ['audit.events', 'order-state', 'orders', 'payments'];

describe('every example environment carries a capacity plan (CAP-001..003)', () => {
  it.each(EXAMPLE_ENVIRONMENTS)('%s: the report shows the plan and CAP-001/002 check the cluster against it', (env) => {
    const plans = report(env).sections['Capacity plan'];
    expect(plans).toHaveLength(1);
    expect(plans[0].diskBytes).toBeGreaterThan(plans[0].retainedBytes);
    expect(statusOf(env, 'CAP-001')).toContain('compliant');
    expect(statusOf(env, 'CAP-002')).toContain('compliant');
    expect(fs.readFileSync(path.join(exampleDist(env), 'report.md'), 'utf8')).toContain('## Capacity plan');
  });
});

describe('the staging example applies the shop access model on Strimzi', () => {
  const objects = manifests('staging');

  it('has one KafkaUser per principal, each with simple authorization, and a KafkaTopic per topic', () => {
    const users = objects.filter((o) => o.kind === 'KafkaUser');
    // Staging adds KEDA's scaler principal (ConsumerAutoscaling of group payments) to the shop's.
    expect(users.map((u) => u.metadata.name).sort()).toEqual([...SHOP_PRINCIPALS, 'keda-payments'].sort());
    for (const user of users) {
      expect(user.metadata.labels['strimzi.io/cluster']).toBe('staging-kafka');
      expect(user.spec.authentication.type).toBe('scram-sha-512');
      expect(user.spec.authorization.type).toBe('simple');
    }
    const topics = objects.filter((o) => o.kind === 'KafkaTopic');
    expect(topics.map((t) => t.spec.topicName ?? t.metadata.name).sort()).toEqual(SHOP_TOPICS);
    expect(topics.every((t) => t.spec.replicas === 3)).toBe(true);
  });

  it('names only the model admin as a super user (SEC-004) and passes SEC-005', () => {
    const kafka = one(objects, 'Kafka', (o) => o.kind === 'Kafka');
    // The admin as a SCRAM user name and as a TLS client certificate subject; nothing else.
    expect(kafka.spec.kafka.authorization).toEqual({ type: 'simple', superUsers: ['kafka-admin', 'CN=kafka-admin'] });
    expect(statusOf('staging', 'SEC-005')).toContain('compliant');
    expect(statusOf('staging', 'SEC-005')).not.toContain('non-compliant');
  });
});

describe('the development example applies the shop access model with a Job', () => {
  const objects = manifests('development');

  it('runs the ACL and topic Job with the broker image, as the declared admin, against the cluster CA', () => {
    const broker = one(objects, 'StatefulSet', (o) => o.kind === 'StatefulSet');
    const job = one(objects, 'Job', (o) => o.kind === 'Job');
    const container = job.spec.template.spec.containers[0];
    expect(container.image).toBe(broker.spec.template.spec.containers[0].image);
    expect(container.env).toContainEqual({ name: 'ADMIN_USER', value: 'kafka-admin' });
    expect(job.spec.template.spec.volumes.find((v: any) => v.name === 'admin-credentials').secret.secretName).toBe('kafka-admin-credentials');
    expect(job.spec.template.spec.volumes.find((v: any) => v.name === 'cluster-ca').secret.secretName).toMatch(/^dev-kafka-/);
  });

  it('creates every topic at RF 1, the only factor a single node can hold', () => {
    const artefacts = one(objects, 'access ConfigMap', (o) => o.kind === 'ConfigMap' && o.data?.['topics.txt'] !== undefined);
    const lines = artefacts.data['topics.txt'].split('\n').filter((l: string) => l.startsWith('--create'));
    expect(lines).toHaveLength(SHOP_TOPICS.length);
    expect(lines.every((l: string) => l.includes('--replication-factor 1'))).toBe(true);
    expect(artefacts.data['acls.txt']).toContain('--allow-principal User:payments-service');
  });
});

describe('KafkaApp.synth', () => {
  it('returns, per environment, where it wrote and the report counts (what npm run synth prints)', () => {
    // What buildExamples().synth() returned in the global setup, which wrote .test-out/examples.
    const written = inject('exampleSynthesis');
    expect(written.map((w) => w.environment)).toEqual(['production', 'dr', 'staging', 'staging-dr', 'development']);
    expect(written.every((w) => w.errors === 0)).toBe(true);
    const production = written.find((w) => w.environment === 'production')!;
    expect(production.terraformDirs).toEqual([path.join(EXAMPLES_DIR, 'cdktf.out', 'stacks', 'production')]);
    expect(fs.existsSync(path.join(production.terraformDirs[0], 'cdk.tf.json'))).toBe(true);
    expect(production.distDir).toBe(exampleDist('production'));
    const development = written.find((w) => w.environment === 'development')!;
    expect(development.terraformDirs).toEqual([]);
    expect(development.warnings).toBe(report('development').summary.warnings);
    expect(development.warnings).toBeGreaterThan(0);
  });
});

describe('KafkaApp under cdktf-cli', () => {
  it('writes Terraform JSON where cdktf-cli asks (CDKTF_OUTDIR), unless terraformOutdir is given', () => {
    fs.mkdirSync(TEST_OUT, { recursive: true });
    const dir = fs.mkdtempSync(path.join(TEST_OUT, 'cdktf-outdir-'));
    const before = process.env.CDKTF_OUTDIR;
    process.env.CDKTF_OUTDIR = path.join(dir, 'from-cli');
    try {
      const app = new KafkaApp({ distDir: path.join(dir, 'dist') });
      expect(app.terraform.outdir).toBe(path.join(dir, 'from-cli'));
      expect(new KafkaApp({ terraformOutdir: path.join(dir, 'explicit'), distDir: path.join(dir, 'dist') }).terraform.outdir).toBe(path.join(dir, 'explicit'));
    } finally {
      if (before === undefined) delete process.env.CDKTF_OUTDIR;
      else process.env.CDKTF_OUTDIR = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
