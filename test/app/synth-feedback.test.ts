import * as fs from 'node:fs';
import * as path from 'node:path';
import { Chart, JsonPatch, type App as Cdk8sApp, Testing as Cdk8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib';
import {
  ClientAuthentication, ClientNetwork, Environment, KafkaApp, KafkaNetwork, KafkaVersion, MskCloudWatchAlarms, MskCluster, MskPrometheusMonitoring,
  StrimziKafkaCluster,
} from '../../lib';
import type { ReportEntry } from '../../lib/rules/report';
import { ComplianceReport } from '../../lib/rules/report';
import { TEST_OUT } from '../support/paths';
import { SCRATCH_APP } from '../support/scratch';

function development(app: KafkaApp): Environment {
  const env = Environment.development({ name: 'development', region: 'us-east-1' });
  const stack = app.stack(env);
  const network = new KafkaNetwork(stack, 'Network', {
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
  });
  const kafka = new MskCluster(stack, 'Kafka', { network, kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT, brokers: 2, authentication: [ClientAuthentication.iam()] });
  new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: kafka.clusterName, brokers: kafka.brokers });
  new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers });
  return env;
}

function outDir(): string {
  fs.mkdirSync(TEST_OUT, { recursive: true });
  return fs.mkdtempSync(path.join(TEST_OUT, 'feedback-'));
}

afterEach(() => vi.restoreAllMocks());

describe('KafkaApp.synth tells the user what it did', () => {
  it('prints one line per environment: errors, warnings, suppressions, where the files and the report went', () => {
    const dir = outDir();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), quiet: false });
    development(app);
    const [result] = app.synth();
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]![0]);
    expect(result!.warnings).toBeGreaterThan(0); // two brokers in development: HA rules are warnings there
    expect(line).toBe(`kafka-iac development: 0 errors, ${result!.warnings} warnings, 0 suppressed; `
      + `Terraform in ${path.join(dir, 'cdktf.out', 'stacks', 'development')}; files in ${path.join(dir, 'dist', 'development')}; `
      + `report ${path.join(dir, 'dist', 'development', 'report.md')}`);
    expect(fs.existsSync(result!.reportFile)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints nothing when quiet', () => {
    const dir = outDir();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), quiet: true });
    development(app);
    app.synth();
    expect(log).not.toHaveBeenCalled();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists problems first in report.md and report.json: errors, warnings, suppressed, then the rest', () => {
    const env = Environment.development({ name: 'development', region: 'us-east-1' });
    const entry = (ruleId: string, status: ReportEntry['status'], level: ReportEntry['level'] = 'error'): ReportEntry => ({
      ruleId, title: ruleId, level, status, path: `p/${ruleId}`, resource: 'r', findings: [], notes: [], remediation: 'fix',
    });
    const report = new ComplianceReport(env, [
      entry('HA-001', 'compliant'), entry('HA-002', 'not-applicable'), entry('HA-003', 'suppressed'),
      entry('HA-004', 'non-compliant', 'warning'), entry('HA-005', 'compliant'), entry('HA-006', 'non-compliant', 'error'),
    ]);
    const order = ['HA-006', 'HA-004', 'HA-003', 'HA-001', 'HA-005', 'HA-002'];
    expect((report.toJson().entries as ReportEntry[]).map((e) => e.ruleId)).toEqual(order);
    const rows = report.toMarkdown().split('\n').filter((l) => /^\| HA-/.test(l)).map((l) => l.split(' | ')[0]!.slice(2));
    expect(rows).toEqual(order);
  });
});

describe('no API skips the rules', () => {
  it('has no public way to attach an environment to a scope that does not run the rules', () => {
    expect('attachTo' in Environment.prototype).toBe(false);
    expect(Object.keys(api)).not.toContain('attachEnvironment');
  });

  it("refuses kafka-iac constructs in a user's own cdktf stack, pointing at KafkaStack (which runs the rules)", () => {
    const stack = new TerraformStack(Testing.app(SCRATCH_APP), 'mine');
    expect(() => new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: 'orders', brokers: 3 }))
      .toThrow(/KIAC-ENV \[mine\/Alarms\] environment is missing; expected the construct inside a KafkaStack or KafkaChart, which run the rules at synthesis\..*new KafkaStack\(yourCdktfApp/);
  });

  it("refuses them in a user's own cdk8s Chart, and a KafkaChart in the user's cdk8s App runs the rules", () => {
    const app: Cdk8sApp = Cdk8sTesting.app(SCRATCH_APP);
    const props = {
      clusterName: 'orders', zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], controllers: { replicas: 3 },
      brokerPools: [{ replicas: 3, memory: '8Gi', storageSize: '200Gi' }],
      kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11',
      listeners: [{ name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }],
      clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })],
      admins: ['platform-admin'],
    };
    expect(() => new StrimziKafkaCluster(new Chart(app, 'mine'), 'Kafka', props)).toThrow(/KIAC-ENV \[mine\/Kafka\].*KafkaChart/);
    const chart = new api.KafkaChart(app, 'kafka', { environment: Environment.staging({ name: 'staging', region: 'us-east-1' }) });
    const cluster = new StrimziKafkaCluster(chart, 'Kafka', props);
    cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/min.insync.replicas', 1));
    expect(() => app.synth()).toThrow(/HA-003/);
  });
});
