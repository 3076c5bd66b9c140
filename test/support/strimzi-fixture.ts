import { Testing } from 'cdk8s';
import { expect } from 'vitest';
import { ClientNetwork } from '../../lib/model/client-network';
import { Environment, EnvironmentProfile } from '../../lib/model/environment';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { suppressMonitoringRules } from './monitoring-rules';
import { StrimziKafkaCluster, type StrimziKafkaClusterProps } from '../../lib/targets/strimzi/strimzi-kafka-cluster';
import { SCRATCH_APP } from './scratch';

export const KMS_KEY = 'arn:aws:kms:us-east-1:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11';
export const KAFKA_PATH = 'kafka/Kafka/Resource';
export const BROKER_POOL_PATH = 'kafka/Kafka/BrokerPool';
export const CONTROLLER_POOL_PATH = 'kafka/Kafka/ControllerPool';

/** The options of the Kubernetes fixtures (`strimziChart`, and `statefulSetChart` of statefulset-fixture.ts). */
export interface KubernetesFixtureOptions {
  /** @default EnvironmentProfile.PRODUCTION (the environment is named after its profile, in us-east-1) */
  readonly profile?: EnvironmentProfile;
  /** Keep the MON rules in force; by default they are suppressed with a reason (the fixture has no monitoring). */
  readonly enforceMonitoringRules?: boolean;
}

/** The app, the chart `kafka` and its environment that both Kubernetes fixtures build their cluster `Kafka` in. */
export function kubernetesFixtureChart(options: KubernetesFixtureOptions) {
  const profile = options.profile ?? EnvironmentProfile.PRODUCTION;
  const environment = new Environment({ name: profile, profile, region: 'us-east-1' });
  const app = Testing.app(SCRATCH_APP);
  const chart = new KafkaChart(app, 'kafka', { environment });
  if (!options.enforceMonitoringRules) suppressMonitoringRules(chart);
  return { app, chart, environment };
}

/** The props both Kubernetes fixture clusters start from: `orders`, a KMS key, one client workload namespace, one admin. */
export function fixtureClusterProps() {
  return {
    clusterName: 'orders',
    kmsKeyId: KMS_KEY,
    clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })],
    admins: ['platform-admin'],
  };
}

/** A chart `kafka` with a StrimziKafkaCluster `Kafka` (3 controllers, 3 brokers, 3 zones), for construct and rule tests. */
export function strimziChart(options: KubernetesFixtureOptions & { cluster?: Partial<StrimziKafkaClusterProps> } = {}) {
  const { app, chart, environment } = kubernetesFixtureChart(options);
  const cluster = new StrimziKafkaCluster(chart, 'Kafka', { ...fixtureClusterProps(), ...options.cluster });
  return { app, chart, cluster, environment };
}

/**
 * The synthesized objects, with the rules run. cdk8s `Testing.synth` is `chart.toJson()`, which
 * resolves the app's dependencies and validates every construct of the app, as `app.synth()`
 * does (`App._synthChart`, cdk8s 2.70 lib/app.js), before it renders the chart's objects: a rule
 * error throws from it. It runs inside `KafkaChart.synthesizeOnce`, as KafkaApp's synthesis
 * does: each object is rendered once, and the objects returned are the manifests the rules read.
 * (`app.synthYaml()` before it validated and rendered the same, then wrote every object as YAML
 * text with cdk8s' own writer, which the library does not write manifests with, only to drop it:
 * about 1 s of CPU over the suite.)
 */
export function synth(chart: KafkaChart): Record<string, any>[] {
  return chart.synthesizeOnce(() => Testing.synth(chart));
}

/** The error message synthesis throws; fails the test if synthesis passes. */
export function synthError(chart: KafkaChart): string {
  try {
    synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synthesis to fail, but it passed');
}

/** The object of a kind (and name) in synthesized output. */
export function find(objects: readonly Record<string, any>[], kind: string, name?: string): Record<string, any> {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`);
  return found[0];
}

/** Synthesis fails, and one line names the rule and construct path and matches `pattern`. */
export function expectViolation(chart: KafkaChart, ruleId: string, path: string, pattern: RegExp): void {
  const message = synthError(chart);
  const lines = message.split('\n').filter((l) => l.includes(`${ruleId} [${path}]`));
  expect(lines.length, `no ${ruleId} [${path}] line in:\n${message}`).toBeGreaterThan(0);
  expect(lines.some((l) => pattern.test(l)), `no ${ruleId} [${path}] line matches ${pattern} in:\n${lines.join('\n')}`).toBe(true);
}

/** Synthesis passes and the report lists the rule as compliant at the path; returns its notes. */
export function expectCompliant(chart: KafkaChart, ruleId: string, path: string): readonly string[] {
  synth(chart);
  const entries = chart.complianceReport.entries.filter((e) => e.ruleId === ruleId && e.path === path);
  expect(entries.map((e) => e.status), `${ruleId} at ${path}`).toEqual(['compliant']);
  return entries[0].notes;
}
