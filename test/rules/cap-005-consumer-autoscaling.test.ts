// CAP-005 (RULES.md, Capacity): a KEDA-scaled consumer group keeps maxReplicaCount ≤ the
// partitions of its topics, minReplicaCount ≥ 1 (≥ 2 in staging and production for a group with
// an SLO), min ≤ max and a positive lagThreshold. Checked at synthesis on the synthesized
// ScaledObject (after JSON patches), per target: Strimzi (partitions from the KafkaTopics),
// StatefulSet (from the access ConfigMap's topics.txt) and MSK (consumers on Kubernetes: the
// partitions ConsumerAutoscaling recorded from the access model).
import { App, JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { AccessModel } from '../../lib/model/access/access-model';
import { grantLagRead } from '../../lib/model/access/consumer-lag-access';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { Environment, EnvironmentProfile } from '../../lib/model/environment';
import { formatViolation } from '../../lib/rules/engine';
import { RuleRegistry } from '../../lib/rules/registry';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { AutoscaledCluster, ConsumerAutoscaling, ScaleTarget, type ConsumerAutoscalingProps } from '../../lib/targets/kubernetes/consumer-autoscaling';
import { StatefulSetAccessJob } from '../../lib/targets/statefulset/statefulset-access-job';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';

const CAP_005 = RuleRegistry.all().filter((r) => r.id === 'CAP-005');
type Target = 'strimzi' | 'statefulset' | 'msk';

/** A chart with CAP-005 only; group `payments` reads `orders` (12 partitions) and `refunds` (6): 18 in all. */
function scaled(target: Target, props: Partial<ConsumerAutoscalingProps> = {}, profile = EnvironmentProfile.PRODUCTION) {
  const environment = new Environment({ name: profile, profile, region: 'us-east-1' });
  const app = Testing.app();
  const chart = new KafkaChart(app, 'kafka', { environment, rules: CAP_005 });
  const access = new AccessModel({ environment });
  const orders = access.addTopic('orders', { partitions: 12 });
  const refunds = access.addTopic('refunds', { partitions: 6 });
  const payments = access.addPrincipal('payments-service', { authentication: ClientAuthentication.scramSha512() });
  orders.grantConsume(payments, { group: 'payments' });
  refunds.grantConsume(payments, { group: 'payments' });
  access.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512() });
  const scaler = access.addPrincipal('keda-payments', { authentication: target === 'msk' ? ClientAuthentication.iam() : ClientAuthentication.scramSha512() });
  grantLagRead(access, scaler, 'payments');
  let access_: StrimziAccess | StatefulSetAccessJob | undefined;
  if (target === 'strimzi') access_ = new StrimziAccess(chart, 'Access', { model: access, clusterName: 'main' });
  if (target === 'statefulset') access_ = new StatefulSetAccessJob(chart, 'Access', { model: access, clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'main-bootstrap.kafka.svc:9093' });
  const cluster = target === 'strimzi' ? AutoscaledCluster.strimzi({ clusterName: 'main' })
    : target === 'statefulset' ? AutoscaledCluster.statefulSet({ clusterName: 'main' })
      : AutoscaledCluster.msk({ bootstrapServers: 'b-1.main.kafka.us-east-1.amazonaws.com:9098', region: 'us-east-1' });
  const scaling = new ConsumerAutoscaling(chart, 'PaymentsScaling', {
    access, group: 'payments', scaler, workload: ScaleTarget.deployment('payments-service'), cluster, ...props,
  });
  return { app, chart, scaling, access: access_ };
}

function synthError(chart: KafkaChart): string {
  try { (chart.node.root as App).synthYaml(); } catch (e) { return (e as Error).message; }
  throw new Error('expected synthesis to fail, but it passed');
}

function cap005(chart: KafkaChart) {
  return chart.complianceReport.entries.filter((e) => e.ruleId === 'CAP-005');
}

const PATH = 'kafka/PaymentsScaling/Resource';

