import { ApiObject, JsonPatch } from 'cdk8s';
import { IntOrString } from 'cdk8s-plus-27/lib/imports/k8s';
import { describe, expect, it } from 'vitest';
import { EnvironmentProfile } from '../../../lib/model/environment';
import {
  BROKERS_PATH, BROKER_CONFIG_PATH, COMBINED_PATH, CONTROLLERS_PATH, expectCompliant, expectViolation, patchProperties, statefulSetChart, synth,
} from '../../support/statefulset-fixture';

const TOPICS_PATH = 'kafka/Topics';

/** A ConfigMap shaped like the StatefulSet admin Job's artefacts, with the given topics.txt. */
function addTopics(chart: ReturnType<typeof statefulSetChart>['chart'], lines: string[]): void {
  new ApiObject(chart, 'Topics', {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name: 'orders-access', labels: { 'kafka-iac.dev/target': 'statefulset', 'kafka-iac.dev/acl-artefact': 'true' } },
    data: { 'topics.txt': ['# topics', ...lines].join('\n') + '\n', 'acls.txt': '' },
  });
}

describe('HA rules on the StatefulSet', () => {
  describe('HA-001', () => {
    it('passes HA-001 with 3 brokers', () => {
      expectCompliant(statefulSetChart().chart, 'HA-001', BROKERS_PATH);
    });
    it('fails HA-001 when a JSON patch shrinks the broker StatefulSet to 1', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
      expectViolation(chart, 'HA-001', BROKERS_PATH, /spec.replicas is 1 \(process.roles 'broker'\); expected at least 3 brokers/);
    });
    it('fails HA-001 in production with a combined single node', () => {
      const { chart } = statefulSetChart({ cluster: { combinedNode: true } });
      expectViolation(chart, 'HA-001', COMBINED_PATH, /spec.replicas is 1 \(process.roles 'broker,controller'\)/);
    });
    it('only warns about HA-001, HA-005 and HA-006 in development with a combined node', () => {
      const { chart } = statefulSetChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } });
      synth(chart);
      expect(chart.complianceReport.warnings().map((e) => e.ruleId)).toEqual(expect.arrayContaining(['HA-001', 'HA-002', 'HA-003', 'HA-005', 'HA-006']));
      expect(chart.complianceReport.errors()).toEqual([]);
    });
  });

  describe('HA-002', () => {
    it('passes HA-002 with replication factors of 3', () => {
      expectCompliant(statefulSetChart().chart, 'HA-002', BROKER_CONFIG_PATH);
    });
    it('fails HA-002 when a JSON patch on the ConfigMap lowers default.replication.factor to 2', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.brokers, { 'default.replication.factor': '2' });
      expectViolation(chart, 'HA-002', BROKER_CONFIG_PATH, /data\['server.properties'\] default.replication.factor is '2'; expected '3'/);
    });
    it('fails HA-002 when the replication factor is above the broker count', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.brokers, { 'default.replication.factor': '4' });
      expectViolation(chart, 'HA-002', BROKER_CONFIG_PATH, /default.replication.factor is 4 but the broker StatefulSets have 3 broker\(s\)/);
    });
    it('fails HA-002 when the admin Job creates a topic with replication factor 2', () => {
      const { chart } = statefulSetChart();
      addTopics(chart, ['--create --if-not-exists --topic orders --partitions 6 --replication-factor 2']);
      expectViolation(chart, 'HA-002', TOPICS_PATH, /topics.txt line 2 creates topic 'orders' with --replication-factor 2; expected at least 3/);
    });
    it('passes HA-002 for admin Job topics with replication factor 3', () => {
      const { chart } = statefulSetChart();
      addTopics(chart, ['--create --if-not-exists --topic orders --partitions 6 --replication-factor 3']);
      expectCompliant(chart, 'HA-002', TOPICS_PATH);
    });
  });

  describe('HA-003', () => {
    it('passes HA-003 with min.insync.replicas 2 below 3', () => {
      expectCompliant(statefulSetChart().chart, 'HA-003', BROKER_CONFIG_PATH);
    });
    it('fails HA-003 when brokerConfig.extra sets min.insync.replicas to 1', () => {
      const { chart } = statefulSetChart({ cluster: { brokerConfig: { extra: { 'min.insync.replicas': '1' } } } });
      expectViolation(chart, 'HA-003', BROKER_CONFIG_PATH, /min.insync.replicas is '1'; expected '2'/);
    });
    it('fails HA-003 when a patch makes transaction.state.log.min.isr equal its replication factor', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.brokers, { 'transaction.state.log.min.isr': '3' });
      expectViolation(chart, 'HA-003', BROKER_CONFIG_PATH, /transaction.state.log.min.isr is 3 with transaction.state.log.replication.factor 3; expected below/);
    });
    it('fails HA-003 when an admin Job topic sets min.insync.replicas to its replication factor', () => {
      const { chart } = statefulSetChart();
      addTopics(chart, ['--create --if-not-exists --topic orders --partitions 6 --replication-factor 3 --config min.insync.replicas=3']);
      expectViolation(chart, 'HA-003', TOPICS_PATH, /sets min.insync.replicas=3 on topic 'orders' with --replication-factor 3; expected below the replication factor/);
    });
  });

  describe('HA-005', () => {
    it('passes HA-005 with Kafka 4.3.1 and 3 controllers', () => {
      expectCompliant(statefulSetChart().chart, 'HA-005', CONTROLLERS_PATH);
      expectCompliant(statefulSetChart().chart, 'HA-005', BROKERS_PATH);
    });
    it('passes HA-005 with 5 controllers', () => {
      expectCompliant(statefulSetChart({ cluster: { controllers: { replicas: 5 } } }).chart, 'HA-005', CONTROLLERS_PATH);
    });
    it('fails HA-005 when a JSON patch makes the controller StatefulSet 4', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.controllers!.statefulSet.addJsonPatch(JsonPatch.replace('/spec/replicas', 4));
      expectViolation(chart, 'HA-005', CONTROLLERS_PATH, /spec.replicas is 4 KRaft controller\(s\).*expected an odd KRaft quorum of 3 or 5/);
      expectViolation(chart, 'HA-005', CONTROLLERS_PATH, /controller.quorum.voters lists 3 voter\(s\) but spec.replicas is 4/);
    });
    it('fails HA-005 when staging runs a combined controller+broker node', () => {
      const { chart } = statefulSetChart({ profile: EnvironmentProfile.STAGING, cluster: { combinedNode: true } });
      expectViolation(chart, 'HA-005', COMBINED_PATH, /process.roles is 'broker,controller': the nodes combine the controller and broker roles/);
    });
    it('fails HA-005 when a JSON patch swaps in a Kafka 3.9 image', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/image', 'apache/kafka:3.9.1'));
      expectViolation(chart, 'HA-005', BROKERS_PATH, /the kafka container image is 'apache\/kafka:3.9.1'; expected an Apache Kafka 4.x image/);
    });
    it('fails HA-005 when zookeeper.connect is patched into the controller properties', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.controllers!, { 'zookeeper.connect': 'zk:2181' });
      expectViolation(chart, 'HA-005', CONTROLLERS_PATH, /zookeeper.connect is 'zk:2181'; expected no ZooKeeper/);
    });
  });

  describe('HA-006', () => {
    it('passes HA-006 with 3 brokers over 3 zones', () => {
      expectCompliant(statefulSetChart().chart, 'HA-006', BROKERS_PATH);
    });
    it('fails HA-006 when production brokers are pinned to 2 zones', () => {
      const { chart } = statefulSetChart({ cluster: { zones: ['us-east-1a', 'us-east-1b'], brokers: { replicas: 4 } } });
      expectViolation(chart, 'HA-006', BROKERS_PATH, /pins the pods to 2 zone\(s\) \(us-east-1a, us-east-1b\); expected at least 3 zones/);
    });
    it('fails HA-006 when 4 brokers do not divide over 3 zones', () => {
      const { chart } = statefulSetChart({ cluster: { brokers: { replicas: 4 } } });
      expectViolation(chart, 'HA-006', BROKERS_PATH, /spec.replicas is 4 over 3 zones; expected a multiple of the zone count/);
    });
    it('fails HA-006 when a JSON patch removes the zone spread', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/topologySpreadConstraints'));
      expectViolation(chart, 'HA-006', BROKERS_PATH, /has no topology spread constraint on topology.kubernetes.io\/zone/);
    });
  });

  describe('HA-007', () => {
    it('passes HA-007 with the rack init container reading the zone label', () => {
      expectCompliant(statefulSetChart().chart, 'HA-007', BROKERS_PATH);
    });
    it('fails HA-007 when a JSON patch removes the rack init container', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/initContainers/1'));
      expectViolation(chart, 'HA-007', BROKERS_PATH, /has no rack init container/);
    });
    it('fails HA-007 when the rack is read from the hostname label instead of the zone', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/initContainers/1/env/1/value', 'kubernetes.io/hostname'));
      expectViolation(chart, 'HA-007', BROKERS_PATH, /init container 'rack' TOPOLOGY_KEY is 'kubernetes.io\/hostname'/);
    });
    it('fails HA-007 when brokerConfig.extra hard-codes broker.rack', () => {
      const { chart } = statefulSetChart({ cluster: { brokerConfig: { extra: { 'broker.rack': 'us-east-1a' } } } });
      expectViolation(chart, 'HA-007', BROKERS_PATH, /broker.rack is 'us-east-1a', one rack for every broker/);
    });
  });

  describe('HA-008', () => {
    it('passes HA-008 with unclean leader election off', () => {
      expectCompliant(statefulSetChart().chart, 'HA-008', BROKER_CONFIG_PATH);
    });
    it('fails HA-008 when a JSON patch turns unclean leader election on', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.brokers, { 'unclean.leader.election.enable': 'true' });
      expectViolation(chart, 'HA-008', BROKER_CONFIG_PATH, /unclean.leader.election.enable is 'true'; expected false/);
    });
    it('fails HA-008 when an admin Job topic turns unclean leader election on', () => {
      const { chart } = statefulSetChart();
      addTopics(chart, ['--create --if-not-exists --topic orders --partitions 6 --replication-factor 3 --config unclean.leader.election.enable=true']);
      expectViolation(chart, 'HA-008', TOPICS_PATH, /sets unclean.leader.election.enable=true on topic 'orders'/);
    });
  });

  describe('HA-009', () => {
    it('passes HA-009 with zone spread, host anti-affinity and one PDB of maxUnavailable 1', () => {
      expectCompliant(statefulSetChart().chart, 'HA-009', BROKERS_PATH);
      expectCompliant(statefulSetChart().chart, 'HA-009', CONTROLLERS_PATH);
    });
    it('fails HA-009 when a JSON patch raises the PDB to maxUnavailable 2', () => {
      const { chart, cluster } = statefulSetChart();
      // Typed k8s objects convert their JSON again after patches: an int-or-string value is patched in as IntOrString.
      cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/spec/maxUnavailable', IntOrString.fromNumber(2)));
      expectViolation(chart, 'HA-009', BROKERS_PATH, /PodDisruptionBudget orders-kafka has maxUnavailable 2 and minAvailable not set over 3 pod\(s\); expected at most one disruption/);
    });
    it('fails HA-009 when a raw-number patch drops maxUnavailable from the PDB', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/spec/maxUnavailable', 2));
      expectViolation(chart, 'HA-009', BROKERS_PATH, /PodDisruptionBudget orders-kafka has maxUnavailable not set and minAvailable not set/);
    });
    it('fails HA-009 when the zone spread is ScheduleAnyway', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.controllers!.statefulSet.addJsonPatch(JsonPatch.replace('/spec/template/spec/topologySpreadConstraints/0/whenUnsatisfiable', 'ScheduleAnyway'));
      expectViolation(chart, 'HA-009', CONTROLLERS_PATH, /spreads over zones with whenUnsatisfiable 'ScheduleAnyway'/);
    });
    it('fails HA-009 when the host anti-affinity is removed', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/affinity/podAntiAffinity'));
      expectViolation(chart, 'HA-009', BROKERS_PATH, /has no required pod anti-affinity on kubernetes.io\/hostname/);
    });
    it('fails HA-009 when the PDB no longer selects the Kafka pods', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/spec/selector/matchLabels/app.kubernetes.io~1name', 'other'));
      expectViolation(chart, 'HA-009', BROKERS_PATH, /no PodDisruptionBudget in namespace 'kafka' selects the pods of StatefulSet orders-broker/);
    });
  });

  describe('HA-010', () => {
    it('passes HA-010 with auto.create.topics.enable=false', () => {
      expectCompliant(statefulSetChart().chart, 'HA-010', BROKER_CONFIG_PATH);
    });
    it('reports HA-010 (a warning) when a patch turns topic auto-creation on', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.brokers, { 'auto.create.topics.enable': 'true' });
      synth(chart);
      const entry = chart.complianceReport.entries.find((e) => e.ruleId === 'HA-010' && e.path === BROKER_CONFIG_PATH);
      expect(entry?.status).toBe('non-compliant');
      expect(entry?.findings.map((f) => f.found)).toEqual(["data['server.properties'] auto.create.topics.enable is 'true'"]);
    });
  });

  describe('HA-011', () => {
    it('passes HA-011 with retained claims on a Retain StorageClass', () => {
      expectCompliant(statefulSetChart().chart, 'HA-011', BROKERS_PATH);
    });
    it('fails HA-011 when a JSON patch deletes the claims with the StatefulSet', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.replace('/spec/persistentVolumeClaimRetentionPolicy/whenDeleted', 'Delete'));
      expectViolation(chart, 'HA-011', BROKERS_PATH, /persistentVolumeClaimRetentionPolicy.whenDeleted is 'Delete'; expected 'Retain'/);
    });
    it('fails HA-011 when the data directory is moved to an emptyDir', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/volumeMounts/0/name', 'tmp'));
      expectViolation(chart, 'HA-011', BROKERS_PATH, /log.dirs \/var\/lib\/kafka\/data\/logs is on volume 'tmp', a pod volume \(emptyDir\)/);
    });
    it('fails HA-011 when the StorageClass deletes released volumes', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.encryptedStorageClass!.resource.addJsonPatch(JsonPatch.replace('/reclaimPolicy', 'Delete'));
      expectViolation(chart, 'HA-011', CONTROLLERS_PATH, /StorageClass 'kafka-orders-encrypted' reclaimPolicy is 'Delete'/);
    });
  });
});
