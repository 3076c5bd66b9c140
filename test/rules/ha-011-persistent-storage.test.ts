// HA-011: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-ha';
import { EnvironmentProfile } from '../../lib/model/environment';
import { strimziChart, BROKER_POOL_PATH, CONTROLLER_POOL_PATH, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKERS_PATH, CONTROLLERS_PATH } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_011_PERSISTENT_STORAGE } from '../../lib/rules/ha-011-persistent-storage';
import { itDescribesItself } from './fixtures/metadata';
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
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_011_PERSISTENT_STORAGE, 'HA-011', ['msk', 'strimzi', 'statefulset']);
});
