// SEC-006: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-sec';
import { strimziChart, BROKER_POOL_PATH, KMS_KEY } from '../support/strimzi-fixture';
import { EncryptedStorageClass } from '../../lib/targets/kubernetes/encrypted-storage-class';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKERS_PATH, CONTROLLERS_PATH } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { SEC_006_ENCRYPTION_AT_REST } from '../../lib/rules/sec-006-encryption-at-rest';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('SEC rules on MSK', () => {

    describe('SEC-006', () => {
      it('passes SEC-006 with the created customer-managed key with rotation', () => {
        expectCompliant(mskStack().stack, 'SEC-006', CLUSTER);
      });
      it('fails SEC-006 when an override turns key rotation off', () => {
        const { stack, cluster } = mskStack();
        cluster.encryptionKey!.resource.addOverride('enable_key_rotation', false);
        expectViolation(stack, 'SEC-006', CLUSTER, /enable_key_rotation of aws_kms_key\.\S+ \(production\/Kafka\/EncryptionKey\/Resource\) is false; expected true/);
      });
      it('fails SEC-006 when an override drops the key (AWS-managed key)', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('encryption_info.encryption_at_rest_kms_key_arn', null);
        expectViolation(stack, 'SEC-006', CLUSTER, /encryption_at_rest_kms_key_arn is not set/);
      });
      it('notes a key given by ARN, whose rotation is checked where it is managed', () => {
        const arn = 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555';
        const notes = expectCompliant(mskStack({ cluster: { encryptionKeyArn: arn } }).stack, 'SEC-006', CLUSTER);
        expect(notes[0]).toContain('not managed in this stack');
      });
    });
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('SEC-006', () => {
      it('passes SEC-006 with the EncryptedStorageClass created by the cluster', () => {
        expectCompliant(strimziChart().chart, 'SEC-006', BROKER_POOL_PATH);
      });
      it('passes SEC-006 with a StorageClass made elsewhere and notes its declared key', () => {
        const storageClass = EncryptedStorageClass.fromStorageClassAttributes({ storageClassName: 'platform-gp3', kmsKeyId: KMS_KEY });
        const { chart } = strimziChart({ cluster: { storageClass, kmsKeyId: undefined } });
        expect(expectCompliant(chart, 'SEC-006', BROKER_POOL_PATH)).toEqual([`StorageClass 'platform-gp3' is managed elsewhere; declared KMS key ${KMS_KEY}.`]);
      });
      it('fails SEC-006 when a JSON patch turns StorageClass encryption off', () => {
        const { chart, cluster } = strimziChart();
        cluster.encryptedStorageClass!.resource.addJsonPatch(JsonPatch.replace('/parameters/encrypted', 'false'));
        expectViolation(chart, 'SEC-006', BROKER_POOL_PATH, /StorageClass 'orders-encrypted' parameters.encrypted is 'false'; expected 'true'/);
      });
      it('fails SEC-006 when a pool names a StorageClass that is neither here nor declared', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/storage/volumes/0/class', 'gp2'));
        expectViolation(chart, 'SEC-006', BROKER_POOL_PATH, /class is 'gp2', a StorageClass that is not in this synthesis, and no KMS key is declared/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('SEC rules on the StatefulSet', () => {
    const { expectCompliant, KMS_KEY, expectViolation } = statefulsetFixture;

    describe('SEC-006', () => {
      it('passes SEC-006 with the encrypted StorageClass created here', () => {
        expectCompliant(statefulSetChart().chart, 'SEC-006', BROKERS_PATH);
      });
      it('passes SEC-006 with a StorageClass made elsewhere and its declared key, noted in the report', () => {
        const { chart } = statefulSetChart({ cluster: { kmsKeyId: undefined, storageClass: EncryptedStorageClass.fromStorageClassAttributes({ storageClassName: 'platform-gp3', kmsKeyId: KMS_KEY }) } });
        expect(expectCompliant(chart, 'SEC-006', BROKERS_PATH)).toEqual([`StorageClass 'platform-gp3' is managed elsewhere; declared KMS key ${KMS_KEY}.`]);
      });
      it('fails SEC-006 when a JSON patch turns encryption off on the StorageClass', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.encryptedStorageClass!.resource.addJsonPatch(JsonPatch.replace('/parameters/encrypted', 'false'));
        expectViolation(chart, 'SEC-006', CONTROLLERS_PATH, /StorageClass 'kafka-orders-encrypted' parameters.encrypted is 'false'; expected 'true'/);
      });
      it('fails SEC-006 when the volume claim template drops its storageClassName', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.remove('/spec/volumeClaimTemplates/0/spec/storageClassName'));
        expectViolation(chart, 'SEC-006', BROKERS_PATH, /storageClassName is not set, so the cluster's default StorageClass/);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_006_ENCRYPTION_AT_REST, 'SEC-006', ['msk', 'strimzi', 'statefulset']);
});
