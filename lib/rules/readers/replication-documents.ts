import { DR_PAIRING_ANNOTATION, DR_PAIRING_ARTEFACT_KIND, DR_PAIRING_TAG, parseDrPairingDeclaration } from '../../contract/dr-markers';
import type { DrPairingDeclaration } from '../../model/dr/dr-pairing';
import { apiGroupOf, type KubernetesDocument, type SynthesizedDocument, type TerraformDocument } from '../../contract/document';
import type { DocumentIndex } from '../../contract/document-index';
import type { RuleTargetChecks, TargetCheck } from '../define-rule';
import { NOT_APPLICABLE, type RuleContext, type RuleOutcome } from '../rule';

/**
 * What the DR rules read: the replication documents (a Strimzi `KafkaMirrorMaker2`, an
 * `aws_msk_replicator`) and the pairing declaration each carries (annotation
 * `kafka-iac.dev/dr-pairing`; for the replicator, tag `kafka-iac:dr-pairing` naming a
 * `terraform_data` of kind `kafka-iac/dr-pairing`). Pure functions over plain documents.
 */

/** True for a Strimzi KafkaMirrorMaker2. */
export function isMirrorMaker2(doc: SynthesizedDocument): doc is KubernetesDocument {
  return doc.source === 'kubernetes' && doc.kind === 'KafkaMirrorMaker2' && apiGroupOf(doc) === 'kafka.strimzi.io';
}

/** True for an MSK Replicator. */
export function isMskReplicator(doc: SynthesizedDocument): doc is TerraformDocument {
  return doc.source === 'terraform' && doc.type === 'aws_msk_replicator';
}

/** The KafkaMirrorMaker2 document, or undefined for any other. */
export function asMirrorMaker2(doc: SynthesizedDocument): KubernetesDocument | undefined {
  return isMirrorMaker2(doc) ? doc : undefined;
}

/** The aws_msk_replicator document, or undefined for any other. */
export function asMskReplicator(doc: SynthesizedDocument): TerraformDocument | undefined {
  return isMskReplicator(doc) ? doc : undefined;
}

/** The pairing declaration a replication document carries, if any (after escape hatches). */
export function declarationOf(doc: SynthesizedDocument, index: DocumentIndex): DrPairingDeclaration | undefined {
  if (isMirrorMaker2(doc)) return parseDrPairingDeclaration(doc.body.metadata?.annotations?.[DR_PAIRING_ANNOTATION]);
  if (!isMskReplicator(doc)) return undefined;
  const name = doc.body.tags?.[DR_PAIRING_TAG];
  if (typeof name !== 'string') return undefined;
  const artefact = index.terraform('terraform_data').find((d) => d.body.input?.kind === DR_PAIRING_ARTEFACT_KIND && d.body.input.pairing === name);
  return parseDrPairingDeclaration(artefact?.body.input.declaration);
}

/** How a replication without a declaration is reported. */
export function missingDeclaration(doc: SynthesizedDocument): { found: string; expected: string; fix: string } {
  return isMirrorMaker2(doc)
    ? {
      found: `annotation ${DR_PAIRING_ANNOTATION} is not set (or not a pairing declaration)`,
      expected: 'the DR pairing this MirrorMaker 2 carries out: peer, regions, RPO, RTO, topics, groups',
      fix: 'Build the KafkaMirrorMaker2 with StrimziMirrorMaker2 from a DrPairing, and keep its annotation.',
    }
    : {
      found: typeof doc.body.tags?.[DR_PAIRING_TAG] === 'string'
        ? `tag ${DR_PAIRING_TAG} is '${doc.body.tags[DR_PAIRING_TAG]}', which names no terraform_data of kind ${DR_PAIRING_ARTEFACT_KIND}`
        : `tag ${DR_PAIRING_TAG} is not set: no DR pairing declares this replicator's RPO and RTO`,
      expected: 'the DR pairing this replicator carries out: peer, regions, RPO, RTO, topics, groups',
      fix: 'Build the replicator with MskReplicator from a DrPairing (it tags the replicator and writes the declaration).',
    };
}

/** The mirrors of a KafkaMirrorMaker2. */
export function mirrorsOf(doc: KubernetesDocument): readonly Record<string, any>[] {
  const m = doc.body.spec?.mirrors;
  return Array.isArray(m) ? m : [];
}

/** A connector's `config` (empty when absent). */
export function connectorConfig(mirror: Readonly<Record<string, any>>, connector: 'sourceConnector' | 'checkpointConnector'): Readonly<Record<string, unknown>> {
  const c = mirror?.[connector]?.config;
  return c && typeof c === 'object' ? c : {};
}

/**
 * Whether a name is selected by a topic or group pattern: a regular expression or a
 * comma-separated list of them (MirrorMaker 2 `topics`/`groups`, Strimzi `topicsPattern`), or a
 * list (MSK Replicator), matched against the whole name as Java's `matches()` does.
 */
export function patternCovers(pattern: unknown, name: string): boolean {
  const parts: readonly unknown[] | undefined = typeof pattern === 'string' ? pattern.split(',') : Array.isArray(pattern) ? pattern : undefined;
  if (!parts) return false;
  // An empty part ('a,,b') is kept: it matches only the empty name, which no topic or group has.
  return parts.some((p) => matchesWhole(String(p).trim(), name));
}

/** Whether a regular expression matches the whole name; undefined (no match) when the pattern is not one. */
function matchesWhole(pattern: string, name: string): boolean | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`).test(name);
  } catch {
    // Not a regular expression: it covers nothing.
  }
  return undefined;
}

/** A group of the declaration as the names a pattern must cover (a prefix: the prefix followed by something). */
export function groupProbe(group: { readonly name: string; readonly isPrefix: boolean }): string {
  return group.isPrefix ? `${group.name}x` : group.name;
}

/** The single block of a Terraform nested block (written as an object or a one-element list). */
export function blockOf(v: unknown): Readonly<Record<string, any>> | undefined {
  if (Array.isArray(v)) return v[0];
  return v && typeof v === 'object' ? v as Record<string, any> : undefined;
}

/** The topic and consumer-group blocks of an aws_msk_replicator's `replication_info_list`, each undefined when absent. */
export function replicatedBlocksOf(replicator: SynthesizedDocument): { readonly topics?: Readonly<Record<string, any>>; readonly groups?: Readonly<Record<string, any>> } {
  const info = blockOf(replicator.body.replication_info_list);
  return { topics: blockOf(info?.topic_replication), groups: blockOf(info?.consumer_group_replication) };
}

/** The region of an ARN literal (`arn:aws:kafka:us-east-1:...`), or undefined for a reference. */
export function regionOfArn(arn: unknown): string | undefined {
  return typeof arn === 'string' ? /^arn:[^:]+:[^:]+:([a-z0-9-]+):/.exec(arn)?.[1] : undefined;
}

/** A DR rule's check of a replication document and the pairing declaration it carries (undefined when it carries none). */
export type ReplicationCheck = (replication: SynthesizedDocument, declaration: DrPairingDeclaration | undefined, ctx: RuleContext) => RuleOutcome;

/**
 * The targets of a DR rule: one check for a KafkaMirrorMaker2 (Strimzi) and an aws_msk_replicator
 * (MSK) alike, with the declaration the document carries; any other document is not applicable.
 */
export function replicationTargets(check: ReplicationCheck): RuleTargetChecks {
  const guarded: TargetCheck = (doc, ctx) => (isMirrorMaker2(doc) || isMskReplicator(doc) ? check(doc, declarationOf(doc, ctx.index), ctx) : NOT_APPLICABLE);
  return { strimzi: guarded, msk: guarded };
}
