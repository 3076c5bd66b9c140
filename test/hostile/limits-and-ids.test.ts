import { Fn, Token } from 'cdktf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KafkaIacError } from '../../lib/model/errors';
import { AccessModel } from '../../lib/model/access/access-model';
import { AclOperation, AclResource } from '../../lib/model/access/acl';
import { CapacityPlan } from '../../lib/model/capacity/capacity-planner';
import { checkInteger, checkNumber } from '../../lib/model/grammar/numbers';
import { isUnresolved } from '../../lib/model/grammar/tokens';
import { KAFKA_MAX_PARTITIONS_PER_TOPIC, KUBERNETES_MAX_NODES, MSK_MAX_BROKERS_PER_CLUSTER } from '../../lib/model/grammar/limits';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { MskCluster } from '../../lib/targets/msk/msk-cluster';
import { MskDashboards, MskOverviewDashboard } from '../../lib/targets/msk/msk-dashboards';
import { KafkaGrafanaDashboards, KafkaOverviewDashboard } from '../../lib/targets/kubernetes/kafka-grafana-dashboards';
import { KafkaAlertRouting } from '../../lib/targets/kubernetes/kafka-alert-routing';
import { KafkaNetwork } from '../../lib/targets/msk/kafka-network';
import { KafkaStatefulSetCluster } from '../../lib/targets/statefulset/kafka-statefulset-cluster';
import { renderBrokerProperties } from '../../lib/model/broker-config';
import { strimziChart } from '../support/strimzi-fixture';
import { mskStack } from '../support/msk-stack';
import { statefulSetChart } from '../support/statefulset-fixture';
import { libraryError } from '../support/library-error';
import { productionEnv, scram } from '../support/access-fixtures';

const ABSURD = 999_999_999;


describe('one number-limit check (issue #13: NaN, Infinity, negative, fractions, absurd sizes)', () => {
  const site = { code: 'KIAC-PROP', path: 'p', prop: 'n' };
  it.each([NaN, Infinity, -Infinity, -1, 0, 2.5, '3', null, undefined, 11])('refuses %s for an integer from 1 to 10', (v) => {
    const e = libraryError(() => checkInteger(v, site, { min: 1, max: 10, limitOf: 'test' }));
    expect(e.message).toContain('expected an integer from 1 to 10 (the test limit)');
  });

  it('shows NaN and Infinity as JavaScript writes them, not as null', () => {
    expect(libraryError(() => checkInteger(NaN, site, { min: 1, max: 10 })).message).toContain('n is NaN;');
    expect(libraryError(() => checkNumber(Infinity, site, { min: 0, max: 10 })).message).toContain('n is Infinity;');
  });

  it('accepts the bounds themselves and passes an unresolved number token through', () => {
    expect(checkInteger(1, site, { min: 1, max: 10 })).toBe(1);
    expect(checkInteger(10, site, { min: 1, max: 10 })).toBe(10);
    expect(checkNumber(0.5, site, { min: 0, max: 1 })).toBe(0.5);
    const token = Token.asNumber(Fn.parseint('3', 10)); // how cdktf encodes an unresolved number
    expect(checkInteger(token, site, { min: 1, max: 10 })).toBe(token);
  });

  it('holds for any value: in range, or the library error (fast-check)', () => {
    fc.assert(fc.property(fc.oneof(fc.double(), fc.integer(), fc.anything()), (v) => {
      try {
        const n = checkInteger(v, site, { min: -5, max: 5 });
        if (isUnresolved(n)) return;
        expect(Number.isInteger(n) && n >= -5 && n <= 5).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(KafkaIacError);
      }
    }), { numRuns: 500, seed: 13 });
  });
});

