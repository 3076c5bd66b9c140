import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { kafkaNodeCheck, mskClusterCheck, strimziNodePoolCheck, type KafkaNodeStatefulSet } from './checks/target-checks';
import { atRestKeyArnOf, literalBoolean } from './readers/msk-cluster-document';
import { storageVolumesOf } from './readers/strimzi-documents';
import { STORAGE_KMS_KEY_ANNOTATION } from '../contract/vocabulary';

/** SEC-006: Encryption at rest with a customer-managed KMS key with rotation on (MSK EBS; on Kubernetes an encrypted StorageClass). */
export const SEC_006_ENCRYPTION_AT_REST: Rule = defineRule({
  id: 'SEC-006',
  title: 'Encryption at rest with a customer-managed KMS key with rotation on (MSK EBS; on Kubernetes an encrypted StorageClass).',
  explanation: 'Broker volumes hold every record. Encrypting them with a customer-managed key puts access to the data under a key policy you control and audit in CloudTrail, and lets you revoke it; an AWS-managed or provider default key gives you neither. Automatic rotation limits how much data one key version protects.',
  remediation: 'MSK: set encryption_at_rest_kms_key_arn to a customer-managed aws_kms_key with enable_key_rotation = true (MskCluster creates one). Strimzi and StatefulSet: use a StorageClass that encrypts volumes with a KMS key (for EBS CSI: encrypted: "true" and kmsKeyId).',
  severity: Severity.ERROR,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziNodePoolCheck(checkStrimzi), statefulset: kafkaNodeCheck(checkStatefulSet) },
});

/**
 * MSK: `encryption_at_rest_kms_key_arn` set to a customer-managed key; when the key is an
 * `aws_kms_key` of this stack, its `enable_key_rotation` is true.
 */
function checkMsk(cluster: TerraformDocument, ctx: RuleContext): RuleOutcome {
  const arn = atRestKeyArnOf(cluster);
  const f = new Findings();
  if (typeof arn !== 'string' || arn === '') {
    f.add({
      found: 'encryption_info.encryption_at_rest_kms_key_arn is not set, so MSK uses the AWS-managed key',
      expected: 'a customer-managed KMS key',
      fix: 'Let MskCluster create its key, or pass encryptionKeyArn.',
    });
    return f.outcome();
  }
  f.expect(!arn.includes('alias/aws/'), {
    found: `encryption_info.encryption_at_rest_kms_key_arn is ${shown(arn)}, an AWS-managed key`,
    expected: 'a customer-managed KMS key',
    fix: 'Use a customer-managed key with rotation on.',
  });
  const key = ctx.index.resolve(arn);
  if (key?.type !== 'aws_kms_key') return f.outcome([`The key ${arn} is not managed in this stack; its rotation is checked where it is managed.`]);
  f.expect(literalBoolean(key.body.enable_key_rotation) === true, {
    found: `enable_key_rotation of ${key.address} (${key.path}) is ${shown(key.body.enable_key_rotation)}`,
    expected: 'true',
    fix: 'Set enable_key_rotation = true on the key (KafkaEncryptionKey does).',
  });
  return f.outcome();
}

/**
 * Strimzi: every persistent volume of a node pool names a StorageClass that encrypts with a
 * KMS key: an EBS CSI class in this synthesis with `encrypted: "true"` and a `kmsKeyId`, or
 * (a class made elsewhere) the key declared in the pool's `kafka-iac.dev/storage-class-kms-key-id`
 * annotation, reported as a note because that class cannot be read here.
 */
function checkStrimzi(pool: KubernetesDocument, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  const notes: string[] = [];
  for (const { volume, where } of storageVolumesOf(pool)) {
    if (volume.type !== 'persistent-claim') {
      f.add({ found: `${where}.type is '${volume.type}'`, expected: 'a persistent-claim volume on an encrypted StorageClass', fix: `Set ${where}.type: 'persistent-claim' with an encrypted class.` });
      continue;
    }
    const className = volume.class;
    if (typeof className !== 'string' || className === '') {
      f.add({ found: `${where}.class is not set, so the cluster's default StorageClass (encryption unknown) is used`, expected: 'an encrypted StorageClass named explicitly', fix: 'Set the class to an EncryptedStorageClass.' });
      continue;
    }
    checkStorageClass(f, notes, ctx, { owner: pool, where: `${where}.class`, className });
  }
  return f.outcome(notes);
}

