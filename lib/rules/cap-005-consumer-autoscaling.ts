import { apiGroupOf, type KubernetesDocument, type SynthesizedDocument } from '../contract/document';
import type { DocumentIndex } from '../contract/document-index';
import { oncePer } from '../model/once-per';
import { ACL_ARTEFACT_LABEL, GROUP_TOPIC_PARTITIONS_ANNOTATION, SLO_COVERED_ANNOTATION, TARGET_LABEL } from '../contract/vocabulary';
import { topicLinesOf } from './readers/statefulset-documents';
import { Findings, NOT_APPLICABLE, RuleLevel, RuleTarget, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';

/** KEDA's defaults when a ScaledObject leaves them out (keda.sh/v1alpha1 ScaledObject, KEDA 2.20). */
const KEDA_DEFAULT_MIN_REPLICAS = 0;
const KEDA_DEFAULT_MAX_REPLICAS = 100;

/**
 * CAP-005: a scaled consumer group never has more replicas than partitions, keeps at least one
 * (two in staging and production when an SLO covers it), min ≤ max, and a positive lag threshold.
 */
export const CAP_005_CONSUMER_AUTOSCALING: Rule = {
  id: 'CAP-005',
  level: RuleLevel.ERROR,
  title: 'Consumer autoscaling stays within the partitions of the group\'s topics, keeps a minimum of 1 (2 in production for a group with an SLO), min ≤ max, positive lag threshold.',
  explanation: 'A consumer group never has more active consumers than the partitions of the topics it reads: a KEDA ScaledObject whose maxReplicaCount exceeds them adds pods that sit idle (and KEDA\'s kafka scaler stops at the partition count anyway unless allowIdleConsumers is set). A group covered by an SLO needs at least two consumers in staging and production, so a single pod\'s restart does not stop consumption. The lag threshold must be positive (the documents scale out above 1,000 messages, in below 100). The partitions are read from the KafkaTopic (Strimzi) or the topic lines of the StatefulSet access ConfigMap in the same output, otherwise from the partitions ConsumerAutoscaling recorded from the access model (MSK clusters).',
  remediation: 'Set maxReplicas to at most the partitions of the group\'s topics (or add partitions), minReplicas to at least 2 in staging and production, and lagThreshold to 1000.',
  targets: [RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET],
  relaxedInDevelopment: true,
  check(doc, ctx) {
    const scaledObject = asKafkaScaledObject(doc);
    if (!scaledObject) return NOT_APPLICABLE;
    return checkScaledObject(scaledObject, ctx);
  },
};

/** A keda.sh ScaledObject with at least one `kafka` trigger, or undefined. */
function asKafkaScaledObject(doc: SynthesizedDocument): KubernetesDocument | undefined {
  // Stryker disable next-line ConditionalExpression: a Terraform document has no kind, so the kind check that follows answers the same
  if (doc.source !== 'kubernetes') return undefined;
  if (doc.kind !== 'ScaledObject' || apiGroupOf(doc) !== 'keda.sh') return undefined;
  return kafkaTriggersOf(doc).length > 0 ? doc : undefined;
}

function kafkaTriggersOf(doc: KubernetesDocument): Readonly<Record<string, any>>[] {
  const triggers = doc.body.spec?.triggers;
  return Array.isArray(triggers) ? triggers.filter((t) => t?.type === 'kafka') : [];
}

function checkScaledObject(doc: KubernetesDocument, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  const spec = doc.body.spec ?? {};
  const min = spec.minReplicaCount === undefined ? KEDA_DEFAULT_MIN_REPLICAS : Number(spec.minReplicaCount);
  const max = spec.maxReplicaCount === undefined ? KEDA_DEFAULT_MAX_REPLICAS : Number(spec.maxReplicaCount);
  const minShown = spec.minReplicaCount === undefined ? `not set (KEDA's default, ${KEDA_DEFAULT_MIN_REPLICAS})` : shown(spec.minReplicaCount);
  const maxShown = spec.maxReplicaCount === undefined ? `not set (KEDA's default, ${KEDA_DEFAULT_MAX_REPLICAS})` : shown(spec.maxReplicaCount);

  f.expect(Number.isInteger(min) && min >= 1, {
    found: `spec.minReplicaCount is ${minShown}`,
    expected: 'at least 1: a consumer group scaled to zero stops consuming until lag wakes it',
    fix: 'Set minReplicas: 1 or more.',
  });
  const sloCovered = doc.body.metadata?.annotations?.[SLO_COVERED_ANNOTATION] === 'true';
  if (ctx.environment.isProductionLike && sloCovered) {
    f.expect(Number.isInteger(min) && min >= 2, {
      found: `spec.minReplicaCount is ${minShown} for a group covered by an SLO`,
      expected: `at least 2 in ${ctx.environment.profile}, so one pod's restart does not stop consumption`,
      fix: 'Set minReplicas: 2.',
    });
  }
  f.expect(Number.isFinite(min) && Number.isFinite(max) && min <= max, {
    found: `spec.minReplicaCount is ${minShown} and spec.maxReplicaCount is ${maxShown}`,
    expected: 'minReplicaCount ≤ maxReplicaCount',
    fix: 'Lower minReplicas or raise maxReplicas.',
  });
  for (const [i, trigger] of kafkaTriggersOf(doc).entries()) {
    const raw = trigger.metadata?.lagThreshold;
    if (raw === undefined) continue;
    const value = Number(raw);
    f.expect(Number.isFinite(value) && value > 0, {
      found: `spec.triggers[${i}].metadata.lagThreshold is ${shown(raw)}`,
      expected: 'a positive number of messages (the documents: 1000)',
      fix: 'Set lagThreshold: 1000.',
    });
  }

  const partitions = partitionsOfGroupTopics(doc, ctx.index);
  const notes: string[] = [];
  if (partitions.unknown.length > 0) {
    notes.push(`partitions of ${partitions.unknown.map((t) => `'${t}'`).join(', ')} unknown: neither a KafkaTopic, a topics.txt line nor the recorded plan names them`);
  }
  if (partitions.total > 0 && partitions.unknown.length === 0) {
    f.expect(Number.isFinite(max) && max <= partitions.total, {
      found: `spec.maxReplicaCount is ${maxShown}`,
      expected: `at most ${partitions.total}, the partitions of the group's topics (${partitions.detail}): more consumers sit idle`,
      fix: `Set maxReplicas: ${partitions.total} or fewer, or give the topics more partitions.`,
    });
    notes.push(`maxReplicaCount ${max} against ${partitions.total} partitions (${partitions.detail})`);
  }
  return f.outcome(notes);
}

interface GroupPartitions {
  readonly total: number;
  readonly detail: string;
  readonly unknown: readonly string[];
}

/**
 * The partitions of the topics the ScaledObject's kafka triggers read (each topic counted once):
 * a KafkaTopic of the output, a topic line of a StatefulSet access ConfigMap, else the partitions
 * ConsumerAutoscaling recorded from the access model. A trigger without `topic` reads every topic
 * the group has offsets for: the recorded topics stand in for them.
 */
function partitionsOfGroupTopics(doc: KubernetesDocument, index: DocumentIndex): GroupPartitions {
  const recorded = recordedPartitions(doc);
  const triggers = kafkaTriggersOf(doc);
  const names = new Set<string>();
  for (const t of triggers) {
    const topic = t.metadata?.topic;
    if (typeof topic === 'string' && topic.length > 0) names.add(topic);
    else for (const name of Object.keys(recorded)) names.add(name);
  }
  const known = outputPartitions(index, doc.body.metadata?.labels?.[TARGET_LABEL]);
  let total = 0;
  const parts: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const p = known.get(name) ?? recorded[name] ?? NaN;
    if (!Number.isFinite(p)) {
      unknown.push(name);
      continue;
    }
    total += p;
    parts.push(`${name}: ${p}`);
  }
  return { total, detail: parts.join(', '), unknown };
}

