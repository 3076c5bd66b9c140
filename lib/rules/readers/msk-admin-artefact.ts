import { KAFKA_ADMIN_ARTEFACT_KIND } from '../../contract/vocabulary';
import type { SynthesizedDocument, TerraformDocument } from '../../contract/document';
import type { DocumentIndex } from '../../contract/document-index';
import { Findings, shown, type RuleOutcome } from '../rule';
import { parseTopicLines, type TopicLine } from '../../contract/admin-command-lines';

/**
 * Reading the MSK admin artefact for the rules: the `terraform_data` whose `input.kind` is
 * `kafka-iac/kafka-admin` (written by MskAccess), whose `input.topics` becomes
 * `dist/<env>/kafka-admin/topics.txt` and is applied by `apply.sh`. Provider 5.100 has no MSK
 * topic resource, so these lines are where an MSK topic's partitions, replication factor and
 * overrides are declared.
 */

/** Where an MSK artefact's topic lines are, for messages. */
export const MSK_ADMIN_TOPICS = 'input.topics (kafka-admin/topics.txt)';

/** The document if it is the MSK admin artefact. */
export function asMskAdminArtefact(doc: SynthesizedDocument): TerraformDocument | undefined {
  return doc.source === 'terraform' && doc.type === 'terraform_data' && doc.body.input?.kind === KAFKA_ADMIN_ARTEFACT_KIND ? doc : undefined;
}

/**
 * The topic lines of an MSK admin artefact, as `topics.txt` will hold them: Terraform's
 * template escapes (`$${`, `%%{`) undone. Undefined when `input.topics` is not text.
 */
export function mskAdminTopicLinesOf(artefact: TerraformDocument): readonly TopicLine[] | undefined {
  const text = artefact.body.input?.topics;
  if (typeof text !== 'string') return undefined;
  // HA-002, HA-003, HA-008 and CAP-003 read the same lines of the same artefact: parsed once,
  // and again only when the artefact's text is no longer the text they were parsed from.
  const parsed = TOPIC_LINES.get(artefact);
  if (parsed?.text === text) return parsed.lines;
  const lines: readonly TopicLine[] = parseTopicLines(text.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{'));
  TOPIC_LINES.set(artefact, { text, lines });
  return lines;
}

const TOPIC_LINES = new WeakMap<TerraformDocument, { readonly text: string; readonly lines: readonly TopicLine[] }>();

/** The `aws_msk_cluster` an artefact is for: the one whose `cluster_name` is the artefact's `input.cluster`. */
export function mskClusterOfArtefact(artefact: TerraformDocument, index: DocumentIndex): TerraformDocument | undefined {
  const name = artefact.body.input?.cluster;
  return typeof name === 'string' ? index.terraform('aws_msk_cluster').find((c) => c.body.cluster_name === name) : undefined;
}

/**
 * Checks the topic lines of an MSK admin artefact with `check` (which adds its findings); an
 * `input.topics` that is not text is itself a finding, since no line can then be read.
 */
export function checkMskAdminTopicLines(artefact: TerraformDocument, check: (lines: readonly TopicLine[], where: string, f: Findings) => void): RuleOutcome {
  const lines = mskAdminTopicLinesOf(artefact);
  const f = new Findings();
  if (lines === undefined) {
    f.add({ found: `input.topics is ${shown(artefact.body.input?.topics)}`, expected: 'the kafka-topics.sh lines as text', fix: 'Remove the override of input.topics; MskAccess writes the lines from the access model.' });
  } else {
    check(lines, MSK_ADMIN_TOPICS, f);
  }
  return f.outcome();
}