describe('bounded work for absurd sizes (issue #13: 999,999,999 brokers)', () => {
  // AWS, "Amazon MSK quota" (Standard broker quota): brokers per cluster, 30 for ZooKeeper-based
  // and 60 for KRaft-based clusters. https://docs.aws.amazon.com/msk/latest/developerguide/limits.html
  it('fails MON-001 fast in MskCloudWatchAlarms for 999,999,999 brokers, at the MSK quota', () => {
    const { stack, cluster } = mskStack();
    const e = libraryError(() => new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: ABSURD }));
    expect(e.message).toMatch(/^MON-001 \[production\/Alarms\] brokers is 999999999; expected an integer from 1 to 60 \(the MSK brokers-per-cluster quota limit\)/);
    expect(stack.node.tryFindChild('Alarms')?.node.children.length ?? 0).toBeLessThan(5);
  });

  it('accepts 60 brokers in MskCloudWatchAlarms, the quota itself', () => {
    const { stack, cluster } = mskStack();
    const alarms = new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: MSK_MAX_BROKERS_PER_CLUSTER });
    expect(alarms.alarms.has(`BrokerDown${MSK_MAX_BROKERS_PER_CLUSTER}`)).toBe(true);
  });

  it('fails MON-001 fast in MskPrometheusMonitoring for 999,999,999 brokers', () => {
    const { stack, cluster } = mskStack();
    expect(libraryError(() => new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: cluster.clusterName, brokers: ABSURD })).message)
      .toContain('brokers is 999999999; expected an integer from 1 to 60');
  });

  it('fails HA-006 in MskCluster for 999,999,999 or 63 brokers (a multiple of 3 above the quota)', () => {
    for (const brokers of [ABSURD, 63]) {
      expect(libraryError(() => mskStack({ cluster: { brokers } })).message).toMatch(/^HA-006 \[production\/Kafka\] brokers is \d+; expected an integer from 1 to 60/);
    }
  });

  // Kubernetes, "Considerations for large clusters": no more than 5,000 nodes.
  // https://kubernetes.io/docs/setup/best-practices/cluster-large/
  it('fails MON-001 fast in KafkaPrometheusMonitoring for 999,999,999 nodes, at the Kubernetes node limit', () => {
    const { chart } = statefulSetChart();
    const e = libraryError(() => new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: ABSURD }));
    expect(e.message).toContain(`expectedNodes is 999999999; expected an integer from 1 to ${KUBERNETES_MAX_NODES}`);
  });

  it('fails CAP-002 fast in the capacity planner when the plan needs more brokers than any target runs', () => {
    const e = libraryError(() => CapacityPlan.forWorkload({ name: 'huge', messagesPerSecond: 1e15, averageMessageBytes: 1, retentionSeconds: 1, brokerCapacityMessagesPerSecond: 1 }));
    expect(e.message).toMatch(/^CAP-002 \[CapacityPlan huge\] brokers \(planned\) is \d+; expected at most 5000 brokers/);
    expect(libraryError(() => CapacityPlan.forWorkload({ name: 'z', messagesPerSecond: 1, averageMessageBytes: 1, retentionSeconds: 1, zones: ABSURD })).message)
      .toContain('zones is 999999999; expected an integer from 1 to 5000');
    expect(libraryError(() => CapacityPlan.forWorkload({ name: 'd', messagesPerSecond: 1e300, averageMessageBytes: 1e300, retentionSeconds: 1 })).message)
      .toMatch(/^CAP-001 \[CapacityPlan d\] disk \(planned\) is Infinity/);
  });

  it('fails CAP-003 when a plan asks for more partitions per topic than a Kafka cluster should hold (KIP-578)', () => {
    expect(libraryError(() => CapacityPlan.forWorkload({ name: 'p', messagesPerSecond: 1e9, averageMessageBytes: 1, retentionSeconds: 1, consumerMessagesPerSecond: 1 })).message)
      .toMatch(/^CAP-003 \[CapacityPlan p\] partitions per topic \(planned\) is 1000000000; expected at most 200000/);
  });
});

describe('topic numbers (issue #13: partitions 1e9, retention Infinity)', () => {
  const access = () => new AccessModel({ environment: productionEnv() });
  // KIP-578: "no more than 4000 partitions per broker and no more than 200000 partitions per cluster".
  it.each([1e9, NaN, 0, 2.5, -3])('refuses partitions %s with the Kafka limit', (partitions) => {
    expect(libraryError(() => access().addTopic('orders', { partitions })).message)
      .toContain(`partitions is ${partitions}; expected an integer from 1 to ${KAFKA_MAX_PARTITIONS_PER_TOPIC}`);
  });

  it.each([Infinity, NaN, 0, -2, 1e7])('refuses retentionHours %s', (retentionHours) => {
    expect(libraryError(() => access().addTopic('orders', { retentionHours })).message).toContain(`retentionHours is ${retentionHours}; expected a number from 0.001 to 876000`);
  });

  it('accepts retentionHours -1 (unlimited) and 200,000 partitions', () => {
    const t = access().addTopic('orders', { retentionHours: -1, partitions: KAFKA_MAX_PARTITIONS_PER_TOPIC });
    expect(t.settings.config['retention.ms']).toBe('-1');
  });

  it('refuses a replication factor of NaN or 1e9 with HA-002', () => {
    expect(libraryError(() => access().addTopic('orders', { replicationFactor: NaN })).message).toMatch(/^HA-002 .* replicationFactor is NaN/);
    expect(libraryError(() => access().addTopic('orders', { replicationFactor: 1e9 })).message).toMatch(/^HA-002 .* replicationFactor is 1000000000; expected an integer from 1 to 5000/);
  });
});

