import * as fs from 'node:fs';
import * as os from 'node:os';
import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import {
  ClientAuthentication, ClientNetwork, Environment, KafkaPrometheusMonitoring, KubernetesKafkaTarget, KafkaNetwork,
  KafkaVersion, MskCloudWatchAlarms, MskCluster, MskPrometheusMonitoring, RuleSuppressions, StrimziKafkaCluster,
} from '../../lib';
import type { KafkaApp } from '../../lib/app/kafka-app';
import { KafkaTesting, objectLikeMismatch } from '../../lib/testing';
import { stableValue } from '../../lib/testing/stable-values';

/** The README quick start (an MSK production cluster with its monitoring), with an optional escape hatch. */
function quickStart(app: KafkaApp, patch: (kafka: MskCluster) => void = () => {}): Environment {
  const production = Environment.production({ name: 'production', region: 'us-east-1' });
  const stack = app.stack(production);
  const network = new KafkaNetwork(stack, 'Network', {
    availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
    prometheusSources: [ClientNetwork.cidr('10.30.8.0/24', 'Prometheus')],
  });
  const kafka = new MskCluster(stack, 'Kafka', {
    network, kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT, brokers: 3,
    authentication: [ClientAuthentication.scramSha512(), ClientAuthentication.iam()],
  });
  new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: kafka.clusterName, brokers: kafka.brokers });
  new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers });
  patch(kafka);
  return production;
}

/** The README Strimzi example, in a staging chart. */
function strimzi(app: KafkaApp): { staging: Environment; cluster: StrimziKafkaCluster } {
  const staging = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const chart = app.chart(staging, 'kafka');
  const cluster = new StrimziKafkaCluster(chart, 'Kafka', {
    clusterName: 'staging-kafka',
    zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    controllers: { replicas: 3 },
    brokerPools: [{ replicas: 3, memory: '8Gi', storageSize: '200Gi' }],
    kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11',
    listeners: [{ name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }],
    clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })],
    admins: ['platform-admin'],
  });
  new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'staging-kafka', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6 });
  return { staging, cluster };
}

describe('KafkaTesting: an environment synthesized for a snapshot test', () => {
  it('returns the Terraform JSON per stack and the report, with no machine path left, and removes its folder', () => {
    const app = KafkaTesting.app();
    const root = app.distDir.replace(/\/dist$/, '');
    const production = quickStart(app);
    const docs = KafkaTesting.synth(app, production);
    expect(Object.keys(docs.terraform)).toEqual(['production']);
    expect(docs.hasResource('aws_msk_cluster', { number_of_broker_nodes: 3 })).toMatchObject({ kafka_version: '3.9.x.kraft' });
    expect(docs.report.summary.errors).toBe(0);
    expect(Object.keys(docs.files)).toEqual(expect.arrayContaining(['runbooks/broker-down.md', 'prometheus/kafka-production-kafka-msk-open-monitoring.rules.yml']));
    const text = JSON.stringify(docs.toSnapshot());
    expect(text).not.toContain(root);
    expect(text).not.toContain(os.tmpdir());
    expect(text).not.toContain(process.cwd());
    expect(fs.existsSync(root)).toBe(false);
    // A second call reuses the same synthesis.
    expect(KafkaTesting.synth(app, production)).toBe(docs);
  });

  it('gives the same snapshot on a second synthesis in another folder', () => {
    const first = KafkaTesting.app();
    const second = KafkaTesting.app();
    expect(KafkaTesting.synth(second, quickStart(second)).toSnapshot()).toEqual(KafkaTesting.synth(first, quickStart(first)).toSnapshot());
  });

  it('runs the rules: an override that breaks HA-001 throws, naming the rule and the path', () => {
    const app = KafkaTesting.app();
    const production = quickStart(app, (kafka) => kafka.resource.addOverride('number_of_broker_nodes', 1));
    expect(() => KafkaTesting.synth(app, production)).toThrow(/HA-001 \[production\/Kafka/);
  });

  it('fails hasResource with what it looked for and what it found', () => {
    const app = KafkaTesting.app();
    const docs = KafkaTesting.synth(app, quickStart(app));
    expect(() => docs.hasResource('aws_msk_cluster', { number_of_broker_nodes: 6 }))
      .toThrow("KIAC-ASSERT [production] expected a Terraform resource aws_msk_cluster with {\"number_of_broker_nodes\":6}; found 1 of that type, none matching (number_of_broker_nodes is 3, not 6)");
    expect(() => docs.hasResource('aws_instance')).toThrow('found none of that type');
  });

  it('reads manifests per chart and asserts Kubernetes objects and rule outcomes', () => {
    const app = KafkaTesting.app();
    const { staging, cluster } = strimzi(app);
    RuleSuppressions.add(cluster, [{ id: 'MON-011', reason: 'Certificates are renewed by the Strimzi cluster operator here.' }]);
    const docs = KafkaTesting.synth(app, staging);
    expect(Object.keys(docs.manifests)).toEqual(['kafka']);
    docs.hasManifest('Kafka', { metadata: { name: 'staging-kafka' }, spec: { kafka: { rack: { topologyKey: 'topology.kubernetes.io/zone' } } } });
    expect(docs.objects('KafkaNodePool')).toHaveLength(2);
    expect(docs.files['kustomization.yaml']).toContain('kafka.k8s.yaml');
    docs.ruleIsCompliant('HA-007');
    expect(() => docs.ruleIsCompliant('NO-SUCH-1')).toThrow('no report entry for it');
  });

  it('stops on a JSON patch that breaks a rule, as synth does', () => {
    const app = KafkaTesting.app();
    const { staging, cluster } = strimzi(app);
    cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/min.insync.replicas', 1));
    expect(() => KafkaTesting.synth(app, staging)).toThrow(/HA-003/);
  });

  it('refuses an environment the app has no stack or chart for', () => {
    const app = KafkaTesting.app();
    quickStart(app);
    expect(() => KafkaTesting.synth(app, Environment.staging({ name: 'staging', region: 'us-east-1' })))
      .toThrow(/KIAC-ENV \[KafkaTesting.synth\] environment is 'staging'; expected an environment with a stack or chart in this app \(production\)/);
  });
});

describe('stable values and partial matching', () => {
  it('replaces absolute paths (longest first) and ISO date-times', () => {
    expect(stableValue({ a: ['/tmp/x/dist/f', 'at 2026-12-06T23:07:40.123Z', 7], '/tmp/x/k': true }, [['/tmp/x', '<tmp>'], ['/tmp/x/dist', '<dist>']]))
      .toEqual({ a: ['<dist>/f', 'at <date-time>', 7], '<tmp>/k': true });
  });

  it('matches objects partly and arrays item by item', () => {
    expect(objectLikeMismatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } })).toBeUndefined();
    expect(objectLikeMismatch({ b: { c: 2 } }, { b: { c: 3 } })).toBe('b.c is 2, not 3');
    expect(objectLikeMismatch({ l: [1, 2] }, { l: [1] })).toBe('l has 2 items, not 1');
    expect(objectLikeMismatch({ l: [{ x: 1, y: 2 }] }, { l: [{ x: 1 }] })).toBeUndefined();
  });
});
