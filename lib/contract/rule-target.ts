import type { SynthesizedDocument } from './document';
import { TARGET_LABEL } from './vocabulary';

/** The target a document belongs to, and where a rule lands (RULES.md, "How a rule lands on each target"). */
export enum RuleTarget {
  /** AWS MSK, rendered as Terraform JSON. */
  MSK = 'msk',
  /** Strimzi custom resources. */
  STRIMZI = 'strimzi',
  /** Plain Kubernetes StatefulSets. */
  STATEFULSET = 'statefulset',
  /** Files of any target (SEC-009, monitoring and SLO rule files, the model). */
  ANY = 'any',
}

/** The target a document belongs to, or undefined when it belongs to none (a VPC, an SNS topic). */
export function targetOf(doc: SynthesizedDocument): RuleTarget | undefined {
  if (doc.source === 'terraform') {
    return doc.type.startsWith('aws_msk_') ? RuleTarget.MSK : undefined;
  }
  // The API group is `kafka.strimzi.io` (`apiGroupOf`), read without cutting the string: every rule asks for every document.
  if (doc.apiVersion.startsWith('kafka.strimzi.io/')) return RuleTarget.STRIMZI;
  const label = doc.body.metadata?.labels?.[TARGET_LABEL];
  if (label === RuleTarget.STATEFULSET) return RuleTarget.STATEFULSET;
  if (label === RuleTarget.STRIMZI) return RuleTarget.STRIMZI;
  return undefined;
}
