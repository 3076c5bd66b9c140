import { readProperties } from '../../contract/writers/properties';
import type { KubernetesDocument, SynthesizedDocument } from '../../contract/document';
import type { DocumentIndex } from '../../contract/document-index';
import { oncePer } from '../../model/once-per';
import { parseTopicLines, type TopicLine } from '../../contract/admin-command-lines';
import { KAFKA_CLUSTER_LABEL } from '../../contract/vocabulary';
import { Findings, NOT_APPLICABLE, type RuleOutcome } from '../rule';

/**
 * Reading the plain-Kubernetes Kafka documents (StatefulSet, ConfigMap with `server.properties`,
 * Certificate, PodDisruptionBudget) for the rules. Plain functions over plain JSON, so the rules
 * also work on StatefulSet YAML this library did not write, as long as its objects carry the
 * target label.
 */

/** The ConfigMap keys that hold a Kafka node's properties: brokers and combined nodes, controllers. */
export const NODE_PROPERTIES_KEYS: readonly string[] = ['server.properties', 'controller.properties'];

/** One properties file of a ConfigMap. */
export interface NodeProperties {
  readonly key: string;
  readonly properties: Readonly<Record<string, string>>;
  /** `data['server.properties']`, for messages. */
  readonly where: string;
}

/** The document if it is a Kubernetes object of `kind`. */
export function kubernetesKind(doc: SynthesizedDocument, kind: string): KubernetesDocument | undefined {
  return doc.source === 'kubernetes' && doc.kind === kind ? doc : undefined;
}

/**
 * The Kafka properties files in a ConfigMap (none for other ConfigMaps), frozen. Each ConfigMap's
 * files are read once for all the rules that ask (every HA, SEC and PERF rule of a StatefulSet
 * cluster reads them: 70 parses of 3 files in the example environments): the answer is kept
 * with the document, beside the texts it was read from, and read again when a text differs.
 */
export function nodePropertiesOf(configMap: KubernetesDocument): readonly NodeProperties[] {
  const data: Record<string, unknown> = configMap.body.data ?? {};
  const texts = NODE_PROPERTIES_KEYS.map((k) => (typeof data[k] === 'string' ? data[k] as string : undefined));
  const kept = nodePropertiesRead.get(configMap);
  if (kept && kept.texts.every((t, i) => t === texts[i])) return kept.files;
  const files = Object.freeze(NODE_PROPERTIES_KEYS.flatMap((key, i) => {
    const text = texts[i];
    return text === undefined ? [] : [Object.freeze({ key, properties: Object.freeze(readProperties(text)), where: `data['${key}']` })];
  }));
  nodePropertiesRead.set(configMap, { texts, files });
  return files;
}

/** What `nodePropertiesOf` read from each ConfigMap, and the texts it read it from (held weakly: it goes with the document). */
const nodePropertiesRead = new WeakMap<KubernetesDocument, { readonly texts: readonly (string | undefined)[]; readonly files: readonly NodeProperties[] }>();

/** `process.roles` as a list. */
export function processRolesOf(props: Readonly<Record<string, string>>): string[] {
  return (props['process.roles'] ?? '').split(',').map((r) => r.trim()).filter((r) => r !== '');
}

/** Whether the properties are a broker's (including a combined node's). */
export function hasBrokerRole(props: Readonly<Record<string, string>>): boolean {
  return processRolesOf(props).includes('broker');
}

const DEFAULT_PROTOCOL_MAP: Readonly<Record<string, string>> = {
  PLAINTEXT: 'PLAINTEXT', SSL: 'SSL', SASL_PLAINTEXT: 'SASL_PLAINTEXT', SASL_SSL: 'SASL_SSL',
};

/** A listener of a properties file and its security protocol (Kafka's default map when not mapped). */
export interface ListenerOfProperties {
  /** Upper-case listener name. */
  readonly name: string;
  /** The security protocol, or undefined when the name is not mapped. */
  readonly protocol: string | undefined;
  /** True for a name in `controller.listener.names`. */
  readonly controller: boolean;
}

/**
 * The listeners a node serves or uses: `listeners`, `controller.listener.names` and
 * `inter.broker.listener.name`, with their protocols from `listener.security.protocol.map`.
 */
