import { Testing as CdktfTesting } from 'cdktf';
import { Testing as Cdk8sTesting } from 'cdk8s';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { KafkaStack } from '../../lib/app/kafka-stack';
import { KafkaIacError } from '../../lib/model/errors';
import { AccessModel } from '../../lib/model/access/access-model';
import { Environment } from '../../lib/model/environment';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { MskScramUser } from '../../lib/targets/msk/msk-scram-user';
import { iam, scram } from '../support/access-fixtures';
import { mskStack } from '../support/msk-stack';
import { statefulSetChart } from '../support/statefulset-fixture';
import { strimziChart } from '../support/strimzi-fixture';
import { SCRATCH_APP } from '../support/scratch';
import { INJECTION_PAYLOADS } from './payloads';

/**
 * Hostile strings in the string props of the public constructs (issue #13): shell metacharacters,
 * `${}` and `%{}`, line breaks, quotes, Java's `\u002e`, PromQL quote breaks. Every case ends in
 * the library's own error, or in output where the string appears only escaped: the Terraform
 * templates (`${...}`, `%{...}`) of the output are exactly those of the same construct built with
 * a plain value, and the Kubernetes objects are the same kinds (no YAML or JSON break-out).
 */
const HOSTILE = fc.oneof(
  fc.constantFrom(...INJECTION_PAYLOADS,
    'x",kafka_cluster!="', 'a\\u002eb', 'allow\\u002eeveryone.if.no.acl.found', "x'}) or vector(1) #", '${file("/etc/passwd")}', '%{for x in y}${x}%{endfor}',
    'a; rm -rf /', 'a && b', 'a|b', 'a>b', '$(id)', '\'"\'"\'', 'x\ny=z', 'key=value', 'a\\', '\\n', ''),
  fc.string({ unit: fc.constantFrom('$', '{', '}', '%', '"', "'", '\\', '\n', ' ', ';', '`', '|', 'a', '-', '.', ':', '='), maxLength: 16 }),
);
const RUNS = { numRuns: 30, seed: 1313 };

/** The Terraform templates of a cdk.tf.json text: unescaped `${...}` and `%{...}` (escaped ones are `$${` and `%%{`). */
function templates(json: string): string[] {
  return [...json.matchAll(/(?<![$%])([$%])\{([^}]*)\}/g)].map((m) => `${m[1]}{${m[2]}}`).sort();
}

/** Kinds of the Kubernetes objects (with how many of each). */
function kinds(objects: readonly Record<string, any>[]): string[] {
  return objects.map((o) => `${o.apiVersion}/${o.kind}`).sort();
}

/** Runs `build(value)`; a library error ends the case, anything else thrown fails it. */
function buildOrRefuse<T>(build: () => T): T | undefined {
  try {
    return build();
  } catch (e) {
    expect(e, String((e as Error)?.stack ?? e)).toBeInstanceOf(KafkaIacError);
    return undefined;
  }
}

type TerraformSlot = (value: string) => KafkaStack;
type KubernetesSlot = (value: string) => KafkaChart;

/**
 * A production stack or chart with nothing else in it, for a construct that reads no other
 * construct of its stack or chart (MskCloudWatchAlarms and KafkaPrometheusMonitoring read only
 * their props; MskPrometheusMonitoring looks for an MskCluster of its own clusterName, which the
 * hostile and the plain names never are). The network, cluster and their 40-odd resources of
 * `mskStack()` or `statefulSetChart()` would be the same on both sides of each comparison, and
 * were two thirds of the time of these slots.
 */
function bareStack(): KafkaStack {
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  return new KafkaStack(CdktfTesting.app(SCRATCH_APP), environment.name, { environment });
}
function bareChart(): KafkaChart {
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  return new KafkaChart(Cdk8sTesting.app(SCRATCH_APP), 'kafka', { environment });
}
/** The cluster name `mskStack()` gives its MskCluster (`<environment>-kafka`). */
const MSK_CLUSTER_NAME = 'production-kafka';

