import type { Environment } from '../model/environment';
import { AuthenticationMechanism } from '../model/client-authentication';
import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from '../contract/document';
import { DocumentIndex } from '../contract/document-index';
import { MSK_JMX_EXPORTER_PORT, MSK_LISTENER_PORTS, MSK_NODE_EXPORTER_PORT } from '../contract/msk-ports';
import { DR_PAIRING_ANNOTATION, DR_PAIRING_ARTEFACT_KIND, parseDrPairingDeclaration } from '../contract/dr-markers';
import { KAFKA_CLUSTER_LABEL, KAFKA_NODE_ROLE_LABEL, STRIMZI_CLUSTER_LABEL, ZONE_TOPOLOGY_KEY } from '../contract/vocabulary';
import { MermaidFlowchart, MermaidShape } from '../contract/mermaid-flowchart';

/**
 * The diagram of one environment (`dist/<env>/diagram.md`), drawn from the synthesized
 * documents the rules read (after escape hatches), so it shows what will be deployed:
 * clusters; zones with their brokers (MSK) or node pools and StatefulSets (Kubernetes);
 * listeners and who may reach them (security group ingress rules, listener
 * `networkPolicyPeers`, NetworkPolicies); DR links (MSK Replicator, MirrorMaker 2); monitoring
 * (CloudWatch alarms, open monitoring, PodMonitors, PrometheusRules).
 */
export function environmentDiagram(environment: Environment, documents: readonly SynthesizedDocument[]): string {
  const index = new DocumentIndex(documents);
  const chart = new Diagram();
  const clusters = new Map<string, string>();
  chart.subgraph([`environment ${environment.name}`, `profile ${environment.profile}, region ${environment.region}`], () => {
    for (const doc of index.terraform('aws_msk_cluster')) clusters.set(String(doc.body.cluster_name ?? doc.name), mskCluster(chart, index, doc));
    for (const doc of index.kubernetes('Kafka')) clusters.set(doc.name, strimziCluster(chart, index, doc));
    for (const [name, sets] of statefulSetClusters(index)) clusters.set(name, statefulSetCluster(chart, index, name, sets));
  });
  // Sources outside the clusters are declared after the environment, so Mermaid draws them outside it.
  chart.flush();
  networkPolicies(chart, index, clusters);
  drLinks(chart, index, clusters);
  monitoring(chart, index, clusters);
  return [
    `# Diagram: ${environment.name}`,
    '',
    `What \`dist/${environment.name}\` and its Terraform stack deploy, drawn from the synthesized documents`,
    '(the ones the rules checked). Solid arrows: who may connect, on which ports. Dotted: monitoring and replication.',
    '',
    '```mermaid',
    chart.toString().trimEnd(),
    '```',
    '',
  ].join('\n');
}

/**
 * The flowchart with two additions: one node per distinct outside source (`external`), and
 * edges from outside sources deferred (`later`) until the environment's subgraph is closed.
 */
class Diagram extends MermaidFlowchart {
  private readonly externals = new Map<string, string>();
  private readonly edges = new Set<string>();
  private readonly pending: (() => void)[] = [];

  public constructor() {
    super('LR');
  }

  /** The node of an outside source (a network, namespace or pod selector), one per label. */
  public external(label: string): string {
    let id = this.externals.get(label);
    if (!id) {
      id = this.node(label, MermaidShape.EXTERNAL);
      this.externals.set(label, id);
    }
    return id;
  }

  /** An edge, once per (from, to, label). */
  public link(from: string, to: string, label?: string, style: 'solid' | 'dotted' | 'thick' = 'solid'): void {
    const key = JSON.stringify([from, to, label, style]);
    if (this.edges.has(key)) return;
    this.edges.add(key);
    this.edge(from, to, label, style);
  }

  /** Runs `draw` once the current subgraphs are closed (`flush`). */
  public later(draw: () => void): void {
    this.pending.push(draw);
  }

  public flush(): void {
    for (const draw of this.pending.splice(0)) draw();
  }
}

// ---------------------------------------------------------------- MSK