for (const target of ['strimzi', 'statefulset', 'msk'] as const) {
  describe(`CAP-005 on ${target}`, () => {
    it('passes when maxReplicas equals the partitions of the group\'s topics and minReplicas is 2', () => {
      const { app, chart } = scaled(target, { minReplicas: 2, maxReplicas: 18 });
      app.synthYaml();
      expect(cap005(chart).map((e) => [e.path, e.status, e.notes])).toEqual([
        [PATH, 'compliant', ['maxReplicaCount 18 against 18 partitions (orders: 12, refunds: 6)']],
      ]);
    });

    it('fails CAP-005 when maxReplicas exceeds the partitions of the group\'s topics', () => {
      const { chart } = scaled(target, { maxReplicas: 24 });
      expect(synthError(chart)).toContain(`CAP-005 [${PATH}] spec.maxReplicaCount is 24; expected at most 18, the partitions of the group's topics (orders: 12, refunds: 6): more consumers sit idle. Set maxReplicas: 18 or fewer, or give the topics more partitions.`);
    });

    it('fails CAP-005 in production when a group with an SLO has one replica minimum', () => {
      const { chart } = scaled(target, { minReplicas: 1 });
      expect(synthError(chart)).toContain(`CAP-005 [${PATH}] spec.minReplicaCount is 1 for a group covered by an SLO; expected at least 2 in production, so one pod's restart does not stop consumption. Set minReplicas: 2.`);
    });

    it('passes one replica minimum for a group without an SLO', () => {
      const { app, chart } = scaled(target, { minReplicas: 1, serviceLevelObjective: false });
      app.synthYaml();
      expect(cap005(chart).map((e) => e.status)).toEqual(['compliant']);
    });

    it('fails CAP-005 when a JSON patch scales the group to zero and sets a lagThreshold of 0', () => {
      const { chart, scaling } = scaled(target);
      scaling.resource.addJsonPatch(JsonPatch.remove('/spec/minReplicaCount'), JsonPatch.replace('/spec/triggers/0/metadata/lagThreshold', '0'));
      const message = synthError(chart);
      expect(message).toContain(`CAP-005 [${PATH}] spec.minReplicaCount is not set (KEDA's default, 0); expected at least 1`);
      expect(message).toContain(`CAP-005 [${PATH}] spec.triggers[0].metadata.lagThreshold is '0'; expected a positive number of messages (the documents: 1000)`);
    });

    it('fails CAP-005 when a JSON patch puts minReplicaCount above maxReplicaCount', () => {
      const { chart, scaling } = scaled(target);
      scaling.resource.addJsonPatch(JsonPatch.replace('/spec/minReplicaCount', 10), JsonPatch.replace('/spec/maxReplicaCount', 4));
      expect(synthError(chart)).toContain(`CAP-005 [${PATH}] spec.minReplicaCount is 10 and spec.maxReplicaCount is 4; expected minReplicaCount ≤ maxReplicaCount`);
    });

    it('reports a suppression of CAP-005 with its reason instead of failing', () => {
      const { app, chart } = scaled(target, { maxReplicas: 24 });
      const reason = 'Extra replicas are kept warm for a partition increase planned this quarter.';
      RuleSuppressions.add(chart.node.findChild('PaymentsScaling'), [{ id: 'CAP-005', reason }]);
      app.synthYaml();
      const [entry] = cap005(chart);
      expect([entry.status, entry.suppression]).toEqual(['suppressed', { reason, attachedTo: 'kafka/PaymentsScaling' }]);
      expect(chart.complianceReport.toMarkdown()).toContain(`| CAP-005 | error | suppressed | \`ScaledObject/payments-service-kafka-lag\` | \`${PATH}\` | suppressed at \`kafka/PaymentsScaling\`: ${reason} |`);
    });
  });
}

describe('CAP-005 reads the partitions from the output, not the model', () => {
  it('Strimzi: fails when a JSON patch lowers a KafkaTopic below the scaled maximum', () => {
    const { chart, access } = scaled('strimzi', { maxReplicas: 18 });
    (access as StrimziAccess).topics.get('orders')!.addJsonPatch(JsonPatch.replace('/spec/partitions', 3));
    expect(synthError(chart)).toContain(`CAP-005 [${PATH}] spec.maxReplicaCount is 18; expected at most 9, the partitions of the group's topics (orders: 3, refunds: 6)`);
  });

  it('StatefulSet: fails when a JSON patch lowers --partitions in topics.txt', () => {
    const { chart, access } = scaled('statefulset', { maxReplicas: 18 });
    (access as StatefulSetAccessJob).configMap.addJsonPatch(JsonPatch.replace('/data/topics.txt',
      '--create --if-not-exists --topic orders --partitions 2 --replication-factor 3\n--create --if-not-exists --topic refunds --partitions 6 --replication-factor 3\n'));
    expect(synthError(chart)).toContain(`CAP-005 [${PATH}] spec.maxReplicaCount is 18; expected at most 8, the partitions of the group's topics (orders: 2, refunds: 6)`);
  });

  it('development: a maximum above the partitions is a warning and synthesis continues', () => {
    const { app, chart } = scaled('strimzi', { maxReplicas: 24 }, EnvironmentProfile.DEVELOPMENT);
    app.synthYaml();
    expect(chart.complianceReport.warnings().map(formatViolation)).toEqual([expect.stringContaining(`CAP-005 [${PATH}] spec.maxReplicaCount is 24; expected at most 18`)]);
  });
});
