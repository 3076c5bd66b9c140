/**
 * A synthesized document, the unit every rule reads: one Terraform resource block or one
 * Kubernetes API object, exactly as it will be written (after every escape hatch).
 * Plain values only, so rules stay free of cdktf and cdk8s types.
 */
export interface TerraformDocument {
  readonly source: 'terraform';
  /** Resource type, such as `aws_msk_cluster` (data sources: `data.aws_iam_policy_document`). */
  readonly type: string;
  /** Logical name inside the stack. */
  readonly name: string;
  /** `type.name`, the address Terraform uses in references. */
  readonly address: string;
  /** Construct path that produced it. */
  readonly path: string;
  /** The resource block. */
  readonly body: Readonly<Record<string, any>>;
}

/** A Kubernetes object of a synthesized chart, as the rules read it. */
export interface KubernetesDocument {
  readonly source: 'kubernetes';
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** Construct path that produced it. */
  readonly path: string;
  /** The whole API object. */
  readonly body: Readonly<Record<string, any>>;
}

/** One synthesized resource, Terraform or Kubernetes: what the rules check. */
export type SynthesizedDocument = TerraformDocument | KubernetesDocument;

/** A short label for reports: `aws_msk_cluster.kafka` or `Kafka/main`. */
export function documentLabel(doc: SynthesizedDocument): string {
  return doc.source === 'terraform' ? doc.address : `${doc.kind}/${doc.name}`;
}

/** The API group of a Kubernetes document (`kafka.strimzi.io`, or `` for the core group). */
export function apiGroupOf(doc: KubernetesDocument): string {
  const i = doc.apiVersion.indexOf('/');
  return i < 0 ? '' : doc.apiVersion.slice(0, i);
}
