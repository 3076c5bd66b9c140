import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from '../contract/document';
import { METRICS_PORT_NAME, STRIMZI_CLUSTER_LABEL } from '../contract/vocabulary';
import { STRIMZI_JMX_PORT, STRIMZI_METRICS_PORT } from '../contract/strimzi-ports';
import { Findings, shown, NOT_APPLICABLE, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { mskClusterCheck } from './checks/target-checks';
import { admittedAddresses, admittedPublicAddresses, parseCidr, type CidrBlock } from '../model/grammar/cidr';
import { authenticationOf, block, hasBlock, list, literalBoolean, literalNumber } from './readers/msk-cluster-document';
import { MSK_EXPORTER_PORTS, MSK_LISTENER_PORTS } from '../contract/msk-ports';
import { asStrimziKafka } from './readers/strimzi-documents';
import { kubernetesKind, nodeConfigOf, podSpecOf, selectorMatches } from './readers/statefulset-documents';

/** SEC-007: Network segmentation: brokers live in private subnets; security groups / NetworkPolicies admit only the listener ports, only from declared client networks or workloads; no public access. */
export const SEC_007_NETWORK_SEGMENTATION: Rule = defineRule({
  id: 'SEC-007',
  title: 'Network segmentation: brokers live in private subnets; security groups / NetworkPolicies admit only the listener ports, only from declared client networks or workloads; no public access.',
  explanation: 'Brokers reachable from the internet or from every workload are one leaked credential away from a breach and exposed to scanning and denial of service. Private subnets without an internet route, and ingress only on the listener ports from the networks that run clients, keep the attack surface to the declared clients.',
  remediation: 'MSK: put the brokers in private subnets (no public IPs, no internet-gateway route), keep public_access DISABLED, and let the broker security group admit only the enabled listener ports (9094, 9096, 9098) from declared client networks and 11001/11002 from declared Prometheus sources, never 0.0.0.0/0 (KafkaNetwork). Strimzi and StatefulSet: NetworkPolicies that admit only the listener ports from declared client workloads.',
  severity: Severity.ERROR,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: checkStrimzi, statefulset: checkStatefulSet },
});

/**
 * MSK: public access `DISABLED` (written out); client subnets without public IPs and without a
 * route to an internet gateway; the broker security groups admit only TCP on the enabled
 * listener ports (9094 mutual TLS, 9096 SCRAM, 9098 IAM) and, with open monitoring, the
 * exporter ports 11001/11002, never from `0.0.0.0/0` or `::/0`. Ingress is read from inline
 * `ingress` blocks, `aws_vpc_security_group_ingress_rule` and `aws_security_group_rule`.
 */
