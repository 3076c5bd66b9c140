// HA-011: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-ha';
import { EnvironmentProfile } from '../../lib/model/environment';
import { strimziChart, BROKER_POOL_PATH, CONTROLLER_POOL_PATH, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKERS_PATH, CONTROLLERS_PATH, patchProperties } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_011_PERSISTENT_STORAGE } from '../../lib/rules/ha-011-persistent-storage';
import { itDescribesItself } from './fixtures/metadata';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { findingsOf } from './fixtures/outcome';
import { terraform } from './fixtures/cap-documents';
describe('MSK', () => {
  describe('HA rules on MSK', () => {

    describe('HA-011', () => {
      it('passes HA-011 with prevent_destroy on the cluster and its key in production', () => {
        expectCompliant(mskStack().stack, 'HA-011', CLUSTER);
      });
      it('fails HA-011 when an override removes prevent_destroy from the cluster', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('lifecycle.prevent_destroy', false);
        expectViolation(stack, 'HA-011', CLUSTER, /lifecycle.prevent_destroy of aws_msk_cluster\.\S+ is false; expected true in production/);
      });
      it('fails HA-011 when an override removes prevent_destroy from the cluster key', () => {
        const { stack, cluster } = mskStack();
        cluster.encryptionKey!.resource.addOverride('lifecycle.prevent_destroy', false);
        expectViolation(stack, 'HA-011', CLUSTER, /prevent_destroy of the cluster key aws_kms_key\.\S+ \(production\/Kafka\/EncryptionKey\/Resource\) is false/);
      });
      it('does not require prevent_destroy in staging', () => {
        const { stack } = mskStack({ profile: EnvironmentProfile.STAGING });
        expect(expectCompliant(stack, 'HA-011', 'staging/Kafka/Resource')).toContain('prevent_destroy is required in production only.');
      });
      it('says what an unprotected cluster breaks, what is expected and the fix', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('lifecycle.prevent_destroy', false);
        expectViolation(stack, 'HA-011', CLUSTER, /HA-011 \[production\/Kafka\/Resource\] lifecycle\.prevent_destroy of aws_msk_cluster\.\S+ is false; expected true in production\. Create the cluster with MskCluster in a production environment, or set lifecycle \{ prevent_destroy = true \}\. /);
      });
      it('says "not set" when the cluster has no prevent_destroy at all', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('lifecycle.prevent_destroy', null);
        expectViolation(stack, 'HA-011', CLUSTER, /lifecycle\.prevent_destroy of aws_msk_cluster\.\S+ is "not set"; expected true in production/);
      });
      it('says what an unprotected cluster key breaks, what is expected and the fix', () => {
        const { stack, cluster } = mskStack();
        cluster.encryptionKey!.resource.addOverride('lifecycle.prevent_destroy', false);
        expectViolation(stack, 'HA-011', CLUSTER, /prevent_destroy of the cluster key aws_kms_key\.\S+ \(production\/Kafka\/EncryptionKey\/Resource\) is false; expected true in production: deleting the key makes the volumes unreadable\. Set lifecycle \{ prevent_destroy = true \} on the key \(KafkaEncryptionKey does in production\)\. /);
      });
      it('passes a protected cluster whose key lives elsewhere, and notes that the key is protected where it is', () => {
        const arn = 'arn:aws:kms:us-east-1:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11';
        const { stack } = mskStack({ cluster: { encryptionKeyArn: arn } });
        expect(expectCompliant(stack, 'HA-011', CLUSTER)).toEqual([`The encryption key ${arn} is not managed in this stack; protect it where it is.`]);
      });
      it('notes "(none)" for a cluster without an encryption key', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('encryption_info.encryption_at_rest_kms_key_arn', null);
        RuleSuppressions.add(cluster, [{ id: 'SEC-006', reason: 'This test reads HA-011 on a cluster whose key is left to AWS.' }]);
        expect(expectCompliant(stack, 'HA-011', CLUSTER)).toEqual(['The encryption key (none) is not managed in this stack; protect it where it is.']);
      });
      it('notes nothing for a protected cluster with its protected key in the stack', () => {
        expect(expectCompliant(mskStack().stack, 'HA-011', CLUSTER)).toEqual([]);
      });
      it('says "not set" for a cluster key of the stack without a lifecycle block', () => {
        const cluster = terraform('aws_msk_cluster', 'kafka', { lifecycle: { prevent_destroy: true }, encryption_info: { encryption_at_rest_kms_key_arn: '${aws_kms_key.key.arn}' } });
        expect(findingsOf(HA_011_PERSISTENT_STORAGE, cluster, [terraform('aws_kms_key', 'key', {})]).map((f) => f.found))
          .toEqual(['lifecycle.prevent_destroy of the cluster key aws_kms_key.key (production/key/Resource) is "not set"']);
      });
      it('does not require prevent_destroy in development', () => {
        const { stack, cluster } = mskStack({ profile: EnvironmentProfile.DEVELOPMENT });
        cluster.resource.addOverride('lifecycle.prevent_destroy', false);
        expect(expectCompliant(stack, 'HA-011', 'development/Kafka/Resource')).toEqual(['prevent_destroy is required in production only.']);
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

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
      it('passes HA-011 on the Kafka and on the controller pool', () => {
        const { chart } = strimziChart();
        expectCompliant(chart, 'HA-011', KAFKA_PATH);
        expectCompliant(chart, 'HA-011', CONTROLLER_POOL_PATH);
      });
      it('passes HA-011 when deleteClaim is absent (Strimzi keeps the claim)', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.remove('/spec/storage/volumes/0/deleteClaim'));
        expectCompliant(chart, 'HA-011', BROKER_POOL_PATH);
      });
      it('says what deleteClaim: true breaks, what is expected and the fix', () => {
        const { chart } = strimziChart({ cluster: { deleteClaim: true } });
        expectViolation(chart, 'HA-011', BROKER_POOL_PATH, /HA-011 \[kafka\/Kafka\/BrokerPool\] spec\.storage\.volumes\[0\]\.deleteClaim is true; expected false: the volumes outlive the cluster\. Set spec\.storage\.volumes\[0\]\.deleteClaim: false \(StrimziKafkaCluster deleteClaim: false\)\. /);
      });
      it('says what ephemeral storage breaks, what is expected and the fix, also outside a jbod', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/storage', { type: 'ephemeral' }));
        expectViolation(chart, 'HA-011', BROKER_POOL_PATH, /HA-011 \[kafka\/Kafka\/BrokerPool\] spec\.storage\.type is 'ephemeral'; expected 'persistent-claim' \(ephemeral storage loses the data when a pod restarts\)\. Set spec\.storage\.type: 'persistent-claim'\. /);
      });
      it('says what a jbod without volumes breaks, what is expected and the fix', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/storage/volumes', []));
        expectViolation(chart, 'HA-011', BROKER_POOL_PATH, /HA-011 \[kafka\/Kafka\/BrokerPool\] spec\.storage has no volumes; expected persistent-claim volumes\. Declare spec\.storage: \{ type: 'jbod', volumes: \[\{ id: 0, type: 'persistent-claim', size: '100Gi', deleteClaim: false \}\] \}\. /);
      });
      it('reads only the Kafka and its node pools', () => {
        const { chart } = strimziChart();
        strimziFixture.synth(chart);
        const paths = chart.complianceReport.entries.filter((e) => e.ruleId === 'HA-011').map((e) => e.path).sort();
        expect(paths).toEqual([BROKER_POOL_PATH, CONTROLLER_POOL_PATH, KAFKA_PATH].sort());
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

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
      it('says what a StorageClass that deletes released volumes breaks, what is expected and the fix', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.encryptedStorageClass!.resource.addJsonPatch(JsonPatch.replace('/reclaimPolicy', 'Delete'));
        expectViolation(chart, 'HA-011', BROKERS_PATH, /HA-011 \[kafka\/Kafka\/Brokers\] StorageClass 'kafka-orders-encrypted' reclaimPolicy is 'Delete'; expected 'Retain': a released volume is kept, not deleted\. Set reclaimPolicy: 'Retain' \(EncryptedStorageClass does\)\. /);
      });
      it('says what deleting the claims on scale-down breaks, what is expected and the fix', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/persistentVolumeClaimRetentionPolicy/whenScaled', 'Delete'));
        expectViolation(chart, 'HA-011', BROKERS_PATH, /HA-011 \[kafka\/Kafka\/Brokers\] spec\.persistentVolumeClaimRetentionPolicy\.whenScaled is 'Delete'; expected 'Retain': the volumes outlive the StatefulSet\. Set spec\.persistentVolumeClaimRetentionPolicy\.whenScaled: 'Retain'\. /);
      });
      it('passes HA-011 without a retention policy (Kubernetes retains by default)', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.remove('/spec/persistentVolumeClaimRetentionPolicy'));
        expectCompliant(chart, 'HA-011', BROKERS_PATH);
      });
      it('says what a data directory on a pod volume breaks, what is expected and the fix', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/volumeMounts/0/name', 'tmp'));
        expectViolation(chart, 'HA-011', BROKERS_PATH, /HA-011 \[kafka\/Kafka\/Brokers\] log\.dirs \/var\/lib\/kafka\/data\/logs is on volume 'tmp', a pod volume \(emptyDir\); expected a persistent volume from spec\.volumeClaimTemplates\. Mount the data directory from a volumeClaimTemplate \(KafkaStatefulSetCluster mounts 'data'\)\. /);
      });
      it('fails HA-011 when the data directory is mounted from a volume that is neither a pod volume nor a claim template', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/volumeMounts/0/name', 'ghost'));
        expectViolation(chart, 'HA-011', BROKERS_PATH, /log\.dirs \/var\/lib\/kafka\/data\/logs is on volume 'ghost', not a volume claim template/);
      });
      it('checks every directory of log.dirs, and log.dir when log.dirs is absent', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'log.dirs': '/var/lib/kafka/data/logs, /opt/kafka/logs2' });
        expectViolation(chart, 'HA-011', BROKERS_PATH, /log\.dirs \/opt\/kafka\/logs2 is on the container's own filesystem/);
        const single = statefulSetChart();
        patchProperties(single.cluster.brokers, { 'log.dirs': undefined, 'log.dir': '/opt/kafka/single' });
        expectViolation(single.chart, 'HA-011', BROKERS_PATH, /log\.dirs \/opt\/kafka\/single is on the container's own filesystem/);
        const neither = statefulSetChart();
        patchProperties(neither.cluster.brokers, { 'log.dirs': undefined });
        // Kafka's default log.dirs, /tmp/kafka-logs, falls on the pod's /tmp emptyDir.
        expectViolation(neither.chart, 'HA-011', BROKERS_PATH, /log\.dirs \/tmp\/kafka-logs is on volume 'tmp', a pod volume \(emptyDir\)/);
      });
      it('notes a StorageClass that is not in the output instead of checking it', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/volumeClaimTemplates/0/spec/storageClassName', 'gp3'));
        RuleSuppressions.add(cluster, [{ id: 'SEC-006', reason: 'This test reads HA-011 on a StorageClass managed outside the chart.' }]);
        expect(expectCompliant(chart, 'HA-011', BROKERS_PATH)).toEqual(["StorageClass 'gp3' is managed elsewhere; its reclaimPolicy is not in this output."]);
      });
      it('reads only the Kafka node StatefulSets', () => {
        const { chart } = statefulSetChart();
        statefulsetFixture.synth(chart);
        const paths = chart.complianceReport.entries.filter((e) => e.ruleId === 'HA-011').map((e) => e.path).sort();
        expect(paths).toEqual([BROKERS_PATH, CONTROLLERS_PATH].sort());
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_011_PERSISTENT_STORAGE, 'HA-011', ['msk', 'strimzi', 'statefulset']);
});