/**
 * StatefulSet: every volume claim template of a Kafka StatefulSet names a StorageClass that
 * encrypts with a customer-managed KMS key (an EBS CSI class in the output with `encrypted` and
 * `kmsKeyId`), or one declared elsewhere with its key (`kafka-iac.dev/storage-class-kms-key-id`).
 */
function checkStatefulSet({ sts }: KafkaNodeStatefulSet, ctx: RuleContext): RuleOutcome {
  // kafkaNodeCheck found the properties volume under spec.template, so spec is present.
  const templates: any[] = sts.body.spec.volumeClaimTemplates ?? [];
  const f = new Findings();
  const notes: string[] = [];
  f.expect(templates.length > 0, {
    found: 'spec.volumeClaimTemplates is empty',
    expected: 'persistent volumes on an encrypted StorageClass',
    fix: 'Declare a volume claim template on an EncryptedStorageClass.',
  });
  templates.forEach((t, i) => {
    const where = `spec.volumeClaimTemplates[${i}] (${shown(t?.metadata?.name)})`;
    const className = t?.spec?.storageClassName;
    if (typeof className !== 'string' || className === '') {
      f.add({ found: `${where} storageClassName is not set, so the cluster's default StorageClass (encryption unknown) is used`, expected: 'an encrypted StorageClass named explicitly', fix: 'Set storageClassName to an EncryptedStorageClass.' });
      return;
    }
    checkStorageClass(f, notes, ctx, { owner: sts, where: `${where} storageClassName`, className });
  });
  return f.outcome(notes);
}

/**
 * The StorageClass a Kafka volume names: an EBS CSI class in this synthesis with
 * `encrypted: "true"` and a `kmsKeyId`, or (a class made elsewhere) the key declared in the
 * owner's `kafka-iac.dev/storage-class-kms-key-id` annotation, reported as a note because that
 * class cannot be read here.
 */
function checkStorageClass(
  f: Findings, notes: string[], ctx: RuleContext,
  volume: { readonly owner: SynthesizedDocument; readonly where: string; readonly className: string },
): void {
  const { owner, where, className } = volume;
  const storageClass = ctx.index.kubernetesByName('StorageClass', className);
  if (!storageClass) {
    const declaredKey = owner.body.metadata?.annotations?.[STORAGE_KMS_KEY_ANNOTATION];
    if (typeof declaredKey === 'string' && declaredKey !== '') {
      notes.push(`StorageClass '${className}' is managed elsewhere; declared KMS key ${declaredKey}.`);
    } else {
      f.add({
        found: `${where} is '${className}', a StorageClass that is not in this synthesis, and no KMS key is declared for it`,
        expected: 'an encrypted StorageClass with a customer-managed KMS key',
        fix: 'Create it with EncryptedStorageClass, or pass EncryptedStorageClass.fromStorageClassAttributes({ storageClassName, kmsKeyId }).',
      });
    }
    return;
  }
  const params = storageClass.body.parameters ?? {};
  f.expect(storageClass.body.provisioner === 'ebs.csi.aws.com', {
    found: `StorageClass '${className}' provisioner is ${shown(storageClass.body.provisioner)}`,
    expected: "'ebs.csi.aws.com' (whose encryption parameters this rule can read)",
    fix: 'Use EncryptedStorageClass, or suppress SEC-006 with a reason that names how the other provisioner encrypts.',
  });
  f.expect(String(params.encrypted) === 'true', {
    found: `StorageClass '${className}' parameters.encrypted is ${shown(params.encrypted)}`,
    expected: "'true'",
    fix: "Set parameters.encrypted: 'true'.",
  });
  f.expect(typeof params.kmsKeyId === 'string' && params.kmsKeyId !== '', {
    found: `StorageClass '${className}' parameters.kmsKeyId is ${shown(params.kmsKeyId)}`,
    expected: 'a customer-managed KMS key (without it EBS uses the AWS-managed key)',
    fix: 'Set parameters.kmsKeyId to your KMS key ARN.',
  });
}