export function listenersOf(props: Readonly<Record<string, string>>): ListenerOfProperties[] {
  const mapText = props['listener.security.protocol.map'];
  const map: Record<string, string> = mapText === undefined ? { ...DEFAULT_PROTOCOL_MAP } : protocolMapOf(mapText);
  const controllers = (props['controller.listener.names'] ?? '').split(',').map((n) => n.trim().toUpperCase()).filter((n) => n !== '');
  const names = new Set<string>();
  if (props.listeners !== undefined) {
    for (const l of props.listeners.split(',')) {
      const m = /^\s*([A-Za-z0-9_]+):\/\//.exec(l);
      if (m) names.add(m[1].toUpperCase());
    }
  }
  for (const c of controllers) names.add(c);
  const inter = props['inter.broker.listener.name'];
  if (inter) names.add(inter.trim().toUpperCase());
  return [...names].map((name) => ({ name, protocol: map[name], controller: controllers.includes(name) }));
}

/** `listener.security.protocol.map` (`NAME:PROTOCOL,...`) as upper-case names and protocols; entries without both are skipped. */
function protocolMapOf(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of text.split(',')) {
    const [k, v] = entry.split(':').map((s) => s.trim());
    if (k && v) map[k.toUpperCase()] = v.toUpperCase();
  }
  return map;
}

/** A list attribute of a Kubernetes object; empty when absent or not a list. */
function listOf(value: unknown): readonly any[] {
  return Array.isArray(value) ? value : [];
}

/** A listener-level setting (`listener.name.<l>.<key>`), else the node-level one. */
export function listenerSetting(props: Readonly<Record<string, string>>, listener: string, key: string): string | undefined {
  return props[`listener.name.${listener.toLowerCase()}.${key}`] ?? props[key];
}

/** The pod spec of a StatefulSet (or Deployment). */
export function podSpecOf(workload: KubernetesDocument): Readonly<Record<string, any>> {
  return workload.body.spec?.template?.spec ?? {};
}

/** The Kafka container: the one named `kafka`, else the first. */
export function kafkaContainerOf(podSpec: Readonly<Record<string, any>>): Readonly<Record<string, any>> | undefined {
  const containers = listOf(podSpec.containers);
  return containers.find((c) => c?.name === 'kafka') ?? containers[0];
}

/** The value of a literal environment variable. */
export function envValueOf(container: Readonly<Record<string, any>> | undefined, name: string): string | undefined {
  const e = listOf(container?.env).find((x) => x?.name === name);
  return typeof e?.value === 'string' ? e.value : undefined;
}

/** The node properties a Kafka StatefulSet mounts: the first ConfigMap volume that holds one. */
export function nodeConfigOf(index: DocumentIndex, statefulSet: KubernetesDocument): { readonly configMap: KubernetesDocument; readonly node: NodeProperties } | undefined {
  for (const v of listOf(podSpecOf(statefulSet).volumes)) {
    const name = v?.configMap?.name;
    if (typeof name !== 'string') continue;
    const configMap = index.kubernetesByName('ConfigMap', name, statefulSet.namespace);
    const node = configMap ? nodePropertiesOf(configMap)[0] : undefined;
    if (configMap && node) return { configMap, node };
  }
  return undefined;
}

/**
 * The volume a file path in a container comes from: the mount with the longest matching
 * mountPath, and the pod volume of that name.
 */
export function volumeOfPath(podSpec: Readonly<Record<string, any>>, container: Readonly<Record<string, any>> | undefined, filePath: string): { readonly mountPath: string; readonly volume: Readonly<Record<string, any>> | undefined; readonly name: string } | undefined {
  const mounts = listOf(container?.volumeMounts).filter((m) => typeof m?.mountPath === 'string'
    && (filePath === m.mountPath || filePath.startsWith(m.mountPath.endsWith('/') ? m.mountPath : `${m.mountPath}/`)));
  if (mounts.length === 0) return undefined;
  const mount = mounts.sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  const volume = listOf(podSpec.volumes).find((v) => v?.name === mount.name);
  return { mountPath: mount.mountPath, volume, name: mount.name };
}

/** The Secret names a volume projects (a `secret` volume or a `projected` one with secrets). */
export function secretNamesOfVolume(volume: Readonly<Record<string, any>> | undefined): string[] {
  if (!volume) return [];
  if (typeof volume.secret?.secretName === 'string') return [volume.secret.secretName];
  return listOf(volume.projected?.sources).map((s) => s?.secret?.name).filter((n): n is string => typeof n === 'string');
}