function checkMsk(cluster: TerraformDocument, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  const notes: string[] = [];
  const group = block(cluster.body.broker_node_group_info);
  const publicAccess = block(block(group.connectivity_info).public_access).type;
  f.expect(publicAccess === 'DISABLED', {
    found: `broker_node_group_info.connectivity_info.public_access.type is ${shown(publicAccess)}`,
    expected: "'DISABLED', written out",
    fix: 'Set public_access { type = "DISABLED" } (MskCluster writes it).',
  });

  for (const ref of list(group.client_subnets)) {
    const subnet = ctx.index.resolve(ref);
    if (!subnet || subnet.type !== 'aws_subnet') {
      notes.push(`Subnet ${String(ref)} is not managed in this stack; its routes are not checked here.`);
      continue;
    }
    f.expect(literalBoolean(subnet.body.map_public_ip_on_launch) !== true, {
      found: `map_public_ip_on_launch of ${subnet.address} (${subnet.path}) is true`,
      expected: 'false: brokers live in private subnets',
      fix: 'Use private subnets (KafkaNetwork creates them).',
    });
    for (const route of internetRoutesOf(subnet, ctx)) {
      f.add({
        found: `${subnet.address} routes ${route} to an internet gateway`,
        expected: 'no route from the broker subnets to the internet',
        fix: 'Associate the broker subnets with a route table that has no internet-gateway route.',
      });
    }
  }

  const modes = authenticationOf(cluster);
  const allowed = new Set<number>();
  if (modes.mutualTls) allowed.add(MSK_LISTENER_PORTS.tls);
  if (modes.scram) allowed.add(MSK_LISTENER_PORTS['scram-sha-512']);
  if (modes.iam) allowed.add(MSK_LISTENER_PORTS.iam);
  if (hasBlock(block(cluster.body.open_monitoring).prometheus)) MSK_EXPORTER_PORTS.forEach((p) => allowed.add(p));
  const allowedText = [...allowed].sort((a, b) => a - b).join(', ');
  for (const ref of list(group.security_groups)) {
    const sg = ctx.index.resolve(ref);
    if (!sg || sg.type !== 'aws_security_group') {
      notes.push(`Security group ${String(ref)} is not managed in this stack; its ingress is not checked here.`);
      continue;
    }
    for (const rule of ingressOf(sg, ctx)) {
      const from = literalNumber(rule.from);
      const to = literalNumber(rule.to);
      f.expect(rule.protocol === 'tcp' || rule.protocol === '6', {
        found: `${rule.where} admits protocol ${shown(rule.protocol)}`,
        expected: "'tcp' only",
        fix: 'Admit TCP on the listener ports only (KafkaNetwork does).',
      });
      f.expect(from !== undefined && from === to && allowed.has(from), {
        found: `${rule.where} admits ports ${shown(rule.from)}-${shown(rule.to)}`,
        expected: `single listener or exporter ports of the enabled modes (${allowedText})`,
        fix: 'Open only the listener ports of the enabled authentication modes, and 11001/11002 for Prometheus.',
      });
      for (const cidr of rule.cidrs) {
        f.expect(cidr !== '0.0.0.0/0' && cidr !== '::/0', {
          found: `${rule.where} admits ${cidr}`,
          expected: 'declared client networks only, never the whole internet',
          fix: 'Declare the client networks (ClientNetwork.cidr of the client VPC, or a client security group).',
        });
      }
    }
    admittedSpaceFindings(f, `security group ${sg.address}`, ingressOf(sg, ctx).flatMap((r) => r.cidrs), ctx);
  }
  return f.outcome(notes);
}

interface Ingress {
  readonly where: string;
  readonly protocol: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly cidrs: readonly string[];
}

/** Every ingress of a security group: inline blocks and the separate rule resources that point at it. */
function ingressOf(sg: TerraformDocument, ctx: RuleContext): Ingress[] {
  const out: Ingress[] = [];
  for (const r of list(sg.body.ingress)) {
    out.push({
      where: `${sg.address} inline ingress (${sg.path})`, protocol: r?.protocol, from: r?.from_port, to: r?.to_port,
      cidrs: [...list(r?.cidr_blocks), ...list(r?.ipv6_cidr_blocks)].map(String),
    });
  }
  for (const r of ctx.index.terraform('aws_vpc_security_group_ingress_rule')) {
    if (ctx.index.resolve(r.body.security_group_id)?.address !== sg.address) continue;
    out.push({
      where: `${r.address} (${r.path})`, protocol: r.body.ip_protocol, from: r.body.from_port, to: r.body.to_port,
      cidrs: [r.body.cidr_ipv4, r.body.cidr_ipv6].filter((c) => c !== undefined).map(String),
    });
  }
  for (const r of ctx.index.terraform('aws_security_group_rule')) {
    if (r.body.type !== 'ingress' || ctx.index.resolve(r.body.security_group_id)?.address !== sg.address) continue;
    out.push({
      where: `${r.address} (${r.path})`, protocol: r.body.protocol, from: r.body.from_port, to: r.body.to_port,
      cidrs: [...list(r.body.cidr_blocks), ...list(r.body.ipv6_cidr_blocks)].map(String),
    });
  }
  return out;
}