const MSK_LISTENERS: readonly { readonly port: number; readonly label: string; readonly on: (b: Record<string, any>) => boolean }[] = [
  { port: MSK_LISTENER_PORTS[AuthenticationMechanism.MUTUAL_TLS]!, label: 'mutual TLS', on: (b) => (b.client_authentication?.tls?.certificate_authority_arns ?? []).length > 0 },
  { port: MSK_LISTENER_PORTS[AuthenticationMechanism.SCRAM_SHA_512]!, label: 'SASL/SCRAM', on: (b) => b.client_authentication?.sasl?.scram === true },
  { port: MSK_LISTENER_PORTS[AuthenticationMechanism.IAM]!, label: 'IAM', on: (b) => b.client_authentication?.sasl?.iam === true },
  { port: 9092, label: 'plaintext, unauthenticated', on: (b) => b.client_authentication?.unauthenticated === true && b.encryption_info?.encryption_in_transit?.client_broker !== 'TLS' },
];

function mskCluster(chart: Diagram, index: DocumentIndex, doc: TerraformDocument): string {
  const b = doc.body;
  const group = b.broker_node_group_info ?? {};
  const brokers = Number(b.number_of_broker_nodes);
  const subnets: unknown[] = Array.isArray(group.client_subnets) ? group.client_subnets : [];
  const volume = group.storage_info?.ebs_storage_info?.volume_size;
  return chart.subgraph([
    `MSK cluster ${b.cluster_name} (${doc.address})`,
    `Kafka ${b.kafka_version}, ${brokers} brokers ${group.instance_type ?? ''}${volume ? `, ${volume} GiB EBS each` : ''}`,
  ], () => {
    // MSK spreads brokers evenly over the client subnets, one subnet per zone.
    // @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-create-cluster.html
    const perZone = subnets.length > 0 ? brokers / subnets.length : brokers;
    for (const s of subnets) {
      const subnet = index.resolve(s);
      const zone = subnet?.body.availability_zone ?? 'unknown zone';
      chart.subgraph(`zone ${zone}`, () => {
        chart.node([`${perZone} brokers`, `subnet ${subnet?.body.cidr_block ?? String(s)}`], MermaidShape.DATABASE);
      });
    }
    const listeners = MSK_LISTENERS.filter((l) => l.on(b));
    const ids = new Map(listeners.map((l) => [l.port, chart.node(`listener :${l.port} ${l.label}`, MermaidShape.ROUNDED)]));
    const exporters = b.open_monitoring?.prometheus;
    if (exporters?.jmx_exporter?.enabled_in_broker) ids.set(MSK_JMX_EXPORTER_PORT, chart.node(`JMX exporter :${MSK_JMX_EXPORTER_PORT}`, MermaidShape.ROUNDED));
    if (exporters?.node_exporter?.enabled_in_broker) ids.set(MSK_NODE_EXPORTER_PORT, chart.node(`node exporter :${MSK_NODE_EXPORTER_PORT}`, MermaidShape.ROUNDED));
    chart.later(() => mskIngress(chart, index, group.security_groups ?? [], ids));
  });
}

/** Security group ingress rules of the cluster's groups, one node per source, one edge per port it reaches. */
function mskIngress(chart: Diagram, index: DocumentIndex, groups: readonly unknown[], ports: Map<number, string>): void {
  const sgAddresses = new Set(groups.map((g) => index.resolve(g)?.address).filter((a): a is string => a !== undefined));
  const rules: { source: string; from: number; to: number }[] = [];
  const ofGroup = (ref: unknown) => sgAddresses.has(index.resolve(ref)?.address ?? '');
  for (const r of index.terraform('aws_vpc_security_group_ingress_rule')) {
    if (ofGroup(r.body.security_group_id)) rules.push({ source: sourceOf(index, r.body, r.body.description), from: Number(r.body.from_port), to: Number(r.body.to_port) });
  }
  for (const r of index.terraform('aws_security_group_rule')) {
    if (r.body.type === 'ingress' && ofGroup(r.body.security_group_id)) rules.push({ source: sourceOf(index, r.body, r.body.description), from: Number(r.body.from_port), to: Number(r.body.to_port) });
  }
  for (const address of sgAddresses) {
    for (const r of index.terraformByAddress(address)?.body.ingress ?? []) rules.push({ source: sourceOf(index, r, r.description), from: Number(r.from_port), to: Number(r.to_port) });
  }
  for (const rule of rules) {
    const id = chart.external(rule.source);
    for (const [port, listener] of ports) if (port >= rule.from && port <= rule.to) chart.link(id, listener, `TCP ${port}`);
  }
}

