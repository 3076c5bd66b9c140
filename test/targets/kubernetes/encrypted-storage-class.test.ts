import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Environment } from '../../../lib/model/environment';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { EncryptedStorageClass } from '../../../lib/targets/kubernetes/encrypted-storage-class';
import { SCRATCH_APP } from '../../support/scratch';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/0b7e0c1c-1111-2222-3333-444455556666';

function chart() {
  const environment = Environment.staging({ name: 'staging', region: 'us-east-1' });
  return new KafkaChart(Testing.app(SCRATCH_APP), 'kafka', { environment, rules: [] });
}

describe('EncryptedStorageClass', () => {
  it('renders an EBS CSI StorageClass encrypted with the KMS key, Retain, WaitForFirstConsumer, expandable, without a namespace', () => {
    const c = chart();
    const sc = new EncryptedStorageClass(c, 'Storage', { kmsKeyId: KEY, labels: { team: 'data' } });
    const [obj] = Testing.synth(c);
    expect(obj).toMatchObject({
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
      metadata: { name: 'kafka-encrypted-gp3', labels: { team: 'data' } },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', encrypted: 'true', kmsKeyId: KEY },
      reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true,
    });
    expect(obj.metadata.namespace).toBeUndefined();
    expect(sc.storageClassName).toBe('kafka-encrypted-gp3');
    expect(sc.synthesized).toBe(true);
  });

  it('refuses SEC-006 an empty KMS key', () => {
    expect(() => new EncryptedStorageClass(chart(), 'Storage', { kmsKeyId: '' })).toThrow(/SEC-006 \[kafka\/Storage\] kmsKeyId is ''/);
  });

  it('refuses SEC-006 the AWS-managed alias/aws/ebs key', () => {
    expect(() => new EncryptedStorageClass(chart(), 'Storage', { kmsKeyId: 'alias/aws/ebs' })).toThrow(/SEC-006 .*customer-managed/);
  });

  it('describes a StorageClass made elsewhere as not synthesized', () => {
    const ref = EncryptedStorageClass.fromStorageClassAttributes({ storageClassName: 'platform-gp3', kmsKeyId: KEY });
    expect(ref).toEqual({ storageClassName: 'platform-gp3', kmsKeyId: KEY, synthesized: false });
  });
});