/** The destinations that a subnet's route tables send to an internet gateway. */
function internetRoutesOf(subnet: TerraformDocument, ctx: RuleContext): string[] {
  const out: string[] = [];
  const isInternetGateway = (gateway: unknown) =>
    ctx.index.resolve(gateway)?.type === 'aws_internet_gateway' || (typeof gateway === 'string' && gateway.startsWith('igw-'));
  for (const assoc of ctx.index.terraform('aws_route_table_association')) {
    if (ctx.index.resolve(assoc.body.subnet_id)?.address !== subnet.address) continue;
    const table = ctx.index.resolve(assoc.body.route_table_id);
    if (!table) continue;
    for (const r of list(table.body.route)) {
      if (isInternetGateway(r?.gateway_id)) out.push(String(r?.cidr_block ?? r?.ipv6_cidr_block ?? 'a route'));
    }
    for (const r of ctx.index.terraform('aws_route')) {
      if (ctx.index.resolve(r.body.route_table_id)?.address !== table.address) continue;
      if (isInternetGateway(r.body.gateway_id)) out.push(String(r.body.destination_cidr_block ?? r.body.destination_ipv6_cidr_block ?? 'a route'));
    }
  }
  return out;
}

/**
 * Strimzi: every listener is internal (`internal` or `cluster-ip`) and admits only declared
 * peers (`networkPolicyPeers` not empty, each with a selector, never 0.0.0.0/0: Strimzi turns
 * them into its listener NetworkPolicy); a deny-by-default ingress policy covers the cluster's
 * pods; and the cluster's own NetworkPolicies never admit everyone.
 */
function checkStrimzi(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  if (doc.source === 'kubernetes' && doc.kind === 'NetworkPolicy') return checkNetworkPolicy(doc.body, ctx, strimziAdmittedPorts(doc, ctx));
  const kafka = asStrimziKafka(doc);
  if (!kafka) return NOT_APPLICABLE;
  const f = new Findings();
  for (const l of (kafka.body.spec?.kafka?.listeners ?? []) as any[]) {
    const peers: any[] = Array.isArray(l?.networkPolicyPeers) ? l.networkPolicyPeers : [];
    f.expect(l?.type === 'internal' || l?.type === 'cluster-ip', {
      found: `listener ${shown(l?.name)} type is ${shown(l?.type)}`,
      expected: "'internal' or 'cluster-ip': no access from outside the Kubernetes cluster",
      fix: `Use type: 'internal' for listener ${l?.name}, or suppress SEC-007 with a reason that names the private load balancer.`,
    });
    f.expect(peers.length > 0, {
      found: `listener ${shown(l?.name)} has no networkPolicyPeers, so Strimzi's NetworkPolicy admits every pod and namespace`,
      expected: 'the declared client workloads',
      fix: 'Set clientNetworks on the StrimziKafkaCluster (ClientNetwork.kubernetesPeer({...})).',
    });
    admittedSpaceFindings(f, `listener ${shown(l?.name)} networkPolicyPeers`, peers.map((p) => p?.ipBlock?.cidr).filter((c) => c !== undefined), ctx);
    for (const peer of peers) {
      f.expect(isDeclaredPeer(peer), {
        found: `listener ${shown(l?.name)} networkPolicyPeers contains ${JSON.stringify(peer)}`,
        expected: 'a peer with a namespace or pod selector, or a private CIDR (never an empty peer or 0.0.0.0/0)',
        fix: 'Declare the client workloads with ClientNetwork.kubernetesPeer({ namespaceLabels, podLabels }).',
      });
    }
  }
  // Strimzi's own NetworkPolicy admits the JMX port 9999 from every pod and namespace whenever
  // jmxOptions is set (strimzi-kafka-operator KafkaCluster.generateNetworkPolicy, JmxModel.networkPolicyIngresRules:
  // createIngressRule(JMX_PORT, List.of())); its listener rules use each listener's own port.
  const jmx = kafka.body.spec?.kafka?.jmxOptions;
  f.expect(jmx === undefined, {
    found: `spec.kafka.jmxOptions is ${JSON.stringify(jmx)}, so Strimzi's NetworkPolicy admits the JMX port ${STRIMZI_JMX_PORT} from every pod and namespace`,
    expected: `only the listener ports and the metrics port ${STRIMZI_METRICS_PORT}`,
    fix: `Remove jmxOptions; scrape the JMX exporter on port ${STRIMZI_METRICS_PORT} (metricsConfig) instead.`,
  });
  const denies = ctx.index.kubernetes('NetworkPolicy').some((np) => np.namespace === kafka.namespace && deniesIngressTo(np.body, kafka.name));
  f.expect(denies, {
    found: `no NetworkPolicy in namespace ${shown(kafka.namespace)} denies ingress to the pods of ${kafka.name} by default`,
    expected: 'a deny-by-default ingress policy over the cluster pods (Strimzi only writes allow rules for the Kafka pods)',
    fix: 'Create the cluster with StrimziKafkaCluster (it adds StrimziSupportNetworkPolicies), or add a policy with policyTypes [Ingress] and no rules.',
  });
  return f.outcome();
}

