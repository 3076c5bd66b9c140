import { apiGroupOf, type SynthesizedDocument } from './document';
import { RuleTarget } from './rule';

/**
 * The label every Kubernetes object of a Kafka cluster carries, naming its target, so that
 * rules can tell a StatefulSet cluster's objects from a Strimzi cluster's.
 */
export const TARGET_LABEL = 'kafka-iac.dev/target';

/** The target a document belongs to, or undefined when it belongs to none (a VPC, an SNS topic). */
export function targetOf(doc: SynthesizedDocument): RuleTarget | undefined {
  if (doc.source === 'terraform') {
    return doc.type.startsWith('aws_msk_') ? RuleTarget.MSK : undefined;
  }
  if (apiGroupOf(doc) === 'kafka.strimzi.io') return RuleTarget.STRIMZI;
  const label = doc.body.metadata?.labels?.[TARGET_LABEL];
  if (label === RuleTarget.STATEFULSET) return RuleTarget.STATEFULSET;
  if (label === RuleTarget.STRIMZI) return RuleTarget.STRIMZI;
  return undefined;
}
