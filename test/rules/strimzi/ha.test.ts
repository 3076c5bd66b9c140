import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { EnvironmentProfile } from '../../../lib/model/environment';
import { AccessModel } from '../../../lib/model/access/access-model';
import { StrimziAccess } from '../../../lib/targets/strimzi/strimzi-access';
import {
  BROKER_POOL_PATH, CONTROLLER_POOL_PATH, KAFKA_PATH, expectCompliant, expectViolation, strimziChart, synth,
} from '../../support/strimzi-fixture';

/** Where StrimziAccess puts the `orders` KafkaTopic. */
const ORDERS_TOPIC_PATH = 'kafka/Access/Topic-orders';

/** strimziChart with a StrimziAccess whose KafkaTopic `orders` (12 partitions, 3 replicas) overrides min.insync.replicas to 2. */
function strimziChartWithTopic() {
  const fixture = strimziChart();
  const model = new AccessModel({ environment: fixture.environment });
  model.addTopic('orders', { partitions: 12, minInsyncReplicas: 2 });
  const access = new StrimziAccess(fixture.chart, 'Access', { model, clusterName: fixture.cluster.clusterName });
  return { ...fixture, topic: access.topics.get('orders')! };
}

describe('HA rules on Strimzi', () => {
  describe('HA-001', () => {
    it('passes HA-001 with a broker pool of 3', () => {
      expectCompliant(strimziChart().chart, 'HA-001', KAFKA_PATH);
    });
    it('fails HA-001 when a JSON patch shrinks the broker pool to 1', () => {
      const { chart, cluster } = strimziChart();
      cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
      expectViolation(chart, 'HA-001', KAFKA_PATH, /the broker node pools \(broker: 1 \[broker\]\) have 1 broker\(s\); expected at least 3 brokers/);
    });
    it('only warns about HA-001 in development with a combined node', () => {
      const { chart } = strimziChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } });
      synth(chart);
      expect(chart.complianceReport.warnings().map((e) => e.ruleId)).toEqual(expect.arrayContaining(['HA-001', 'HA-005']));
      expect(chart.complianceReport.errors()).toEqual([]);
    });
  });

  describe('HA-002', () => {
    it('passes HA-002 with replication factors of 3', () => {
      expectCompliant(strimziChart().chart, 'HA-002', KAFKA_PATH);
    });
    it('fails HA-002 when a JSON patch lowers default.replication.factor to 2', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/default.replication.factor', 2));
      expectViolation(chart, 'HA-002', KAFKA_PATH, /spec.kafka.config default.replication.factor is '2'; expected '3'/);
    });
    it('fails HA-002 when a Cruise Control metrics topic key that Strimzi drops is patched in', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/cruise.control.metrics.topic', 'metrics'));
      expectViolation(chart, 'HA-002', KAFKA_PATH, /key 'cruise.control.metrics.topic' is set, and Strimzi 1.2 silently drops keys starting with 'cruise.control.metrics.topic'/);
    });
    it('passes HA-002 on a KafkaTopic with 3 replicas', () => {
      expectCompliant(strimziChartWithTopic().chart, 'HA-002', ORDERS_TOPIC_PATH);
    });
    it('fails HA-002 when a JSON patch lowers a KafkaTopic to 2 replicas', () => {
      const { chart, topic } = strimziChartWithTopic();
      topic.addJsonPatch(JsonPatch.replace('/spec/replicas', 2));
      expectViolation(chart, 'HA-002', ORDERS_TOPIC_PATH, /spec.replicas is 2; expected at least 3/);
    });
    it('fails HA-002 when a JSON patch gives a KafkaTopic more replicas than the cluster has brokers', () => {
      const { chart, topic } = strimziChartWithTopic();
      topic.addJsonPatch(JsonPatch.replace('/spec/replicas', 4));
      expectViolation(chart, 'HA-002', ORDERS_TOPIC_PATH, /spec.replicas is 4 but cluster orders has 3 broker\(s\); expected a replication factor no higher than the broker count/);
    });
  });

  describe('HA-003', () => {
    it('passes HA-003 with min.insync.replicas 2 below 3', () => {
      expectCompliant(strimziChart().chart, 'HA-003', KAFKA_PATH);
    });
    it('fails HA-003 when brokerConfig.extra sets min.insync.replicas to 1', () => {
      const { chart } = strimziChart({ cluster: { brokerConfig: { extra: { 'min.insync.replicas': '1' } } } });
      expectViolation(chart, 'HA-003', KAFKA_PATH, /min.insync.replicas is '1'; expected '2'/);
    });
    it('fails HA-003 when transaction.state.log.min.isr equals its replication factor', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/transaction.state.log.min.isr', 3));
      expectViolation(chart, 'HA-003', KAFKA_PATH, /transaction.state.log.min.isr is 3 with transaction.state.log.replication.factor 3; expected below/);
    });
    it('passes HA-003 on a KafkaTopic that sets min.insync.replicas 2 with 3 replicas', () => {
      expectCompliant(strimziChartWithTopic().chart, 'HA-003', ORDERS_TOPIC_PATH);
    });
    it('fails HA-003 when a JSON patch sets a KafkaTopic min.insync.replicas to 1', () => {
      const { chart, topic } = strimziChartWithTopic();
      topic.addJsonPatch(JsonPatch.replace('/spec/config/min.insync.replicas', '1'));
      expectViolation(chart, 'HA-003', ORDERS_TOPIC_PATH, /spec.config min.insync.replicas is '1'; expected at least 2/);
    });
    it('fails HA-003 when a JSON patch sets a KafkaTopic min.insync.replicas to its replicas', () => {
      const { chart, topic } = strimziChartWithTopic();
      topic.addJsonPatch(JsonPatch.replace('/spec/config/min.insync.replicas', 3));
      expectViolation(chart, 'HA-003', ORDERS_TOPIC_PATH, /spec.config min.insync.replicas is 3 with replicas 3; expected below the replication factor/);
    });
  });

  describe('HA-005', () => {
    it('passes HA-005 with Kafka 4.3.1 and 3 controllers', () => {
      expectCompliant(strimziChart().chart, 'HA-005', KAFKA_PATH);
    });
    it('passes HA-005 with 5 controllers', () => {
      expectCompliant(strimziChart({ cluster: { controllers: { replicas: 5 } } }).chart, 'HA-005', KAFKA_PATH);
    });
    it('fails HA-005 when a JSON patch makes the controller quorum 4', () => {
      const { chart, cluster } = strimziChart();
      cluster.controllerPool!.addJsonPatch(JsonPatch.replace('/spec/replicas', 4));
      expectViolation(chart, 'HA-005', KAFKA_PATH, /the controller node pools \(controller: 4 \[controller\]\) have 4 controller\(s\); expected an odd KRaft quorum of 3 or 5/);
    });
    it('fails HA-005 when staging runs a combined controller+broker node', () => {
      const { chart } = strimziChart({ profile: EnvironmentProfile.STAGING, cluster: { combinedNode: true } });
      expectViolation(chart, 'HA-005', KAFKA_PATH, /node pool\(s\) dual-role combine the controller and broker roles/);
    });
    it('fails HA-005 when a JSON patch sets a version Strimzi 1.2 does not run', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/version', '3.9.0'));
      expectViolation(chart, 'HA-005', KAFKA_PATH, /spec.kafka.version is '3.9.0'/);
    });
    it('fails HA-005 when process.roles is patched into spec.kafka.config (Strimzi drops it)', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/process.roles', 'broker,controller'));
      expectViolation(chart, 'HA-005', KAFKA_PATH, /key 'process.roles' is set, and Strimzi 1.2 silently drops keys starting with 'process.roles'/);
    });
  });

  describe('HA-006', () => {
    it('passes HA-006 with 3 brokers pinned to and spread over 3 zones', () => {
      expectCompliant(strimziChart().chart, 'HA-006', BROKER_POOL_PATH);
    });
    it('fails HA-006 when production brokers are pinned to 2 zones', () => {
      const { chart } = strimziChart({ cluster: { zones: ['us-east-1a', 'us-east-1b'], brokerPools: [{ replicas: 4 }] } });
      expectViolation(chart, 'HA-006', BROKER_POOL_PATH, /pins the pods to 2 zone\(s\) \(us-east-1a, us-east-1b\); expected at least 3 zones/);
    });
    it('fails HA-006 when the broker count is not a multiple of the zone count', () => {
      const { chart } = strimziChart({ cluster: { brokerPools: [{ replicas: 4 }] } });
      expectViolation(chart, 'HA-006', BROKER_POOL_PATH, /spec.replicas is 4 over 3 zones; expected a multiple of the zone count \(3\)/);
    });
    it('fails HA-006 when a JSON patch removes the pool template, so the Kafka template applies without zone pinning', () => {
      const { chart, cluster } = strimziChart();
      cluster.brokerPools[0].addJsonPatch(JsonPatch.remove('/spec/template/pod'));
      cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/template/pod/affinity/nodeAffinity'));
      expectViolation(chart, 'HA-006', BROKER_POOL_PATH, /Kafka orders spec.kafka.template.pod \(the pool has no template.pod\) does not pin the pods to zones/);
    });
  });

  describe('HA-007', () => {
    it('passes HA-007 with rack.topologyKey on the zone label', () => {
      expectCompliant(strimziChart().chart, 'HA-007', KAFKA_PATH);
    });
    it('fails HA-007 when a JSON patch moves the rack to the hostname label', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/rack/topologyKey', 'kubernetes.io/hostname'));
      expectViolation(chart, 'HA-007', KAFKA_PATH, /spec.kafka.rack.topologyKey is 'kubernetes.io\/hostname'; expected 'topology.kubernetes.io\/zone'/);
    });
    it('fails HA-007 when broker.rack is patched into spec.kafka.config (Strimzi drops it)', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/broker.rack', 'us-east-1a'));
      expectViolation(chart, 'HA-007', KAFKA_PATH, /key 'broker.rack' is set, and Strimzi 1.2 silently drops keys starting with 'broker.'/);
    });
  });

  describe('HA-008', () => {
    it('passes HA-008 with unclean.leader.election.enable false', () => {
      expectCompliant(strimziChart().chart, 'HA-008', KAFKA_PATH);
    });
    it('fails HA-008 when a JSON patch turns unclean leader election on', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/unclean.leader.election.enable', true));
      expectViolation(chart, 'HA-008', KAFKA_PATH, /unclean.leader.election.enable is 'true'; expected false/);
    });
    it('passes HA-008 on a KafkaTopic that does not override unclean leader election', () => {
      expectCompliant(strimziChartWithTopic().chart, 'HA-008', ORDERS_TOPIC_PATH);
    });
    it('fails HA-008 when a JSON patch turns unclean leader election on for a KafkaTopic', () => {
      const { chart, topic } = strimziChartWithTopic();
      topic.addJsonPatch(JsonPatch.add('/spec/config/unclean.leader.election.enable', true));
      expectViolation(chart, 'HA-008', ORDERS_TOPIC_PATH, /spec.config unclean.leader.election.enable is true; expected false or absent/);
    });
  });

  describe('HA-009', () => {
    it('passes HA-009 on the Kafka (PDB maxUnavailable 1) and on both pools', () => {
      const { chart } = strimziChart();
      expectCompliant(chart, 'HA-009', KAFKA_PATH);
      expectCompliant(chart, 'HA-009', BROKER_POOL_PATH);
      expectCompliant(chart, 'HA-009', CONTROLLER_POOL_PATH);
    });
    it('fails HA-009 when a JSON patch raises the PDB maxUnavailable to 2', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/template/podDisruptionBudget/maxUnavailable', 2));
      expectViolation(chart, 'HA-009', KAFKA_PATH, /podDisruptionBudget.maxUnavailable is 2; expected at most 1/);
    });
    it('fails HA-009 when the controller pool spreads with ScheduleAnyway', () => {
      const { chart, cluster } = strimziChart();
      cluster.controllerPool!.addJsonPatch(JsonPatch.replace('/spec/template/pod/topologySpreadConstraints/0/whenUnsatisfiable', 'ScheduleAnyway'));
      expectViolation(chart, 'HA-009', CONTROLLER_POOL_PATH, /spreads over zones with whenUnsatisfiable 'ScheduleAnyway'/);
    });
    it('fails HA-009 when the broker pool loses its host anti-affinity', () => {
      const { chart, cluster } = strimziChart();
      cluster.brokerPools[0].addJsonPatch(JsonPatch.remove('/spec/template/pod/affinity/podAntiAffinity'));
      expectViolation(chart, 'HA-009', BROKER_POOL_PATH, /spec.template.pod has no required pod anti-affinity on kubernetes.io\/hostname/);
    });
  });

  describe('HA-010', () => {
    it('passes HA-010 with auto.create.topics.enable false', () => {
      expectCompliant(strimziChart().chart, 'HA-010', KAFKA_PATH);
    });
    it('warns about HA-010 when a JSON patch turns topic auto-creation on', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/auto.create.topics.enable', true));
      synth(chart);
      const warning = chart.complianceReport.warnings().find((e) => e.ruleId === 'HA-010');
      expect(warning?.path).toBe(KAFKA_PATH);
      expect(warning?.findings[0].found).toBe("spec.kafka.config auto.create.topics.enable is 'true'");
    });
  });

  describe('HA-011', () => {
    it('passes HA-011 with persistent claims kept (deleteClaim false)', () => {
      expectCompliant(strimziChart().chart, 'HA-011', BROKER_POOL_PATH);
    });
    it('fails HA-011 when production sets deleteClaim: true', () => {
      const { chart } = strimziChart({ cluster: { deleteClaim: true } });
      expectViolation(chart, 'HA-011', BROKER_POOL_PATH, /spec.storage.volumes\[0\].deleteClaim is true; expected false/);
    });
    it('fails HA-011 when a JSON patch makes the controller volume ephemeral', () => {
      const { chart, cluster } = strimziChart();
      cluster.controllerPool!.addJsonPatch(JsonPatch.replace('/spec/storage/volumes/0/type', 'ephemeral'));
      expectViolation(chart, 'HA-011', CONTROLLER_POOL_PATH, /spec.storage.volumes\[0\].type is 'ephemeral'/);
    });
    it('fails HA-011 when log.dirs is patched into spec.kafka.config (Strimzi drops it)', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/log.dirs', '/var/lib/kafka'));
      expectViolation(chart, 'HA-011', KAFKA_PATH, /key 'log.dirs' is set/);
    });
  });
});