/** The ports a NetworkPolicy may admit: listener and metrics ports, with the names a named port may use. */
interface AdmittedPorts {
  /** Port number to what it is, for messages. */
  readonly byNumber: ReadonlyMap<number, string>;
  /** Container port name to number. */
  readonly byName: ReadonlyMap<string, number>;
}

/** Strimzi: the listener ports of every Kafka in the policy's namespace, and the metrics port. */
function strimziAdmittedPorts(doc: KubernetesDocument, ctx: RuleContext): AdmittedPorts {
  const byNumber = new Map<number, string>([[STRIMZI_METRICS_PORT, 'metrics']]);
  for (const k of ctx.index.kubernetes('Kafka')) {
    const kafka = asStrimziKafka(k);
    if (!kafka || kafka.namespace !== doc.namespace) continue;
    for (const l of (kafka.body.spec?.kafka?.listeners ?? []) as any[]) {
      if (typeof l?.port === 'number') byNumber.set(l.port, `listener ${l.name} of ${kafka.name}`);
    }
  }
  return { byNumber, byName: new Map() };
}

/**
 * StatefulSet: for the workloads in the policy's namespace whose pods it selects, the listener
 * ports of the Kafka nodes (`listeners` and `controller` listeners of their properties) and the
 * container ports named `tcp-prometheus` (JMX exporter agent, Kafka Exporter).
 */
function statefulSetAdmittedPorts(doc: KubernetesDocument, ctx: RuleContext): AdmittedPorts {
  const byNumber = new Map<number, string>();
  const byName = new Map<string, number>();
  const selector = doc.body.spec?.podSelector ?? {};
  for (const w of [...ctx.index.kubernetes('StatefulSet'), ...ctx.index.kubernetes('Deployment')]) {
    if (w.namespace !== doc.namespace || !selectorMatches(selector, w.body.spec?.template?.metadata?.labels ?? {})) continue;
    const node = nodeConfigOf(ctx.index, w)?.node;
    for (const l of (node?.properties.listeners ?? '').split(',')) {
      const m = /^\s*([A-Za-z0-9_]+):\/\/[^,]*:(\d+)\s*$/.exec(l);
      if (m) byNumber.set(Number(m[2]), `listener ${m[1]} of ${w.name}`);
    }
    for (const c of (podSpecOf(w).containers ?? []) as any[]) {
      for (const p of (c?.ports ?? []) as any[]) {
        if (typeof p?.containerPort !== 'number') continue;
        const named = typeof p.name === 'string' ? p.name : undefined;
        if (named === METRICS_PORT_NAME) byNumber.set(p.containerPort, `metrics of ${w.name}`);
        if (named !== undefined && byNumber.has(p.containerPort)) byName.set(named, p.containerPort);
      }
    }
  }
  return { byNumber, byName };
}

