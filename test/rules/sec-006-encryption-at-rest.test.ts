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
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { nodePool, strimziKafka, terraform } from './fixtures/cap-documents';
import { nodeConfigMap, nodeStatefulSet } from './fixtures/statefulset-documents';
import type { KubernetesDocument } from '../../lib/contract/document';
import { STORAGE_KMS_KEY_ANNOTATION } from '../../lib/contract/vocabulary';
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

// The rule on hand-built documents (the shapes the targets write), so each finding's whole text
// (found, expected, fix) and each branch of the check is pinned without a synthesis per case.
const AT_REST_ARN = 'encryption_info.encryption_at_rest_kms_key_arn';
const CUSTOMER_KEY = 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555';

/** An `aws_msk_cluster` whose encryption_info holds `arn` (none when undefined). */
function mskClusterWithKey(arn: unknown) {
  return terraform('aws_msk_cluster', 'kafka', arn === undefined ? {} : { encryption_info: { encryption_at_rest_kms_key_arn: arn } });
}

/** A cluster-scoped StorageClass document (no namespace, as Kubernetes and the index read it). */
function storageClass(name: string, body: { provisioner?: string; parameters?: Record<string, unknown> }): KubernetesDocument {
  const apiVersion = 'storage.k8s.io/v1';
  return { source: 'kubernetes', apiVersion, kind: 'StorageClass', name, path: `staging/Kafka/StorageClass-${name}`, body: { apiVersion, kind: 'StorageClass', metadata: { name }, ...body } };
}

const ENCRYPTED = storageClass('encrypted-gp3', { provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3', encrypted: 'true', kmsKeyId: KMS_KEY } });
const NOT_HERE = (where: string, className: string) => ({
  found: `${where} is '${className}', a StorageClass that is not in this synthesis, and no KMS key is declared for it`,
  expected: 'an encrypted StorageClass with a customer-managed KMS key',
  fix: 'Create it with EncryptedStorageClass, or pass EncryptedStorageClass.fromStorageClassAttributes({ storageClassName, kmsKeyId }).',
});

describe('MSK: the cluster document', () => {
  const rotatingKey = terraform('aws_kms_key', 'key', { enable_key_rotation: true });

  it('passes SEC-006 with no note when the key is an aws_kms_key of the stack with rotation on', () => {
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, mskClusterWithKey('${aws_kms_key.key.arn}'), [rotatingKey])).toEqual({ status: 'compliant' });
  });

  it('fails SEC-006 with the whole message when the key of the stack has rotation unset', () => {
    const key = terraform('aws_kms_key', 'key', {});
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, mskClusterWithKey('${aws_kms_key.key.arn}'), [key])).toEqual([{
      found: 'enable_key_rotation of aws_kms_key.key (production/key/Resource) is not set',
      expected: 'true',
      fix: 'Set enable_key_rotation = true on the key (KafkaEncryptionKey does).',
    }]);
  });

  it('fails SEC-006 with one finding when encryption_info is absent or the ARN is empty (the AWS-managed key)', () => {
    const notSet = {
      found: 'encryption_info.encryption_at_rest_kms_key_arn is not set, so MSK uses the AWS-managed key',
      expected: 'a customer-managed KMS key',
      fix: 'Let MskCluster create its key, or pass encryptionKeyArn.',
    };
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, mskClusterWithKey(undefined))).toEqual([notSet]);
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, mskClusterWithKey(''))).toEqual([notSet]);
  });

  it('fails SEC-006 when the ARN names an AWS-managed key alias (alias/aws/kafka)', () => {
    const arn = 'arn:aws:kms:us-east-1:111122223333:alias/aws/kafka';
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, mskClusterWithKey(arn))).toEqual([{
      found: `${AT_REST_ARN} is '${arn}', an AWS-managed key`,
      expected: 'a customer-managed KMS key',
      fix: 'Use a customer-managed key with rotation on.',
    }]);
  });

  it('passes SEC-006 with a customer alias or key ARN managed elsewhere, and notes where its rotation is checked', () => {
    for (const arn of [CUSTOMER_KEY, 'arn:aws:kms:us-east-1:111122223333:alias/kafka-orders']) {
      expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, mskClusterWithKey(arn))).toEqual({
        status: 'compliant', notes: [`The key ${arn} is not managed in this stack; its rotation is checked where it is managed.`],
      });
    }
  });

  it('notes a reference to a resource of the stack that is not an aws_kms_key, without reading its rotation', () => {
    const replica = terraform('aws_kms_replica_key', 'replica', { enable_key_rotation: false });
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, mskClusterWithKey('${aws_kms_replica_key.replica.arn}'), [replica])).toEqual({
      status: 'compliant', notes: ['The key ${aws_kms_replica_key.replica.arn} is not managed in this stack; its rotation is checked where it is managed.'],
    });
  });

  it('is not applicable to other Terraform documents, such as the key itself', () => {
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, rotatingKey)).toEqual({ status: 'not-applicable' });
  });
});