describe("Kafka topic names: the '.'/'_' collision and internal topics (issue #13)", () => {
  // apache/kafka clients/src/main/java/org/apache/kafka/common/internals/Topic.java:
  // hasCollision(a, b) = unifyCollisionChars(a).equals(unifyCollisionChars(b)), which maps '.' to '_';
  // INTERNAL_TOPICS = __consumer_offsets, __transaction_state (and the KRaft __cluster_metadata).
  it("refuses 'a_b' after 'a.b', naming both", () => {
    const access = new AccessModel({ environment: productionEnv() });
    access.addTopic('orders.created');
    expect(libraryError(() => access.addTopic('orders_created')).message)
      .toContain("KIAC-TOPIC [production/access/topics/orders_created] name is 'orders_created'; expected a name that does not collide with topic 'orders.created'");
  });

  it('refuses the same name twice as a duplicate, not as a collision with itself', () => {
    const access = new AccessModel({ environment: productionEnv() });
    access.addTopic('orders.created');
    expect(libraryError(() => access.addTopic('orders.created')).message).toMatch(/^KIAC-TOPIC \[.*\] topic 'orders\.created' is declared twice/);
  });

  it('finds the colliding earlier topic among many, whichever separator each uses (the model keeps each topic under its collision key)', () => {
    const access = new AccessModel({ environment: productionEnv() });
    for (let i = 0; i < 50; i++) access.addTopic(i % 2 === 0 ? `t${i}.events` : `t${i}_events`);
    expect(libraryError(() => access.addTopic('t10_events')).message).toContain("does not collide with topic 't10.events'");
    expect(libraryError(() => access.addTopic('t11.events')).message).toContain("does not collide with topic 't11_events'");
    // A refused name is not kept: the earlier topic stays the one named, and a distinct name is still accepted.
    expect(libraryError(() => access.addTopic('t10_events')).message).toContain("topic 't10.events'");
    expect(access.addTopic('t10-events').name).toBe('t10-events');
    expect(access.topics).toHaveLength(51);
  });

  it("accepts names that differ in more than '.' versus '_'", () => {
    const access = new AccessModel({ environment: productionEnv() });
    access.addTopic('orders.created');
    expect(access.addTopic('orders-created').name).toBe('orders-created');
  });

  it.each(['__consumer_offsets', '__transaction_state', '__cluster_metadata'])('refuses to declare the internal topic %s', (name) => {
    const access = new AccessModel({ environment: productionEnv() });
    expect(libraryError(() => access.addTopic(name)).message).toMatch(new RegExp(`^SEC-005 \\[production/access/topics/${name}\\] name is '${name}'`));
  });

  it('refuses granting __consumer_offsets to an application, directly or through a prefix', () => {
    const access = new AccessModel({ environment: productionEnv() });
    const app = access.addPrincipal('billing', { authentication: scram() });
    expect(libraryError(() => app.addAllow(AclResource.topic('__consumer_offsets'), [AclOperation.READ])).message)
      .toMatch(/^SEC-005 \[production\/access\/principals\/billing\] allow Read on topic is '__consumer_offsets'; expected no right on Kafka's internal topics/);
    expect(libraryError(() => app.addAllow(AclResource.topicPrefix('__'), [AclOperation.READ])).message).toContain('__consumer_offsets, __transaction_state, __cluster_metadata');
    expect(libraryError(() => access.topicsWithPrefix('__consumer')).message).toContain('matches __consumer_offsets');
  });
});

describe('duplicate construct ids and missing scopes (issue #13: no constructs-internal error)', () => {
  it('refuses a second MskCloudWatchAlarms with the same id, naming the id and the scope', () => {
    const { stack, cluster } = mskStack();
    new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: 3 });
    const e = libraryError(() => new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: 3 }));
    expect(e.message).toBe("KIAC-ID [production] construct id 'Alarms' is used twice in this scope; expected unique ids among siblings. Give the second construct another id.");
  });

  it('refuses a second cluster with the id of the first, on MSK and on the StatefulSet target', () => {
    const { stack, network } = mskStack();
    expect(libraryError(() => new MskCluster(stack, 'Kafka', { network, brokers: 3 })).code).toBe('KIAC-ID');
    expect(libraryError(() => new KafkaNetwork(stack, 'Network', { availabilityZones: ['us-east-1a'], clientNetworks: [] })).code).toBe('KIAC-ID');
    const { chart } = statefulSetChart();
    expect(libraryError(() => new KafkaStatefulSetCluster(chart, 'Kafka', { clusterName: 'other', kmsKeyId: 'k', clientNetworks: [] })).message)
      .toContain("KIAC-ID [kafka] construct id 'Kafka' is used twice");
  });

  it('refuses a duplicate id or a missing scope in the dashboards and alert routing too (KafkaIacConstruct checks every construct)', () => {
    const { stack } = mskStack();
    expect(libraryError(() => new MskDashboards(stack, 'Kafka', { clusterName: 'c' })).message).toContain("KIAC-ID [production] construct id 'Kafka' is used twice");
    expect(libraryError(() => new MskOverviewDashboard(stack, 'Kafka', { name: 'all', clusters: [] })).code).toBe('KIAC-ID');
    expect(libraryError(() => new MskOverviewDashboard(undefined as any, 'Overview', { name: 'all', clusters: [] })).message).toContain('scope is');
    const { chart } = strimziChart();
    expect(libraryError(() => new KafkaGrafanaDashboards(chart, 'Kafka', { clusterName: 'orders' })).message).toContain("KIAC-ID [kafka] construct id 'Kafka' is used twice");
    expect(libraryError(() => new KafkaOverviewDashboard(chart, 'Kafka', { name: 'all', clusters: [] })).code).toBe('KIAC-ID');
    expect(libraryError(() => new KafkaAlertRouting(chart, '', { receivers: [] } as any)).message).toContain("id is ''");
  });

  it('refuses a missing scope or an empty id with the library error, not a TypeError', () => {
    expect(libraryError(() => new MskCloudWatchAlarms(undefined as any, 'Alarms', { clusterName: 'c', brokers: 3 })).message).toContain('scope is');
    const { stack } = mskStack();
    expect(libraryError(() => new MskCloudWatchAlarms(stack, '', { clusterName: 'c', brokers: 3 })).message).toContain("id is ''");
    expect(libraryError(() => new MskCloudWatchAlarms(stack, 'A', undefined as any)).message).toContain('props is not set');
  });
});