/** The text of a file that a container reads from a mounted ConfigMap, or undefined. */
export function configMapFileOf(index: DocumentIndex, workload: KubernetesDocument, container: Readonly<Record<string, any>> | undefined, filePath: string): { readonly configMap: string; readonly key: string; readonly text: string | undefined } | undefined {
  const podSpec = podSpecOf(workload);
  const source = volumeOfPath(podSpec, container, filePath);
  const name = source?.volume?.configMap?.name;
  if (!source || typeof name !== 'string') return undefined;
  const rel = filePath.slice(source.mountPath.length).replace(/^\//, '');
  const item = listOf(source.volume!.configMap.items).find((i) => i?.path === rel);
  const key = item?.key ?? rel;
  const text = index.kubernetesByName('ConfigMap', name, workload.namespace)?.body.data?.[key];
  return { configMap: name, key, text: typeof text === 'string' ? text : undefined };
}

/** The cert-manager Certificates of a synthesis by namespace and `spec.secretName`, grouped once. */
const certificatesBySecret = oncePer((index: DocumentIndex): ReadonlyMap<string, KubernetesDocument> => {
  const bySecret = new Map<string, KubernetesDocument>();
  for (const c of index.kubernetes('Certificate')) {
    if (!c.apiVersion.startsWith('cert-manager.io/')) continue;
    bySecret.set(`${c.namespace ?? ''}|${c.body.spec?.secretName}`, c);
  }
  return bySecret;
});

/** The cert-manager Certificate that writes a Secret (by namespace and `spec.secretName`), grouped once per synthesis. */
export function certificateForSecret(index: DocumentIndex, secretName: string, namespace: string | undefined): KubernetesDocument | undefined {
  return certificatesBySecret(index).get(`${namespace ?? ''}|${secretName}`);
}

/** The brokers of each StatefulSet cluster of a synthesis by namespace and cluster label, counted once. */
const brokersByCluster = oncePer((index: DocumentIndex): ReadonlyMap<string, number> => {
  const byCluster = new Map<string, number>();
  for (const sts of index.kubernetes('StatefulSet')) {
    const c = sts.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL];
    const node = nodeConfigOf(index, sts)?.node;
    if (typeof c !== 'string' || !node || !hasBrokerRole(node.properties)) continue;
    const key = `${sts.namespace ?? ''}|${c}`;
    byCluster.set(key, (byCluster.get(key) ?? 0) + replicasOfWorkload(sts));
  }
  return byCluster;
});

/** The brokers of a StatefulSet cluster (by its `kafka-iac.dev/cluster` label): replicas of every StatefulSet with the broker role. */
export function brokerCountOfCluster(index: DocumentIndex, cluster: string, namespace: string | undefined): number {
  return brokersByCluster(index).get(`${namespace ?? ''}|${cluster}`) ?? 0;
}

/** `spec.replicas`, 1 when absent (the Kubernetes default), NaN when not a number. */
export function replicasOfWorkload(workload: KubernetesDocument): number {
  const r = workload.body.spec?.replicas;
  return r === undefined ? 1 : Number(r);
}

/** Whether every label of `selector` (matchLabels only) is on `labels`; an empty selector selects everything. */
export function selectorMatches(selector: Readonly<Record<string, any>> | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return false;
  if ((selector.matchExpressions ?? []).length > 0) return false; // not evaluated: treated as not matching
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

/** The topic lines of the StatefulSet admin Job's `topics.txt` (one `kafka-topics.sh` call per line). */
export function topicLinesOf(configMap: KubernetesDocument): TopicLine[] {
  const text = configMap.body.data?.['topics.txt'];
  return typeof text === 'string' ? parseTopicLines(text) : [];
}

/**
 * The broker-property rules on the StatefulSet target (HA-002, HA-003, HA-008): a ConfigMap
 * with the admin Job's topic lines is checked by `topics` (as `topics.txt`), a node ConfigMap by
 * `broker` for each file with the broker role; any other document is not applicable.
 */
export function checkStatefulSetBrokerProperties(
  doc: SynthesizedDocument,
  topics: (lines: readonly TopicLine[], where: string, f: Findings) => void,
  broker: (file: NodeProperties, f: Findings, configMap: KubernetesDocument) => void,
): RuleOutcome {
  const configMap = kubernetesKind(doc, 'ConfigMap');
  if (!configMap) return NOT_APPLICABLE;
  const lines = topicLinesOf(configMap);
  if (lines.length > 0) {
    const f = new Findings();
    topics(lines, 'topics.txt', f);
    return f.outcome();
  }
  const brokerFiles = nodePropertiesOf(configMap).filter((n) => hasBrokerRole(n.properties));
  if (brokerFiles.length === 0) return NOT_APPLICABLE;
  const f = new Findings();
  for (const file of brokerFiles) broker(file, f, configMap);
  return f.outcome();
}