describe('Strimzi: the node pool documents', () => {
  const pool = (storage: unknown, annotations?: Record<string, string>) => nodePool('brokers', { storage, annotations });
  const jbod = (...volumes: unknown[]) => ({ type: 'jbod', volumes });
  const claim = (className?: string) => ({ id: 0, type: 'persistent-claim', size: '1000Gi', ...(className === undefined ? {} : { class: className }) });

  it('passes SEC-006 with no note when every volume names an encrypted EBS CSI class of the synthesis', () => {
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, pool(jbod(claim('encrypted-gp3'), claim('encrypted-gp3'))), [ENCRYPTED])).toEqual({ status: 'compliant' });
    // A single persistent-claim storage (no jbod) is read as one volume; `encrypted: true` reads as 'true'.
    const booleanTrue = storageClass('encrypted-gp3', { provisioner: 'ebs.csi.aws.com', parameters: { encrypted: true, kmsKeyId: KMS_KEY } });
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, pool(claim('encrypted-gp3')), [booleanTrue])).toEqual({ status: 'compliant' });
  });

  it('fails SEC-006 once per volume: an ephemeral volume, then a claim without a class', () => {
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, pool(jbod({ id: 0, type: 'ephemeral' }, claim(), claim(''))), [ENCRYPTED])).toEqual([
      { found: "spec.storage.volumes[0].type is 'ephemeral'", expected: 'a persistent-claim volume on an encrypted StorageClass', fix: "Set spec.storage.volumes[0].type: 'persistent-claim' with an encrypted class." },
      { found: "spec.storage.volumes[1].class is not set, so the cluster's default StorageClass (encryption unknown) is used", expected: 'an encrypted StorageClass named explicitly', fix: 'Set the class to an EncryptedStorageClass.' },
      { found: "spec.storage.volumes[2].class is not set, so the cluster's default StorageClass (encryption unknown) is used", expected: 'an encrypted StorageClass named explicitly', fix: 'Set the class to an EncryptedStorageClass.' },
    ]);
  });

  it('fails SEC-006 on a single storage (no jbod) without a class, naming spec.storage', () => {
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, pool(claim()))[0].found).toBe("spec.storage.class is not set, so the cluster's default StorageClass (encryption unknown) is used");
  });

  it('fails SEC-006 for each parameter an EBS CSI class lacks, and for another provisioner', () => {
    const bare = storageClass('bare', { provisioner: 'kubernetes.io/aws-ebs' });
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, pool(jbod(claim('bare'))), [bare])).toEqual([
      { found: "StorageClass 'bare' provisioner is 'kubernetes.io/aws-ebs'", expected: "'ebs.csi.aws.com' (whose encryption parameters this rule can read)", fix: 'Use EncryptedStorageClass, or suppress SEC-006 with a reason that names how the other provisioner encrypts.' },
      { found: "StorageClass 'bare' parameters.encrypted is not set", expected: "'true'", fix: "Set parameters.encrypted: 'true'." },
      { found: "StorageClass 'bare' parameters.kmsKeyId is not set", expected: 'a customer-managed KMS key (without it EBS uses the AWS-managed key)', fix: 'Set parameters.kmsKeyId to your KMS key ARN.' },
    ]);
    const emptyKey = storageClass('empty-key', { provisioner: 'ebs.csi.aws.com', parameters: { encrypted: 'true', kmsKeyId: '' } });
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, pool(jbod(claim('empty-key'))), [emptyKey]).map((f) => f.found)).toEqual(["StorageClass 'empty-key' parameters.kmsKeyId is ''"]);
  });

  it('fails SEC-006 for a class made elsewhere unless the pool declares its key, which a passing report notes', () => {
    const gp2 = pool(jbod(claim('gp2')));
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, gp2)).toEqual([NOT_HERE('spec.storage.volumes[0].class', 'gp2')]);
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, pool(jbod(claim('gp2')), { [STORAGE_KMS_KEY_ANNOTATION]: '' }))).toEqual([NOT_HERE('spec.storage.volumes[0].class', 'gp2')]);
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, pool(jbod(claim('gp2')), { [STORAGE_KMS_KEY_ANNOTATION]: KMS_KEY }))).toEqual({
      status: 'compliant', notes: [`StorageClass 'gp2' is managed elsewhere; declared KMS key ${KMS_KEY}.`],
    });
    // A document without metadata declares nothing.
    const bare = pool(jbod(claim('gp2')));
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, { ...bare, body: { ...bare.body, metadata: undefined } })).toEqual([NOT_HERE('spec.storage.volumes[0].class', 'gp2')]);
  });

  it('is not applicable to the Kafka resource and the StorageClass', () => {
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, strimziKafka())).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, ENCRYPTED)).toEqual({ status: 'not-applicable' });
  });
});