describe('thread counts, retention and node counts (issue #13: NaN thread counts, absurd replicas)', () => {
  it.each([NaN, 0, 2.5, 1e9, Infinity])('refuses numNetworkThreads and numIoThreads of %s with PERF-001', (n) => {
    expect(libraryError(() => renderBrokerProperties('p', 3, { numNetworkThreads: n })).message).toContain(`PERF-001 [p] numNetworkThreads is ${n}; expected an integer from 1 to 1024`);
    expect(libraryError(() => renderBrokerProperties('p', 3, { numIoThreads: n })).message).toContain(`numIoThreads is ${n}; expected an integer from 1 to 1024`);
  });

  it('accepts the documented thread counts and retention, and -1 for unlimited retention', () => {
    expect(renderBrokerProperties('p', 3, { numNetworkThreads: 8, numIoThreads: 16, logRetentionHours: -1 })).toMatchObject({ 'num.network.threads': '8', 'num.io.threads': '16', 'log.retention.hours': '-1' });
    expect(libraryError(() => renderBrokerProperties('p', 3, { logRetentionHours: Infinity })).message).toContain('logRetentionHours is Infinity');
    expect(libraryError(() => renderBrokerProperties('p', ABSURD)).message).toContain('brokers is 999999999; expected an integer from 1 to 5000');
  });

  it('refuses 999,999,999 broker replicas on the StatefulSet and Strimzi targets before building any pod', () => {
    expect(libraryError(() => statefulSetChart({ cluster: { brokers: { replicas: ABSURD } } as any })).message).toMatch(/^HA-001 \[kafka\/Kafka\] brokers.replicas is 999999999; expected an integer from 1 to 5000/);
    expect(libraryError(() => strimziChart({ cluster: { brokerPools: [{ replicas: ABSURD }] } })).message).toMatch(/^HA-001 .*replicas is 999999999; expected an integer from 1 to 5000/);
  });
});