function sourceOf(index: DocumentIndex, rule: Record<string, any>, description: unknown): string {
  const cidrs = [rule.cidr_ipv4, rule.cidr_ipv6, ...(rule.cidr_blocks ?? []), ...(rule.ipv6_cidr_blocks ?? [])].filter((c) => typeof c === 'string');
  const group = rule.referenced_security_group_id ?? rule.source_security_group_id ?? (rule.security_groups ?? [])[0];
  const from = cidrs.length > 0 ? cidrs.join(', ')
    : group !== undefined ? `security group ${index.resolve(group)?.address ?? String(group)}`
      : rule.prefix_list_id ? `prefix list ${rule.prefix_list_id}` : 'any source';
  return typeof description === 'string' && description !== '' ? `${from} (${description})` : from;
}

// ---------------------------------------------------------------- Strimzi

function strimziCluster(chart: Diagram, index: DocumentIndex, kafka: KubernetesDocument): string {
  const spec = kafka.body.spec?.kafka ?? {};
  const pools = index.kubernetes('KafkaNodePool').filter((p) => p.body.metadata?.labels?.[STRIMZI_CLUSTER_LABEL] === kafka.name && p.namespace === kafka.namespace);
  return chart.subgraph([
    `Strimzi Kafka ${kafka.name} (namespace ${kafka.namespace ?? 'default'})`,
    `Kafka ${spec.version ?? 'default version'}${spec.rack?.topologyKey ? `, rack ${spec.rack.topologyKey}` : ''}`,
  ], () => {
    for (const pool of pools) {
      const s = pool.body.spec ?? {};
      chart.node([
        `node pool ${pool.name}: ${s.replicas} replicas`,
        `roles ${(s.roles ?? []).join(', ')}`,
        zonesLine(s.template?.pod?.affinity),
        storageLine(s.storage),
      ].filter((l) => l !== ''), MermaidShape.DATABASE);
    }
    for (const l of spec.listeners ?? []) {
      const id = chart.node(`listener ${l.name} :${l.port} ${l.type}${l.tls ? ', TLS' : ', no TLS'}, ${l.authentication?.type ?? 'no authentication'}`, MermaidShape.ROUNDED);
      const peers: unknown[] = l.networkPolicyPeers ?? [];
      const labels = peers.length === 0 ? ['any pod or network (no networkPolicyPeers)'] : peers.map(peerLabel);
      chart.later(() => { for (const p of labels) chart.link(chart.external(p), id, `TCP ${l.port}`); });
    }
  });
}

// ---------------------------------------------------------------- StatefulSet

function statefulSetClusters(index: DocumentIndex): Map<string, KubernetesDocument[]> {
  const byCluster = new Map<string, KubernetesDocument[]>();
  for (const s of index.kubernetes('StatefulSet')) {
    const name = s.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL];
    if (typeof name !== 'string') continue;
    byCluster.set(name, [...(byCluster.get(name) ?? []), s]);
  }
  return byCluster;
}

function statefulSetCluster(chart: Diagram, index: DocumentIndex, name: string, sets: readonly KubernetesDocument[]): string {
  return chart.subgraph([`Kafka StatefulSet cluster ${name} (namespace ${sets[0]?.namespace ?? 'default'})`], () => {
    for (const s of sets) {
      const spec = s.body.spec ?? {};
      const claims = (spec.volumeClaimTemplates ?? []).map((c: any) => c.spec?.resources?.requests?.storage).filter(Boolean);
      chart.node([
        `StatefulSet ${s.name}: ${spec.replicas} replicas`,
        `role ${s.body.metadata?.labels?.[KAFKA_NODE_ROLE_LABEL] ?? 'unknown'}`,
        zonesLine(spec.template?.spec?.affinity),
        claims.length > 0 ? `storage ${claims.join(', ')}` : '',
      ].filter((l) => l !== ''), MermaidShape.DATABASE);
    }
    for (const svc of index.kubernetes('Service')) {
      if (svc.body.spec?.selector?.[KAFKA_CLUSTER_LABEL] !== name || svc.body.spec?.clusterIP === 'None') continue;
      const ports = (svc.body.spec?.ports ?? []).map((p: any) => `${p.name ?? ''} :${p.port}`);
      chart.node([`Service ${svc.name}`, ...ports], MermaidShape.ROUNDED);
    }
  });
}

