import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from '../../contract/document';
import type { TargetCheck } from '../define-rule';
import { Findings, NOT_APPLICABLE, type RuleContext, type RuleOutcome } from '../rule';
import { asMskCluster, checkMskBrokerProperties } from '../readers/msk-cluster-document';
import { asMskAdminArtefact } from '../readers/msk-admin-artefact';
import { asStrimziBrokerPool, asStrimziKafka, asStrimziNodePool, asStrimziTopic, strimziConfigOf } from '../readers/strimzi-documents';
import { hasBrokerRole, kubernetesKind, listenersOf, nodeConfigOf, nodePropertiesOf, type ListenerOfProperties, type NodeProperties } from '../readers/statefulset-documents';

/**
 * The opening every target check shares, written once: read the one kind of document the
 * check is about, and answer not applicable for every other document. A rule file then holds
 * only what it checks in that document:
 *
 * ```ts
 * targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi) },
 * ...
 * function checkMsk(cluster: TerraformDocument): RuleOutcome { ... }
 * ```
 */

/** A check of the document `read` finds in a synthesized document; not applicable where it finds none. */
export function documentCheck<T>(
  read: (doc: SynthesizedDocument, ctx: RuleContext) => T | undefined,
  check: (found: T, ctx: RuleContext) => RuleOutcome,
): TargetCheck {
  return (doc, ctx) => {
    const found = read(doc, ctx);
    return found === undefined ? NOT_APPLICABLE : check(found, ctx);
  };
}

/** MSK: a check of the `aws_msk_cluster` document. */
export function mskClusterCheck(check: (cluster: TerraformDocument, ctx: RuleContext) => RuleOutcome): TargetCheck {
  return documentCheck(asMskCluster, check);
}

/**
 * A check for a rule on topics and broker properties: the topic document `readTopic` finds goes
 * to `topic`, every other document to `brokers`.
 */
function topicOrBrokersCheck<T>(
  readTopic: (doc: SynthesizedDocument) => T | undefined,
  topic: (found: T, ctx: RuleContext) => RuleOutcome,
  brokers: TargetCheck,
): TargetCheck {
  return (doc, ctx) => {
    const found = readTopic(doc);
    return found === undefined ? brokers(doc, ctx) : topic(found, ctx);
  };
}

/**
 * MSK, for a rule on topics and broker properties: the topic lines of the admin artefact go to
 * `topics`; each `aws_msk_configuration`'s server properties go to `properties`, and each
 * cluster must use a configuration of its stack (`checkMskBrokerProperties`).
 */
export function mskTopicsAndBrokerPropertiesCheck(
  topics: (artefact: TerraformDocument, ctx: RuleContext) => RuleOutcome,
  properties: (props: Readonly<Record<string, string>>, f: Findings, configuration: TerraformDocument, ctx: RuleContext) => void,
): TargetCheck {
  return topicOrBrokersCheck(asMskAdminArtefact, topics, (doc, ctx) =>
    checkMskBrokerProperties(doc, ctx.index, (props, f, configuration) => properties(props, f, configuration, ctx)));
}

/** Strimzi: a check of the `Kafka` resource. */
export function strimziKafkaCheck(check: (kafka: KubernetesDocument, ctx: RuleContext) => RuleOutcome): TargetCheck {
  return documentCheck(asStrimziKafka, check);
}

/**
 * Strimzi, for a rule on topics and broker properties: each `KafkaTopic` goes to `topic`; the
 * `spec.kafka.config` of each `Kafka` goes to `config`, with one `Findings` for the Kafka.
 */
export function strimziTopicsAndKafkaCheck(
  topic: (topic: KubernetesDocument, ctx: RuleContext) => RuleOutcome,
  config: (config: Readonly<Record<string, string>>, f: Findings, kafka: KubernetesDocument, ctx: RuleContext) => void,
): TargetCheck {
  return topicOrBrokersCheck(asStrimziTopic, topic, strimziKafkaCheck((kafka, ctx) => {
    const f = new Findings();
    config(strimziConfigOf(kafka), f, kafka, ctx);
    return f.outcome();
  }));
}

/** Strimzi: a check of each `KafkaNodePool`, whatever its roles. */
export function strimziNodePoolCheck(check: (pool: KubernetesDocument, ctx: RuleContext) => RuleOutcome): TargetCheck {
  return documentCheck(asStrimziNodePool, check);
}

/** Strimzi: a check of each `KafkaNodePool` with the broker role. */
export function strimziBrokerPoolCheck(check: (pool: KubernetesDocument, ctx: RuleContext) => RuleOutcome): TargetCheck {
  return documentCheck(asStrimziBrokerPool, check);
}

/** A Kafka node StatefulSet of the StatefulSet target with the node properties it mounts. */
export interface KafkaNodeStatefulSet {
  readonly sts: KubernetesDocument;
  /** The ConfigMap that holds the node properties. */
  readonly configMap: KubernetesDocument;
  /** The node properties file the StatefulSet mounts. */
  readonly node: NodeProperties;
}

function kafkaNodeOf(doc: SynthesizedDocument, ctx: RuleContext): KafkaNodeStatefulSet | undefined {
  const sts = kubernetesKind(doc, 'StatefulSet');
  const config = sts ? nodeConfigOf(ctx.index, sts) : undefined;
  return sts && config ? { sts, ...config } : undefined;
}

/** StatefulSet: a check of each Kafka node StatefulSet (brokers, controllers, combined nodes). */
export function kafkaNodeCheck(check: (node: KafkaNodeStatefulSet, ctx: RuleContext) => RuleOutcome): TargetCheck {
  return documentCheck(kafkaNodeOf, check);
}

/** StatefulSet: a check of each Kafka node StatefulSet whose `process.roles` includes broker. */
export function kafkaBrokerCheck(check: (node: KafkaNodeStatefulSet, ctx: RuleContext) => RuleOutcome): TargetCheck {
  return documentCheck((doc, ctx) => {
    const node = kafkaNodeOf(doc, ctx);
    return node && hasBrokerRole(node.node.properties) ? node : undefined;
  }, check);
}

/** The Kafka properties files of a ConfigMap of the StatefulSet target. */
export interface NodePropertiesFiles {
  readonly configMap: KubernetesDocument;
  /** `server.properties` and `controller.properties`, whichever the ConfigMap holds (at least one). */
  readonly files: readonly NodeProperties[];
}

/** StatefulSet: a check of each ConfigMap that holds Kafka properties files. */
export function nodePropertiesCheck(check: (found: NodePropertiesFiles, ctx: RuleContext) => RuleOutcome): TargetCheck {
  return documentCheck((doc) => {
    const configMap = kubernetesKind(doc, 'ConfigMap');
    if (!configMap) return undefined;
    const files = nodePropertiesOf(configMap);
    return files.length > 0 ? { configMap, files } : undefined;
  }, check);
}

/**
 * StatefulSet: a check of every listener of every Kafka properties file of a ConfigMap
 * (`listenersOf`: `listeners`, `controller.listener.names`, `inter.broker.listener.name`).
 * `listener` sees each listener of a file, then `file` (if given) sees that file.
 */
export function nodeListenersCheck(
  listener: (l: ListenerOfProperties, file: NodeProperties, f: Findings) => void,
  file?: (file: NodeProperties, f: Findings) => void,
): TargetCheck {
  return nodePropertiesCheck(({ files }) => {
    const f = new Findings();
    for (const nodeFile of files) {
      for (const l of listenersOf(nodeFile.properties)) listener(l, nodeFile, f);
      file?.(nodeFile, f);
    }
    return f.outcome();
  });
}
