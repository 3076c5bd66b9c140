"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StrimziSupportNetworkPolicies = exports.STRIMZI_METRICS_PORT = void 0;
exports.networkPolicyPeerOf = networkPolicyPeerOf;
const k8s_1 = require("cdk8s-plus-27/lib/imports/k8s");
const constructs_1 = require("constructs");
const client_network_1 = require("../../model/client-network");
const errors_1 = require("../../model/errors");
const rule_target_1 = require("../../contract/rule-target");
const vocabulary_1 = require("../../contract/vocabulary");
/** The port of the JMX exporter in Kafka pods and of Kafka Exporter, both named `tcp-prometheus`. */
exports.STRIMZI_METRICS_PORT = 9404;
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
class StrimziSupportNetworkPolicies extends constructs_1.Construct {
    denyIngress;
    allowPrometheus;
    constructor(scope, id, props) {
        super(scope, id);
        const name = props.clusterName;
        if (props.prometheusNetworks.length === 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-007', path: this.node.path, prop: 'prometheusNetworks', found: [],
                expected: 'at least one declared Prometheus workload (a Kubernetes peer)',
                fix: "Set prometheusNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' } })].",
            });
        }
        const labels = { [vocabulary_1.TARGET_LABEL]: rule_target_1.RuleTarget.STRIMZI, [vocabulary_1.KAFKA_CLUSTER_LABEL]: name };
        this.denyIngress = new k8s_1.KubeNetworkPolicy(this, 'DenyIngress', {
            metadata: { name: `${name}-deny-ingress`, labels },
            spec: {
                podSelector: { matchLabels: { 'strimzi.io/cluster': name } },
                policyTypes: ['Ingress'],
            },
        });
        this.allowPrometheus = new k8s_1.KubeNetworkPolicy(this, 'AllowPrometheus', {
            metadata: { name: `${name}-allow-prometheus`, labels },
            spec: {
                podSelector: {
                    matchLabels: { 'strimzi.io/cluster': name },
                    matchExpressions: [{ key: 'strimzi.io/name', operator: 'In', values: [`${name}-kafka`, `${name}-kafka-exporter`] }],
                },
                policyTypes: ['Ingress'],
                ingress: [{
                        from: props.prometheusNetworks.map((n) => networkPolicyPeerOf(n, `${this.node.path}/AllowPrometheus`)),
                        ports: [{ protocol: 'TCP', port: k8s_1.IntOrString.fromNumber(exports.STRIMZI_METRICS_PORT) }],
                    }],
            },
        });
    }
}
exports.StrimziSupportNetworkPolicies = StrimziSupportNetworkPolicies;
/**
 * A declared client network as a NetworkPolicy peer (also the shape of Strimzi's
 * `networkPolicyPeers`). Security groups do not exist on Kubernetes.
 */
function networkPolicyPeerOf(network, path) {
    switch (network.kind) {
        case client_network_1.ClientNetworkKind.CIDR:
            return { ipBlock: { cidr: network.value } };
        case client_network_1.ClientNetworkKind.KUBERNETES_PEER: {
            const peer = {};
            if (Object.keys(network.namespaceLabels).length > 0)
                peer.namespaceSelector = { matchLabels: { ...network.namespaceLabels } };
            if (Object.keys(network.podLabels).length > 0)
                peer.podSelector = { matchLabels: { ...network.podLabels } };
            return peer;
        }
        default:
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-007', path, prop: 'clientNetworks', found: `${network.kind} ${network.value}`,
                expected: 'a Kubernetes peer (namespace and/or pod labels) or a CIDR block; security groups are AWS-only',
                fix: "Use ClientNetwork.kubernetesPeer({ podLabels: { app: 'orders' } }).",
            });
    }
}