/**
 * A NetworkPolicy of the Strimzi or StatefulSet target: every ingress rule names its sources
 * and its ports, none is open to the world, and each port is a listener or metrics port of the
 * pods the policy protects (no port range, no port that no listener or metrics endpoint has).
 */
function checkNetworkPolicy(body: Readonly<Record<string, any>>, ctx: RuleContext, admitted: AdmittedPorts): RuleOutcome {
  const f = new Findings();
  const rules: any[] = Array.isArray(body.spec?.ingress) ? body.spec.ingress : [];
  admittedSpaceFindings(f, 'spec.ingress', rules.flatMap((r) => (Array.isArray(r?.from) ? r.from : []).map((p: any) => p?.ipBlock?.cidr).filter((c: unknown) => c !== undefined)), ctx);
  const allowedText = [...admitted.byNumber].sort(([a], [b]) => a - b).map(([port, what]) => `${port} (${what})`).join(', ') || 'none: the policy selects no listener or metrics endpoint';
  rules.forEach((rule, i) => {
    const from: any[] = Array.isArray(rule?.from) ? rule.from : [];
    f.expect(from.length > 0 && from.every(isDeclaredPeer), {
      found: `spec.ingress[${i}].from is ${JSON.stringify(rule?.from ?? 'not set')}`,
      expected: 'declared peers only (an absent or empty from, an empty peer or 0.0.0.0/0 admits everyone)',
      fix: 'List the allowed namespaces and pods.',
    });
    const ports: any[] = Array.isArray(rule?.ports) ? rule.ports : [];
    f.expect(ports.length > 0, {
      found: `spec.ingress[${i}].ports is ${JSON.stringify(rule?.ports ?? 'not set')}`,
      expected: 'the listener or metrics ports only',
      fix: 'List the ports the rule admits.',
    });
    ports.forEach((p, j) => {
      const port = typeof p?.port === 'string' ? admitted.byName.get(p.port) : p?.port;
      f.expect(p?.endPort === undefined && typeof port === 'number' && admitted.byNumber.has(port), {
        found: `spec.ingress[${i}].ports[${j}] admits ${p?.port === undefined ? 'every port' : `port ${shown(p.port)}`}${p?.endPort === undefined ? '' : ` to ${shown(p.endPort)}`}`,
        expected: `single listener or metrics ports of the selected pods: ${allowedText}`,
        fix: 'Admit only the listener ports to clients and the metrics ports to Prometheus (KafkaNetworkPolicies and StrimziSupportNetworkPolicies do).',
      });
    });
  });
  return f.outcome();
}

/**
 * The address space that a set of CIDRs admits as a whole: never the whole IPv4 or IPv6
 * internet (`0.0.0.0/1` + `128.0.0.0/1` is), and in staging and production no public address.
 */
function admittedSpaceFindings(f: Findings, where: string, cidrs: readonly unknown[], ctx: RuleContext): void {
  const blocks = cidrs.map(parseCidr).filter((b): b is CidrBlock => b !== undefined);
  for (const version of [4, 6] as const) {
    const whole = 1n << (version === 4 ? 32n : 128n);
    const admitted = admittedAddresses(blocks, version);
    const listed = [...new Set(blocks.filter((b) => b.version === version).map((b) => b.text))].join(', ');
    const single = blocks.some((b) => b.version === version && b.last - b.first + 1n === whole); // reported on its own
    f.expect(admitted < whole || single, {
      found: `${where} admits ${listed}, together every IPv${version} address`,
      expected: 'declared client networks only, never the whole internet',
      fix: 'Declare the client networks (ClientNetwork.cidr of the client VPC, or a client security group).',
    });
    if (admitted === whole || !ctx.environment.isProductionLike) continue;
    const publicCount = admittedPublicAddresses(blocks, version);
    f.expect(publicCount === 0n, {
      found: `${where} admits ${listed}, ${publicCount} public IPv${version} address(es)`,
      expected: `private ranges only in ${ctx.environment.profile} (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7)`,
      fix: 'Admit the private client networks, or suppress SEC-007 on this resource with a reason that names the public clients.',
    });
  }
}

