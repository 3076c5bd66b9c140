import { KubeNetworkPolicy, type NetworkPolicyPeer } from '../../imports/k8s';
import { ingressNetworkPolicy, tcpPorts } from './ingress-network-policy';
import { Construct } from 'constructs';
import { ClientNetworkKind, type ClientNetwork } from '../../model/client-network';
import { KafkaIacError } from '../../model/errors';
import { RuleTarget } from '../../contract/rule-target';

import { KAFKA_CLUSTER_LABEL, STRIMZI_CLUSTER_LABEL, TARGET_LABEL } from '../../contract/vocabulary';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { STRIMZI_METRICS_PORT } from '../../contract/strimzi-ports';

export { STRIMZI_METRICS_PORT } from '../../contract/strimzi-ports';

/** Props of `StrimziSupportNetworkPolicies`: the Strimzi cluster whose support pods they restrict. */
export interface StrimziSupportNetworkPoliciesProps {
  /** The Strimzi cluster (`Kafka`) name. */
  readonly clusterName: string;
  /** Who may scrape the metrics ports of the Kafka pods and of Kafka Exporter. */
  readonly prometheusNetworks: readonly ClientNetwork[];
}

/**
 * The NetworkPolicies that go with the ones Strimzi generates for a cluster (SEC-007).
 *
 * Strimzi writes a NetworkPolicy for the Kafka pods itself: the listener ports only from each
 * listener's `networkPolicyPeers`, and the replication and control-plane ports (9090, 9091)
 * only from the Kafka pods, the cluster operator, the Entity Operator, Kafka Exporter and
 * Cruise Control. These add what it leaves out:
 * - `DenyIngress`: every pod of the cluster (Kafka, Entity Operator, Kafka Exporter) refuses
 *   ingress that no policy allows, so the union of policies is the whole allow list;
 * - `AllowPrometheus`: the metrics port 9404 of the Kafka pods and Kafka Exporter, only from
 *   the declared Prometheus workloads.
 *
 * The operator and the Entity Operator reach the Kubernetes API and the brokers through egress,
 * which these policies leave open; kubelet probes are not subject to NetworkPolicies.
 */
export class StrimziSupportNetworkPolicies extends KafkaIacConstruct {
  public readonly denyIngress: KubeNetworkPolicy;
  public readonly allowPrometheus: KubeNetworkPolicy;

  public constructor(scope: Construct, id: string, props: StrimziSupportNetworkPoliciesProps) {
    super(scope, id);
    const name = props.clusterName;
    requirePrometheusNetworks(this.path, props.prometheusNetworks);
    const labels = { [TARGET_LABEL]: RuleTarget.STRIMZI, [KAFKA_CLUSTER_LABEL]: name };
    this.denyIngress = ingressNetworkPolicy(this, 'DenyIngress', `${name}-deny-ingress`, labels, { matchLabels: { [STRIMZI_CLUSTER_LABEL]: name } });
    this.allowPrometheus = ingressNetworkPolicy(this, 'AllowPrometheus', `${name}-allow-prometheus`, labels, {
      matchLabels: { [STRIMZI_CLUSTER_LABEL]: name },
      matchExpressions: [{ key: 'strimzi.io/name', operator: 'In', values: [`${name}-kafka`, `${name}-kafka-exporter`] }],
    }, [{
      from: props.prometheusNetworks.map((n) => networkPolicyPeerOf(n, `${this.path}/AllowPrometheus`)),
      ports: tcpPorts(STRIMZI_METRICS_PORT),
    }]);
  }
}

/**
 * SEC-007 on Kubernetes: the metrics ports open only to declared Prometheus workloads, so at
 * least one must be declared (an ingress rule without peers would admit every pod). Both
 * Kubernetes targets check it (`StrimziSupportNetworkPolicies`, the StatefulSet target's
 * `KafkaNetworkPolicies`).
 */
export function requirePrometheusNetworks(path: string, prometheusNetworks: readonly ClientNetwork[]): void {
  KafkaIacError.nonEmpty(prometheusNetworks, {
    code: 'SEC-007', path, prop: 'prometheusNetworks',
    expected: 'at least one declared Prometheus workload',
    fix: "Set prometheusNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' } })].",
  });
}

/**
 * A declared client network as a NetworkPolicy peer (also the shape of Strimzi's
 * `networkPolicyPeers`). Security groups do not exist on Kubernetes.
 */
export function networkPolicyPeerOf(network: ClientNetwork, path: string): NetworkPolicyPeer {
  switch (network.kind) {
    case ClientNetworkKind.CIDR:
      return { ipBlock: { cidr: network.value } };
    case ClientNetworkKind.KUBERNETES_PEER: {
      const peer: { namespaceSelector?: { matchLabels: Record<string, string> }; podSelector?: { matchLabels: Record<string, string> } } = {};
      if (Object.keys(network.namespaceLabels).length > 0) peer.namespaceSelector = { matchLabels: { ...network.namespaceLabels } };
      if (Object.keys(network.podLabels).length > 0) peer.podSelector = { matchLabels: { ...network.podLabels } };
      return peer;
    }
    default:
      throw KafkaIacError.invalidProp({
        code: 'SEC-007', path, prop: 'clientNetworks', found: `${network.kind} ${network.value}`,
        expected: 'a Kubernetes peer (namespace and/or pod labels) or a CIDR block; security groups are AWS-only',
        fix: "Use ClientNetwork.kubernetesPeer({ podLabels: { app: 'orders' } }).",
      });
  }
}