// ---------------------------------------------------------------- shared

function zonesLine(affinity: any): string {
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const zones = terms.flatMap((t: any) => (t.matchExpressions ?? []).filter((e: any) => e.key === ZONE_TOPOLOGY_KEY && e.operator === 'In').flatMap((e: any) => e.values ?? []));
  return zones.length > 0 ? `zones ${zones.join(', ')}` : '';
}

function storageLine(storage: any): string {
  if (!storage) return '';
  const volumes = storage.type === 'jbod' ? storage.volumes ?? [] : [storage];
  return `storage ${volumes.map((v: any) => `${v.type}${v.size ? ` ${v.size}` : ''}${v.class ? ` (${v.class})` : ''}`).join(', ')}`;
}

function peerLabel(peer: any): string {
  const parts: string[] = [];
  if (peer.ipBlock) parts.push(`network ${peer.ipBlock.cidr}${(peer.ipBlock.except ?? []).length ? ` except ${peer.ipBlock.except.join(', ')}` : ''}`);
  if (peer.namespaceSelector) parts.push(`namespaces ${selectorText(peer.namespaceSelector)}`);
  if (peer.podSelector) parts.push(`pods ${selectorText(peer.podSelector)}`);
  return parts.length > 0 ? parts.join(', ') : 'any pod';
}

function selectorText(selector: any): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const exprs = (selector.matchExpressions ?? []).map((e: any) => `${e.key} ${e.operator} ${(e.values ?? []).join('|')}`);
  const all = [...labels, ...exprs];
  return all.length > 0 ? all.join(', ') : '(all)';
}

/** The cluster a pod selector belongs to (Strimzi's `strimzi.io/cluster` or our cluster label). */
function clusterOfSelector(selector: any, clusters: ReadonlyMap<string, string>): string | undefined {
  const labels = selector?.matchLabels ?? {};
  const name = labels[STRIMZI_CLUSTER_LABEL] ?? labels[KAFKA_CLUSTER_LABEL];
  return typeof name === 'string' ? clusters.get(name) : undefined;
}

/** Kubernetes NetworkPolicies over the clusters' pods: default-deny notes and one edge per allowed peer and rule. */
function networkPolicies(chart: Diagram, index: DocumentIndex, clusters: ReadonlyMap<string, string>): void {
  for (const np of index.kubernetes('NetworkPolicy')) {
    const target = clusterOfSelector(np.body.spec?.podSelector, clusters);
    if (!target) continue;
    const ingress: any[] = np.body.spec?.ingress ?? [];
    if (ingress.length === 0 && (np.body.spec?.policyTypes ?? []).includes('Ingress')) {
      chart.link(chart.external(`NetworkPolicy ${np.name}: deny all ingress`), target, 'denies', 'dotted');
      continue;
    }
    for (const rule of ingress) {
      const ports = (rule.ports ?? []).map((p: any) => `${p.protocol ?? 'TCP'} ${p.port}`).join(', ') || 'all ports';
      const from: any[] = rule.from ?? [];
      const peers = from.length > 0 ? from.map(peerLabel) : ['any source'];
      for (const p of peers) chart.link(chart.external(p), target, `NetworkPolicy ${np.name}: ${ports}`);
    }
  }
}

