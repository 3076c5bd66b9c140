import type { KubeNetworkPolicy, NetworkPolicyIngressRule, NetworkPolicyPeer } from '../../imports/k8s';
import { Construct } from 'constructs';
import type { ClientNetwork } from '../../model/client-network';
import { KafkaIacError } from '../../model/errors';
import { networkPolicyPeerOf, requirePrometheusNetworks } from '../kubernetes/strimzi-support-network-policies';
import { ingressNetworkPolicy, tcpPorts } from '../kubernetes/ingress-network-policy';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** A listener port and the workloads allowed to reach it. */
export interface NetworkPolicyListener {
  /** The listener name, for messages. */
  readonly name: string;
  readonly port: number;
  /** The declared client workloads (`ClientNetwork.kubernetesPeer(...)` or a private CIDR). */
  readonly clientNetworks: ClientNetwork[];
}

/** A metrics port, the pods that serve it, and who scrapes it. */
export interface NetworkPolicyMetricsEndpoint {
  /** Labels of the pods that serve the port. */
  readonly podSelector: Readonly<Record<string, string>>;
  readonly port: number;
}

/** Props of `KafkaNetworkPolicies`: the cluster and the networks that may reach each listener. */
export interface KafkaNetworkPoliciesProps {
  /** Policies are named `<clusterName>-...`. */
  readonly clusterName: string;
  /** Labels on the NetworkPolicy objects (target and cluster labels). */
  readonly labels: Readonly<Record<string, string>>;
  /** Labels every pod of the cluster carries: ingress to them is denied unless a policy allows it. */
  readonly clusterPodSelector: Readonly<Record<string, string>>;
  /** Labels of the broker pods (the client and replication listeners). */
  readonly brokerPodSelector: Readonly<Record<string, string>>;
  /** Labels of the KRaft controller pods (the same as the brokers' for a combined node). */
  readonly controllerPodSelector: Readonly<Record<string, string>>;
  /** The broker-to-broker listener port. */
  readonly replicationPort: number;
  /** The controller listener port. */
  readonly controllerPort: number;
  /** The client listeners. */
  readonly listeners: NetworkPolicyListener[];
  /**
   * Workloads of the cluster itself that are clients of every listener (Kafka Exporter, the
   * admin Job), by pod labels in the same namespace.
   * @default - none
   */
  readonly internalClients?: Readonly<Record<string, string>>[];
  /** Who may scrape the metrics endpoints (a declared Prometheus workload). */
  readonly prometheusNetworks: ClientNetwork[];
  /** The metrics endpoints. */
  readonly metricsEndpoints: NetworkPolicyMetricsEndpoint[];
}

/**
 * Deny-by-default NetworkPolicies for a Kafka cluster that runs without an operator (SEC-007):
 * - `DenyIngress`: every pod of the cluster refuses ingress that no policy allows;
 * - `AllowClients`: each client listener port, only from its declared workloads (and the
 *   cluster's own clients such as Kafka Exporter);
 * - `AllowReplication`: the replication port of the brokers, only from the brokers;
 * - `AllowControllers`: the controller port, only from the brokers and the controllers;
 * - `AllowPrometheus`: the metrics ports, only from the declared Prometheus workloads.
 *
 * Egress is left open (the brokers reach each other, the controllers and the Kubernetes API
 * through it). Kubelet probes are not subject to NetworkPolicies.
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class KafkaNetworkPolicies extends KafkaIacConstruct {
  public readonly denyIngress: KubeNetworkPolicy;
  public readonly allowClients: KubeNetworkPolicy;
  public readonly allowReplication: KubeNetworkPolicy;
  public readonly allowControllers: KubeNetworkPolicy;
  public readonly allowPrometheus: KubeNetworkPolicy;

  public constructor(scope: Construct, id: string, props: KafkaNetworkPoliciesProps) {
    super(scope, id);
    const name = props.clusterName;
    requirePrometheusNetworks(this.path, props.prometheusNetworks);
    for (const l of props.listeners) {
      KafkaIacError.nonEmpty(l.clientNetworks, {
        code: 'SEC-007', path: `${this.path} listener ${l.name}`, prop: 'clientNetworks',
        expected: 'at least one declared client workload; a rule without peers admits every pod',
        fix: "Set clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })].",
      });
    }
    const internal: NetworkPolicyPeer[] = (props.internalClients ?? []).map((labels) => ({ podSelector: { matchLabels: { ...labels } } }));
    const policy = (cid: string, suffix: string, podSelector: Readonly<Record<string, string>>, ingress?: NetworkPolicyIngressRule[]) =>
      ingressNetworkPolicy(this, cid, `${name}-${suffix}`, props.labels, { matchLabels: { ...podSelector } }, ingress);

    this.denyIngress = policy('DenyIngress', 'deny-ingress', props.clusterPodSelector);
    this.allowClients = policy('AllowClients', 'allow-clients', props.brokerPodSelector, props.listeners.map((l) => ({
      from: [...l.clientNetworks.map((n) => networkPolicyPeerOf(n, `${this.path}/AllowClients`)), ...internal],
      ports: tcpPorts(l.port),
    })));
    this.allowReplication = policy('AllowReplication', 'allow-replication', props.brokerPodSelector, [{
      from: [{ podSelector: { matchLabels: { ...props.brokerPodSelector } } }],
      ports: tcpPorts(props.replicationPort),
    }]);
    this.allowControllers = policy('AllowControllers', 'allow-controllers', props.controllerPodSelector, [{
      from: [
        { podSelector: { matchLabels: { ...props.brokerPodSelector } } },
        { podSelector: { matchLabels: { ...props.controllerPodSelector } } },
      ],
      ports: tcpPorts(props.controllerPort),
    }]);
    const prometheus = props.prometheusNetworks.map((n) => networkPolicyPeerOf(n, `${this.path}/AllowPrometheus`));
    this.allowPrometheus = policy('AllowPrometheus', 'allow-prometheus', props.clusterPodSelector, props.metricsEndpoints.map((m) => ({
      from: prometheus,
      ports: tcpPorts(m.port),
    })));
  }
}
