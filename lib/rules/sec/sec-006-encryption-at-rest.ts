import type { SynthesizedDocument } from '../document';
import { Findings, shown, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { asMskCluster, block, literalBoolean } from '../msk-cluster-document';
import { targetOf } from '../rule-target';

/** SEC-006: Encryption at rest with a customer-managed KMS key with rotation on (MSK EBS; on Kubernetes an encrypted StorageClass). */
export const SEC_006_ENCRYPTION_AT_REST: Rule = {
  id: 'SEC-006',
  level: RuleLevel.ERROR,
  title: 'Encryption at rest with a customer-managed KMS key with rotation on (MSK EBS; on Kubernetes an encrypted StorageClass).',
  explanation: 'Broker volumes hold every record. Encrypting them with a customer-managed key puts access to the data under a key policy you control and audit in CloudTrail, and lets you revoke it; an AWS-managed or provider default key gives you neither. Automatic rotation limits how much data one key version protects.',
  remediation: 'MSK: set encryption_at_rest_kms_key_arn to a customer-managed aws_kms_key with enable_key_rotation = true (MskCluster creates one). Strimzi and StatefulSet: use a StorageClass that encrypts volumes with a KMS key (for EBS CSI: encrypted: "true" and kmsKeyId).',
  targets: [RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET],
  check(doc, ctx) {
    switch (targetOf(doc)) {
      case RuleTarget.MSK: return checkMsk(doc, ctx);
      case RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
      case RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
      default: return NOT_APPLICABLE;
    }
  },
};

/**
 * MSK: `encryption_at_rest_kms_key_arn` set to a customer-managed key; when the key is an
 * `aws_kms_key` of this stack, its `enable_key_rotation` is true.
 */
function checkMsk(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  const cluster = asMskCluster(doc);
  if (!cluster) return NOT_APPLICABLE;
  const arn = block(cluster.body.encryption_info).encryption_at_rest_kms_key_arn;
  const f = new Findings();
  const notes: string[] = [];
  f.expect(typeof arn === 'string' && arn.length > 0, {
    found: 'encryption_info.encryption_at_rest_kms_key_arn is not set, so MSK uses the AWS-managed key',
    expected: 'a customer-managed KMS key',
    fix: 'Let MskCluster create its key, or pass encryptionKeyArn.',
  });
  f.expect(typeof arn !== 'string' || !arn.includes('alias/aws/'), {
    found: `encryption_info.encryption_at_rest_kms_key_arn is ${shown(arn)}, an AWS-managed key`,
    expected: 'a customer-managed KMS key',
    fix: 'Use a customer-managed key with rotation on.',
  });
  const key = ctx.index.resolve(arn);
  if (key?.type === 'aws_kms_key') {
    f.expect(literalBoolean(key.body.enable_key_rotation) === true, {
      found: `enable_key_rotation of ${key.address} (${key.path}) is ${shown(key.body.enable_key_rotation)}`,
      expected: 'true',
      fix: 'Set enable_key_rotation = true on the key (KafkaEncryptionKey does).',
    });
  } else if (typeof arn === 'string' && arn.length > 0) {
    notes.push(`The key ${arn} is not managed in this stack; its rotation is checked where it is managed.`);
  }
  return f.outcome(notes);
}

/** STRIMZI: TODO(owner of the STRIMZI target) */
function checkStrimzi(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