const TERRAFORM_SLOTS: Readonly<Record<string, TerraformSlot>> = {
  'MskCluster.clusterName': (v) => mskStack({ cluster: { clusterName: v } }).stack,
  'MskCloudWatchAlarms.clusterName': (v) => { const stack = bareStack(); new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: v, brokers: 3 }); return stack; },
  'MskCloudWatchAlarms.consumerGroups[0].group': (v) => { const stack = bareStack(); new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: MSK_CLUSTER_NAME, brokers: 3, consumerGroups: [{ group: v, topic: 'orders' }] }); return stack; },
  'MskCloudWatchAlarms.runbookBaseUrl': (v) => { const stack = bareStack(); new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: MSK_CLUSTER_NAME, brokers: 3, runbookBaseUrl: v }); return stack; },
  'MskPrometheusMonitoring.clusterName': (v) => { const stack = bareStack(); new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: v, brokers: 3 }); return stack; },
  'MskScramUser.userName': (v) => { const { stack, cluster } = mskStack(); new MskScramUser(stack, 'User', { cluster, userName: v }); return stack; },
  'AccessModel grantProduce transactionalId (MskAccess)': (v) => {
    const { stack, environment, cluster } = mskStack();
    const access = new AccessModel({ environment });
    access.addTopic('orders').grantProduce(access.addPrincipal('checkout', { authentication: iam() }), { transactionalId: v });
    new MskAccess(stack, 'Access', { model: access, cluster });
    return stack;
  },
  'AccessModel grantConsume group (MskAccess)': (v) => {
    const { stack, environment, cluster } = mskStack();
    const access = new AccessModel({ environment });
    access.addTopic('orders').grantConsume(access.addPrincipal('billing', { authentication: iam() }), { group: v });
    new MskAccess(stack, 'Access', { model: access, cluster });
    return stack;
  },
};

const KUBERNETES_SLOTS: Readonly<Record<string, KubernetesSlot>> = {
  'KafkaStatefulSetCluster.clusterName': (v) => statefulSetChart({ cluster: { clusterName: v } }).chart,
  'KafkaStatefulSetCluster.admins[0]': (v) => statefulSetChart({ cluster: { admins: [v] } }).chart,
  // The hostile value is the registry part: HA-005 accepts only repositories that end in apache/kafka.
  'KafkaStatefulSetCluster.imageRepository': (v) => statefulSetChart({ cluster: { imageRepository: `${v}/apache/kafka` } }).chart,
  'StrimziKafkaCluster.clusterName': (v) => strimziChart({ cluster: { clusterName: v } }).chart,
  'StrimziKafkaCluster.kafkaExporterGroupRegex': (v) => strimziChart({ cluster: { kafkaExporterGroupRegex: v } }).chart,
  'KafkaPrometheusMonitoring.clusterName': (v) => { const chart = bareChart(); new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: v, target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 6 }); return chart; },
};

describe('hostile strings in the string props of the public constructs (issue #13, fast-check)', () => {
  for (const [slot, build] of Object.entries(TERRAFORM_SLOTS)) {
    it(`${slot}: the library error, or Terraform JSON with the plain value's templates only`, () => {
      const plain = templates(CdktfTesting.synth(build('plain-value')));
      fc.assert(fc.property(HOSTILE, (value) => {
        const stack = buildOrRefuse(() => build(value));
        if (!stack) return;
        expect(templates(CdktfTesting.synth(stack)), JSON.stringify(value)).toEqual(plain);
      }), RUNS);
    });
  }

  for (const [slot, build] of Object.entries(KUBERNETES_SLOTS)) {
    it(`${slot}: the library error, or the same Kubernetes objects as with a plain value`, () => {
      const plain = kinds(Cdk8sTesting.synth(build('plain-value')));
      fc.assert(fc.property(HOSTILE, (value) => {
        const chart = buildOrRefuse(() => build(value));
        if (!chart) return;
        expect(kinds(Cdk8sTesting.synth(chart)), JSON.stringify(value)).toEqual(plain);
      }), RUNS);
    });
  }

  it('AccessModel names: topics, principals, groups and transactional ids end well for any string', () => {
    fc.assert(fc.property(HOSTILE, HOSTILE, HOSTILE, (topic, principal, id) => {
      buildOrRefuse(() => {
        const access = new AccessModel({ environment: Environment.production({ name: 'production', region: 'us-east-1' }) });
        const t = access.addTopic(topic);
        const p = access.addPrincipal(principal, { authentication: scram() });
        t.grantProduce(p, { transactionalId: id });
        t.grantConsume(p, { group: id });
      });
    }), { numRuns: 300, seed: 1313 });
  });
});