function recordedPartitions(doc: KubernetesDocument): Record<string, number> {
  const text = doc.body.metadata?.annotations?.[GROUP_TOPIC_PARTITIONS_ANNOTATION];
  // Stryker disable next-line ConditionalExpression: JSON.parse of any other value throws or gives a non-object, which the code below reads as no record too
  if (typeof text !== 'string') return {};
  try {
    const parsed = JSON.parse(text);
    const out: Record<string, number> = {};
    if (parsed && typeof parsed === 'object') for (const [k, v] of Object.entries(parsed)) out[k] = Number(v);
    return out;
  } catch {
    return {};
  }
}

/** Topic name → partitions by target (`outputPartitions`), built once per synthesis. */
const partitionsByTarget = oncePer((index: DocumentIndex): ReadonlyMap<string, ReadonlyMap<string, number>> => {
  const strimzi = new Map<string, number>();
  for (const topic of index.kubernetes('KafkaTopic')) {
    const name = topic.body.spec?.topicName ?? topic.name;
    const p = Number(topic.body.spec?.partitions);
    // Stryker disable next-line ConditionalExpression: a topicName that is not a string never equals the topic name a trigger reads
    if (typeof name !== 'string') continue;
    if (Number.isFinite(p)) strimzi.set(name, p);
  }
  const statefulSet = new Map<string, number>();
  for (const configMap of index.kubernetes('ConfigMap')) {
    if (configMap.body.metadata?.labels?.[ACL_ARTEFACT_LABEL] !== 'true') continue;
    for (const line of topicLinesOf(configMap)) {
      const p = Number(line.partitions);
      if (Number.isFinite(p)) statefulSet.set(line.topic, p);
    }
  }
  return new Map([[RuleTarget.STRIMZI, strimzi], [RuleTarget.STATEFULSET, statefulSet]]);
});

/**
 * Topic name → partitions as written in this output, per target: Strimzi KafkaTopics
 * (`spec.topicName` or `metadata.name`) and the `--partitions` of the StatefulSet access
 * ConfigMaps' topic lines. Built once per synthesis.
 */
function outputPartitions(index: DocumentIndex, target: unknown): ReadonlyMap<string, number> {
  return partitionsByTarget(index).get(String(target)) ?? new Map();
}
