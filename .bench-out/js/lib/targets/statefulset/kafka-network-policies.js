"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaNetworkPolicies = void 0;
const k8s_1 = require("cdk8s-plus-27/lib/imports/k8s");
const constructs_1 = require("constructs");
const errors_1 = require("../../model/errors");
const strimzi_support_network_policies_1 = require("../kubernetes/strimzi-support-network-policies");
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
class KafkaNetworkPolicies extends constructs_1.Construct {
    denyIngress;
    allowClients;
    allowReplication;
    allowControllers;
    allowPrometheus;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        const name = props.clusterName;
        if (props.prometheusNetworks.length === 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-007', path, prop: 'prometheusNetworks', found: [],
                expected: 'at least one declared Prometheus workload',
                fix: "Set prometheusNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' } })].",
            });
        }
        for (const l of props.listeners) {
            if (l.clientNetworks.length === 0) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-007', path: `${path} listener ${l.name}`, prop: 'clientNetworks', found: [],
                    expected: 'at least one declared client workload; a rule without peers admits every pod',
                    fix: "Set clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })].",
                });
            }
        }
        const internal = (props.internalClients ?? []).map((labels) => ({ podSelector: { matchLabels: { ...labels } } }));
        const policy = (cid, suffix, podSelector, ingress) => new k8s_1.KubeNetworkPolicy(this, cid, {
            metadata: { name: `${name}-${suffix}`, labels: { ...props.labels } },
            spec: { podSelector: { matchLabels: { ...podSelector } }, policyTypes: ['Ingress'], ...(ingress ? { ingress } : {}) },
        });
        const tcp = (port) => [{ protocol: 'TCP', port: k8s_1.IntOrString.fromNumber(port) }];
        this.denyIngress = policy('DenyIngress', 'deny-ingress', props.clusterPodSelector);
        this.allowClients = policy('AllowClients', 'allow-clients', props.brokerPodSelector, props.listeners.map((l) => ({
            from: [...l.clientNetworks.map((n) => (0, strimzi_support_network_policies_1.networkPolicyPeerOf)(n, `${path}/AllowClients`)), ...internal],
            ports: tcp(l.port),
        })));
        this.allowReplication = policy('AllowReplication', 'allow-replication', props.brokerPodSelector, [{
                from: [{ podSelector: { matchLabels: { ...props.brokerPodSelector } } }],
                ports: tcp(props.replicationPort),
            }]);
        this.allowControllers = policy('AllowControllers', 'allow-controllers', props.controllerPodSelector, [{
                from: [
                    { podSelector: { matchLabels: { ...props.brokerPodSelector } } },
                    { podSelector: { matchLabels: { ...props.controllerPodSelector } } },
                ],
                ports: tcp(props.controllerPort),
            }]);
        const prometheus = props.prometheusNetworks.map((n) => (0, strimzi_support_network_policies_1.networkPolicyPeerOf)(n, `${path}/AllowPrometheus`));
        this.allowPrometheus = policy('AllowPrometheus', 'allow-prometheus', props.clusterPodSelector, props.metricsEndpoints.map((m) => ({
            from: prometheus,
            ports: tcp(m.port),
        })));
    }
}
exports.KafkaNetworkPolicies = KafkaNetworkPolicies;