function drLinks(chart: Diagram, index: DocumentIndex, clusters: ReadonlyMap<string, string>): void {
  const declarations = index.terraform('terraform_data')
    .filter((d) => d.body.input?.kind === DR_PAIRING_ARTEFACT_KIND)
    .map((d) => parseDrPairingDeclaration(d.body.input?.declaration))
    .filter((d) => d !== undefined);
  for (const r of index.terraform('aws_msk_replicator')) {
    const info = r.body.replication_info_list ?? {};
    const targetDoc = index.resolve(info.target_kafka_cluster_arn);
    const sourceDoc = index.resolve(info.source_kafka_cluster_arn);
    const pairing = declarations[0];
    const endpoint = (doc: TerraformDocument | undefined, arn: unknown, side?: { environment: string; region: string }) =>
      (doc ? clusters.get(String(doc.body.cluster_name)) : undefined)
        ?? chart.external(side ? `MSK cluster of ${side.environment} (${side.region})` : `MSK cluster ${String(arn)}`);
    const topics = (info.topic_replication ?? []).flatMap((t: any) => t.topics_to_replicate ?? []);
    const replicator = chart.node([
      `MSK Replicator ${r.body.replicator_name ?? r.name}`,
      ...(pairing ? [`pairing ${pairing.name}: RPO ${pairing.rpoSeconds}s, RTO ${pairing.rtoSeconds}s`] : []),
      `${topics.length} topic patterns`,
    ], MermaidShape.BOX);
    chart.edge(endpoint(sourceDoc, info.source_kafka_cluster_arn, sourceDoc ? undefined : pairing?.primary), replicator, 'replicates from', 'dotted');
    chart.edge(replicator, endpoint(targetDoc, info.target_kafka_cluster_arn, targetDoc ? undefined : pairing?.peer), 'to', 'thick');
  }
  for (const mm2 of index.kubernetes('KafkaMirrorMaker2')) {
    const spec = mm2.body.spec ?? {};
    const pairing = parseDrPairingDeclaration(mm2.body.metadata?.annotations?.[DR_PAIRING_ANNOTATION]);
    const node = chart.node([
      `MirrorMaker 2 ${mm2.name}: ${spec.replicas} replicas`,
      ...(pairing ? [`pairing ${pairing.name}: RPO ${pairing.rpoSeconds}s, RTO ${pairing.rtoSeconds}s`] : []),
    ], MermaidShape.BOX);
    const clusterOf = (bootstrap: unknown) => [...clusters].find(([name]) => typeof bootstrap === 'string' && bootstrap.startsWith(`${name}-kafka-bootstrap`))?.[1];
    for (const m of spec.mirrors ?? []) {
      const source = m.source ?? (spec.clusters ?? []).find((c: any) => c.alias === m.sourceCluster);
      const src = clusterOf(source?.bootstrapServers) ?? chart.external(`Kafka ${source?.alias ?? m.sourceCluster} at ${source?.bootstrapServers ?? 'unknown'}`);
      chart.edge(src, node, `replicates ${m.topicsPattern ?? 'topics'}`, 'dotted');
    }
    const target = spec.target ?? (spec.clusters ?? []).find((c: any) => c.alias === spec.connectCluster);
    const dst = clusterOf(target?.bootstrapServers) ?? chart.external(`Kafka ${target?.alias ?? 'target'} at ${target?.bootstrapServers ?? 'unknown'}`);
    chart.edge(node, dst, 'to', 'thick');
  }
}

function monitoring(chart: Diagram, index: DocumentIndex, clusters: ReadonlyMap<string, string>): void {
  const alarms = index.terraform('aws_cloudwatch_metric_alarm').length;
  const mskIds = index.terraform('aws_msk_cluster').map((d) => clusters.get(String(d.body.cluster_name))).filter((x): x is string => x !== undefined);
  if (alarms > 0) {
    const topics = index.terraform('aws_sns_topic').length;
    const id = chart.node([`CloudWatch: ${alarms} alarms`, `notify ${topics} SNS topic${topics === 1 ? '' : 's'}`], MermaidShape.HEXAGON);
    for (const c of mskIds) chart.edge(id, c, 'watches', 'dotted');
  }
  for (const name of new Set([...clusters.keys()])) {
    const monitors = index.kubernetes('PodMonitor').filter((m) => m.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL] === name || m.name.startsWith(`${name}-`));
    const rules = index.kubernetes('PrometheusRule').filter((m) => m.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL] === name || m.name.startsWith(`${name}-`));
    if (monitors.length + rules.length === 0) continue;
    const alerts = rules.reduce((n, r) => n + (r.body.spec?.groups ?? []).reduce((m: number, g: any) => m + (g.rules ?? []).filter((x: any) => x.alert).length, 0), 0);
    const id = chart.node([
      `Prometheus for ${name}`,
      `PodMonitors ${monitors.map((m) => m.name).join(', ') || 'none'}`,
      `${alerts} alert rules in ${rules.length} PrometheusRule${rules.length === 1 ? '' : 's'}`,
    ], MermaidShape.HEXAGON);
    chart.edge(id, clusters.get(name)!, 'scrapes', 'dotted');
  }
}
