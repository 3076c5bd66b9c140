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
import { ACL_ARTEFACT_LABEL, GROUP_TOPIC_PARTITIONS_ANNOTATION, SLO_COVERED_ANNOTATION, TARGET_LABEL } from '../../lib/contract/vocabulary';
import { kubernetes, terraform } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { itDescribesItself } from './fixtures/metadata';
import { SCRATCH_APP } from '../support/scratch';

const CAP_005 = RuleRegistry.all().filter((r) => r.id === 'CAP-005');
type Target = 'strimzi' | 'statefulset' | 'msk';

/** A chart with CAP-005 only; group `payments` reads `orders` (12 partitions) and `refunds` (6): 18 in all. */
function scaled(target: Target, props: Partial<ConsumerAutoscalingProps> = {}, profile = EnvironmentProfile.PRODUCTION) {
  const environment = new Environment({ name: profile, profile, region: 'us-east-1' });
  const app = Testing.app(SCRATCH_APP);
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

describe('the rule', () => {
  itDescribesItself(CAP_005[0], 'CAP-005', ['msk', 'strimzi', 'statefulset']);
});

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

// The rule on hand-built documents (the ScaledObject ConsumerAutoscaling writes, and the
// KafkaTopics or access ConfigMap beside it): each threshold on both sides, each source of the
// partitions, and the whole text of each finding, without a synthesis per case.
describe('CAP-005 on the ScaledObject document', () => {
  const [rule] = CAP_005;
  const staging = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const development = Environment.development({ name: 'development', region: 'us-east-1' });
  const lag = (topic?: string, lagThreshold: unknown = '1000') => ({ type: 'kafka', metadata: { ...(topic === undefined ? {} : { topic }), ...(lagThreshold === undefined ? {} : { lagThreshold }) } });
  interface ScaledOptions {
    readonly min?: unknown; readonly max?: unknown; readonly triggers?: unknown; readonly target?: string;
    readonly slo?: string; readonly recorded?: string; readonly apiVersion?: string; readonly kind?: string;
  }
  /** A ScaledObject of group `payments` (recorded partitions: orders 12, refunds 6), production-like with an SLO unless told. */
  const scaledObject = (o: ScaledOptions = {}) => kubernetes(o.apiVersion ?? 'keda.sh/v1alpha1', o.kind ?? 'ScaledObject', 'payments-service-kafka-lag', {
    metadata: {
      labels: { [TARGET_LABEL]: o.target ?? 'msk' },
      annotations: { [GROUP_TOPIC_PARTITIONS_ANNOTATION]: o.recorded ?? '{"orders":12,"refunds":6}', [SLO_COVERED_ANNOTATION]: o.slo ?? 'true' },
    },
    spec: {
      ...('min' in o ? { minReplicaCount: o.min } : { minReplicaCount: 2 }),
      ...('max' in o ? { maxReplicaCount: o.max } : { maxReplicaCount: 18 }),
      triggers: o.triggers ?? [lag('orders'), lag('refunds')],
    },
  });
  const AGAINST_18 = 'maxReplicaCount 18 against 18 partitions (orders: 12, refunds: 6)';
  const minFinding = (shown: string) => ({ found: `spec.minReplicaCount is ${shown}`, expected: 'at least 1: a consumer group scaled to zero stops consuming until lag wakes it', fix: 'Set minReplicas: 1 or more.' });
  const sloFinding = (shown: string, profile = 'production') => ({ found: `spec.minReplicaCount is ${shown} for a group covered by an SLO`, expected: `at least 2 in ${profile}, so one pod's restart does not stop consumption`, fix: 'Set minReplicas: 2.' });
  const orderFinding = (min: string, max: string) => ({ found: `spec.minReplicaCount is ${min} and spec.maxReplicaCount is ${max}`, expected: 'minReplicaCount ≤ maxReplicaCount', fix: 'Lower minReplicas or raise maxReplicas.' });
  const maxFinding = (shown: string, total: number, detail: string) => ({
    found: `spec.maxReplicaCount is ${shown}`,
    expected: `at most ${total}, the partitions of the group's topics (${detail}): more consumers sit idle`,
    fix: `Set maxReplicas: ${total} or fewer, or give the topics more partitions.`,
  });

  it('passes at the bounds: minimum 2 with an SLO, maximum equal to the partitions, noting the comparison', () => {
    expect(outcomeOf(rule, scaledObject())).toEqual({ status: 'compliant', notes: [AGAINST_18] });
  });

  it('fails one above the partitions, with the whole message', () => {
    expect(findingsOf(rule, scaledObject({ max: 19 }))).toEqual([maxFinding('19', 18, 'orders: 12, refunds: 6')]);
  });

  it('takes KEDA\'s defaults when the counts are absent: minimum 0, maximum 100', () => {
    expect(findingsOf(rule, scaledObject({ min: undefined, max: undefined, slo: 'false' }))).toEqual([
      minFinding("not set (KEDA's default, 0)"),
      maxFinding("not set (KEDA's default, 100)", 18, 'orders: 12, refunds: 6'),
    ]);
  });

  it('fails a minimum of 0, and of a fraction, and passes 1, for a group without an SLO', () => {
    expect(findingsOf(rule, scaledObject({ min: 0, slo: 'false' }))).toEqual([minFinding('0')]);
    expect(findingsOf(rule, scaledObject({ min: 1.5, slo: 'false' }))).toEqual([minFinding('1.5')]);
    expect(outcomeOf(rule, scaledObject({ min: 1, slo: 'false' }))).toEqual({ status: 'compliant', notes: [AGAINST_18] });
  });

  it('asks a minimum of 2 of a group with an SLO in production and staging, not in development nor without the SLO', () => {
    expect(findingsOf(rule, scaledObject({ min: 1 }))).toEqual([sloFinding('1')]);
    expect(findingsOf(rule, scaledObject({ min: 1 }), [], staging)).toEqual([sloFinding('1', 'staging')]);
    expect(findingsOf(rule, scaledObject({ min: 2.5 }))).toEqual([minFinding('2.5'), sloFinding('2.5')]);
    expect(outcomeOf(rule, scaledObject({ min: 1 }), [], development)).toEqual({ status: 'compliant', notes: [AGAINST_18] });
    expect(outcomeOf(rule, scaledObject({ min: 1, slo: 'yes' }))).toEqual({ status: 'compliant', notes: [AGAINST_18] });
  });

  it('fails an infinite maximum: it is no declared bound', () => {
    expect(findingsOf(rule, scaledObject({ max: 'Infinity' }))).toEqual([
      orderFinding('2', "'Infinity'"),
      maxFinding("'Infinity'", 18, 'orders: 12, refunds: 6'),
    ]);
  });

  it('passes min equal to max, and fails min above max or counts that are not numbers', () => {
    expect(outcomeOf(rule, scaledObject({ min: 6, max: 6 }))).toEqual({ status: 'compliant', notes: ['maxReplicaCount 6 against 18 partitions (orders: 12, refunds: 6)'] });
    expect(findingsOf(rule, scaledObject({ min: 7, max: 6 }))).toEqual([orderFinding('7', '6')]);
    expect(findingsOf(rule, scaledObject({ min: 2, max: 'many' }))).toEqual([
      orderFinding('2', "'many'"),
      maxFinding("'many'", 18, 'orders: 12, refunds: 6'),
    ]);
    expect(findingsOf(rule, scaledObject({ min: 'few', max: 'many', slo: 'false' })).map((f) => f.found)).toEqual([
      "spec.minReplicaCount is 'few'",
      "spec.minReplicaCount is 'few' and spec.maxReplicaCount is 'many'",
      "spec.maxReplicaCount is 'many'",
    ]);
  });

  it('fails each kafka trigger whose lagThreshold is not a positive number, by index, and skips an absent one', () => {
    const triggers = [lag('orders', '1'), { type: 'cpu', metadata: { value: '0' } }, lag('refunds', '-5'), lag('refunds', 'lots'), { type: 'kafka', metadata: { topic: 'orders' } }, lag('orders', '0')];
    expect(findingsOf(rule, scaledObject({ triggers }))).toEqual([
      // The index counts the kafka triggers only (the cpu trigger is not one).
      { found: "spec.triggers[1].metadata.lagThreshold is '-5'", expected: 'a positive number of messages (the documents: 1000)', fix: 'Set lagThreshold: 1000.' },
      { found: "spec.triggers[2].metadata.lagThreshold is 'lots'", expected: 'a positive number of messages (the documents: 1000)', fix: 'Set lagThreshold: 1000.' },
      { found: "spec.triggers[4].metadata.lagThreshold is '0'", expected: 'a positive number of messages (the documents: 1000)', fix: 'Set lagThreshold: 1000.' },
    ]);
  });

  it('counts each topic once, and reads every recorded topic for a trigger without one', () => {
    expect(outcomeOf(rule, scaledObject({ triggers: [lag('orders'), lag('orders')], max: 12 }))).toEqual({ status: 'compliant', notes: ['maxReplicaCount 12 against 12 partitions (orders: 12)'] });
    expect(outcomeOf(rule, scaledObject({ triggers: [lag(), lag('')] }))).toEqual({ status: 'compliant', notes: [AGAINST_18] });
  });

  it('notes the topics whose partitions are unknown, and then does not judge the maximum', () => {
    expect(outcomeOf(rule, scaledObject({ triggers: [lag('orders'), lag('audit'), lag('audit-2')], max: 100 }))).toEqual({
      status: 'compliant', notes: ["partitions of 'audit', 'audit-2' unknown: neither a KafkaTopic, a topics.txt line nor the recorded plan names them"],
    });
    // A recorded value that is not a number is unknown too.
    expect(outcomeOf(rule, scaledObject({ recorded: '{"orders":"twelve"}', triggers: [lag('orders')], max: 100 }))).toEqual({
      status: 'compliant', notes: ["partitions of 'orders' unknown: neither a KafkaTopic, a topics.txt line nor the recorded plan names them"],
    });
  });

  it('reads no recorded partitions from an annotation that is not a JSON object, and no limit from topics of 0 partitions', () => {
    for (const recorded of ['not json', '12', 'null', '"abc"']) {
      expect(outcomeOf(rule, scaledObject({ recorded, triggers: [lag()], max: 100 })), recorded).toEqual({ status: 'compliant' });
    }
    expect(outcomeOf(rule, scaledObject({ recorded: '{"orders":0}', triggers: [lag('orders')], max: 100 }))).toEqual({ status: 'compliant' });
  });

  it('Strimzi: reads the partitions of the KafkaTopics of the output (spec.topicName, else the name) over the recorded ones', () => {
    const kafkaTopic = (name: string, spec: Record<string, unknown>) => kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', name, { spec });
    const topics = [kafkaTopic('orders-topic', { topicName: 'orders', partitions: 3 }), kafkaTopic('refunds', { partitions: 6 }), kafkaTopic('other', { partitions: 'many' })];
    expect(findingsOf(rule, scaledObject({ target: 'strimzi' }), topics)).toEqual([maxFinding('18', 9, 'orders: 3, refunds: 6')]);
    // The MSK target reads no KafkaTopic: the recorded partitions stand.
    expect(outcomeOf(rule, scaledObject({ target: 'msk' }), topics)).toEqual({ status: 'compliant', notes: [AGAINST_18] });
  });

  it('StatefulSet: reads --partitions of the access ConfigMap only, over the recorded ones', () => {
    const lines = '--create --if-not-exists --topic orders --partitions 2 --replication-factor 3\n--create --if-not-exists --topic refunds --partitions 6 --replication-factor 3\n';
    const access = kubernetes('v1', 'ConfigMap', 'main-access', { metadata: { labels: { [ACL_ARTEFACT_LABEL]: 'true' } }, data: { 'topics.txt': lines } });
    const notAccess = kubernetes('v1', 'ConfigMap', 'other', { metadata: { labels: { [ACL_ARTEFACT_LABEL]: 'false' } }, data: { 'topics.txt': lines.replace('--partitions 6', '--partitions 1') } });
    expect(findingsOf(rule, scaledObject({ target: 'statefulset' }), [access, notAccess])).toEqual([maxFinding('18', 8, 'orders: 2, refunds: 6')]);
    expect(outcomeOf(rule, scaledObject({ target: 'statefulset' }), [notAccess])).toEqual({ status: 'compliant', notes: [AGAINST_18] });
  });

  it('reads a ScaledObject without annotations or labels, or without metadata, as a group without an SLO or recorded topics', () => {
    const doc = scaledObject({ min: 1, triggers: [lag('orders'), { type: 'kafka' }, null] });
    const bare = { ...doc, body: { ...doc.body, metadata: { name: doc.name } } };
    const unknown = { status: 'compliant', notes: ["partitions of 'orders' unknown: neither a KafkaTopic, a topics.txt line nor the recorded plan names them"] };
    expect(outcomeOf(rule, bare)).toEqual(unknown);
    expect(outcomeOf(rule, { ...doc, body: { ...doc.body, metadata: undefined } })).toEqual(unknown);
  });

  it('falls back to the recorded partitions for a KafkaTopic or topic line without a partition count, and skips documents without spec or labels', () => {
    const kafkaTopic = (name: string, spec?: Record<string, unknown>) => kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', name, spec ? { spec } : {});
    const topics = [kafkaTopic('orders', { partitions: 3 }), kafkaTopic('refunds', { partitions: 'many' }), kafkaTopic('bare')];
    expect(findingsOf(rule, scaledObject({ target: 'strimzi' }), topics)).toEqual([maxFinding('18', 9, 'orders: 3, refunds: 6')]);
    const lines = '--create --if-not-exists --topic orders --partitions 2 --replication-factor 3\n--create --if-not-exists --topic refunds --replication-factor 3\n';
    const access = kubernetes('v1', 'ConfigMap', 'main-access', { metadata: { labels: { [ACL_ARTEFACT_LABEL]: 'true' } }, data: { 'topics.txt': lines } });
    const unlabelled = kubernetes('v1', 'ConfigMap', 'bare', { data: { 'topics.txt': lines } });
    const noMetadata = { ...unlabelled, name: 'no-metadata', body: { ...unlabelled.body, metadata: undefined } };
    expect(findingsOf(rule, scaledObject({ target: 'statefulset' }), [access, unlabelled, noMetadata])).toEqual([maxFinding('18', 8, 'orders: 2, refunds: 6')]);
  });

  it('is not applicable to other documents: another kind or API group, or a ScaledObject without a kafka trigger', () => {
    for (const doc of [
      scaledObject({ kind: 'ScaledJob' }),
      scaledObject({ apiVersion: 'autoscaling.example.com/v1' }),
      scaledObject({ triggers: [{ type: 'cpu', metadata: { value: '80' } }] }),
      scaledObject({ triggers: 'kafka' }),
      { ...scaledObject(), body: { metadata: { name: 'no-spec' } } },
      terraform('aws_msk_cluster', 'kafka', {}),
    ]) expect(outcomeOf(rule, doc)).toEqual({ status: 'not-applicable' });
  });
});