function isDeclaredPeer(peer: any): boolean {
  if (peer === null || typeof peer !== 'object') return false;
  const cidr = peer.ipBlock?.cidr;
  if (cidr !== undefined) return typeof cidr === 'string' && !/\/0$/.test(cidr);
  const selectors = [peer.namespaceSelector, peer.podSelector].filter((s) => s !== undefined);
  return selectors.length > 0 && selectors.some((s) => Object.keys(s?.matchLabels ?? {}).length + (s?.matchExpressions ?? []).length > 0);
}

function deniesIngressTo(body: Readonly<Record<string, any>>, cluster: string): boolean {
  const spec = body.spec ?? {};
  const types: unknown[] = spec.policyTypes ?? ['Ingress'];
  const selector = spec.podSelector ?? {};
  const labels = selector.matchLabels ?? {};
  const selectsCluster = (Object.keys(labels).length === 0 && (selector.matchExpressions ?? []).length === 0)
    || (labels[STRIMZI_CLUSTER_LABEL] === cluster && Object.keys(labels).length === 1 && (selector.matchExpressions ?? []).length === 0);
  return selectsCluster && types.includes('Ingress') && (spec.ingress ?? []).length === 0;
}

/**
 * StatefulSet: each NetworkPolicy rule names its sources (declared peers, never everyone) and
 * its ports; a deny-by-default ingress policy selects the pods of every Kafka StatefulSet; no
 * Service of the cluster is a LoadBalancer or NodePort (no access from outside the cluster).
 */
function checkStatefulSet(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  if (doc.source !== 'kubernetes') return NOT_APPLICABLE;
  if (doc.kind === 'NetworkPolicy') return checkNetworkPolicy(doc.body, ctx, statefulSetAdmittedPorts(doc, ctx));
  if (doc.kind === 'Service') {
    const type = doc.body.spec?.type;
    const f = new Findings();
    f.expect(type === undefined || type === 'ClusterIP', {
      found: `spec.type is ${shown(type)}`,
      expected: "'ClusterIP' (or headless): no access from outside the Kubernetes cluster",
      fix: "Set spec.type: 'ClusterIP', or suppress SEC-007 with a reason that names the private load balancer.",
    });
    return f.outcome();
  }
  const sts = kubernetesKind(doc, 'StatefulSet');
  if (!sts || !nodeConfigOf(ctx.index, sts)) return NOT_APPLICABLE;
  const podLabels: Record<string, string> = sts.body.spec?.template?.metadata?.labels ?? {};
  const denies = ctx.index.kubernetes('NetworkPolicy').some((np) => np.namespace === sts.namespace && deniesIngressToPods(np.body, podLabels));
  const f = new Findings();
  f.expect(denies, {
    found: `no NetworkPolicy in namespace ${shown(sts.namespace)} denies ingress to the pods of StatefulSet ${sts.name} by default`,
    expected: 'a deny-by-default ingress policy over the Kafka pods, so that only the allow policies admit traffic',
    fix: 'Create the cluster with KafkaStatefulSetCluster (it adds KafkaNetworkPolicies), or add a policy with policyTypes [Ingress] and no rules.',
  });
  return f.outcome();
}

/** A policy with Ingress in its types, no ingress rules, and a selector that matches these pod labels. */
function deniesIngressToPods(body: Readonly<Record<string, any>>, podLabels: Readonly<Record<string, string>>): boolean {
  const spec = body.spec ?? {};
  const types: unknown[] = spec.policyTypes ?? ['Ingress'];
  return types.includes('Ingress') && (spec.ingress ?? []).length === 0 && selectorMatches(spec.podSelector ?? {}, podLabels);
}