describe('StatefulSet: the node StatefulSet documents', () => {
  const config = nodeConfigMap('kafka-config', { 'process.roles': 'broker', 'node.id': '1' });
  /** A node StatefulSet that mounts `config`, with these volume claim templates and annotations. */
  const node = (volumeClaimTemplates: unknown[] | undefined, annotations?: Record<string, string>) => {
    const sts = nodeStatefulSet('kafka', 'kafka-config', 3);
    const spec = { ...sts.body.spec, ...(volumeClaimTemplates ? { volumeClaimTemplates } : {}) };
    return { ...sts, body: { ...sts.body, metadata: { ...sts.body.metadata, annotations }, spec } };
  };
  const template = (name: string | undefined, storageClassName?: string) => ({ ...(name ? { metadata: { name } } : {}), spec: { storageClassName } });

  it('passes SEC-006 with no note when every claim template names an encrypted class of the synthesis', () => {
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, node([template('data', 'encrypted-gp3'), template('logs', 'encrypted-gp3')]), [config, ENCRYPTED])).toEqual({ status: 'compliant' });
  });

  it('fails SEC-006 when the StatefulSet has no volume claim template', () => {
    const empty = { found: 'spec.volumeClaimTemplates is empty', expected: 'persistent volumes on an encrypted StorageClass', fix: 'Declare a volume claim template on an EncryptedStorageClass.' };
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, node(undefined), [config])).toEqual([empty]);
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, node([]), [config])).toEqual([empty]);
  });

  it('fails SEC-006 per claim template without a class, naming its index and name', () => {
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, node([template('data', 'encrypted-gp3'), template('logs', ''), template(undefined)]), [config, ENCRYPTED])).toEqual([
      { found: "spec.volumeClaimTemplates[1] ('logs') storageClassName is not set, so the cluster's default StorageClass (encryption unknown) is used", expected: 'an encrypted StorageClass named explicitly', fix: 'Set storageClassName to an EncryptedStorageClass.' },
      { found: "spec.volumeClaimTemplates[2] (not set) storageClassName is not set, so the cluster's default StorageClass (encryption unknown) is used", expected: 'an encrypted StorageClass named explicitly', fix: 'Set storageClassName to an EncryptedStorageClass.' },
    ]);
    // A template without a spec, or an empty entry, has no class either.
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, node([{ metadata: { name: 'data' } }, null]), [config]).map((f) => f.found)).toEqual([
      "spec.volumeClaimTemplates[0] ('data') storageClassName is not set, so the cluster's default StorageClass (encryption unknown) is used",
      "spec.volumeClaimTemplates[1] (not set) storageClassName is not set, so the cluster's default StorageClass (encryption unknown) is used",
    ]);
  });

  it('fails SEC-006 for a class made elsewhere unless the StatefulSet declares its key', () => {
    expect(findingsOf(SEC_006_ENCRYPTION_AT_REST, node([template('data', 'gp2')]), [config])).toEqual([NOT_HERE("spec.volumeClaimTemplates[0] ('data') storageClassName", 'gp2')]);
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, node([template('data', 'gp2')], { [STORAGE_KMS_KEY_ANNOTATION]: KMS_KEY }), [config])).toEqual({
      status: 'compliant', notes: [`StorageClass 'gp2' is managed elsewhere; declared KMS key ${KMS_KEY}.`],
    });
  });

  it('is not applicable to a StatefulSet that mounts no Kafka properties, nor to the ConfigMap', () => {
    const other = nodeStatefulSet('zookeeper', 'absent-config', 3);
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, other, [config])).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(SEC_006_ENCRYPTION_AT_REST, config)).toEqual({ status: 'not-applicable' });
  });
});
