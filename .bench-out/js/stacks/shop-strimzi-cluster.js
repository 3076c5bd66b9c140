"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shopStrimziCluster = shopStrimziCluster;
exports.shopStagingPlan = shopStagingPlan;
const client_authentication_1 = require("../lib/model/client-authentication");
const capacity_planner_1 = require("../lib/model/capacity/capacity-planner");
const client_network_1 = require("../lib/model/client-network");
const strimzi_kafka_cluster_1 = require("../lib/targets/strimzi/strimzi-kafka-cluster");
/**
 * The shop's Strimzi cluster, production-like so every rule is in force: 3 KRaft controllers
 * and 3 brokers over 3 zones, one SCRAM-SHA-512 and one mutual-TLS listener, scraped by
 * Prometheus from the `monitoring` namespace, `kafka-admin` the only super user.
 */
function shopStrimziCluster(scope, options) {
    return new strimzi_kafka_cluster_1.StrimziKafkaCluster(scope, 'Kafka', {
        clusterName: options.clusterName,
        zones: ['a', 'b', 'c'].map((zone) => `${options.region}${zone}`),
        controllers: { replicas: 3, memory: '2Gi', storageSize: '20Gi' },
        brokerPools: [{ name: 'broker', replicas: 3, memory: '8Gi', cpu: '2', storageSize: '200Gi' }],
        kmsKeyId: options.kmsKeyId,
        listeners: [
            { name: 'scram', port: 9093, authentication: client_authentication_1.ClientAuthentication.scramSha512() },
            { name: 'mtls', port: 9094, authentication: client_authentication_1.ClientAuthentication.mutualTls() },
        ],
        clientNetworks: options.clientNetworks,
        prometheusNetworks: [
            client_network_1.ClientNetwork.kubernetesPeer({
                namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
                podLabels: { 'app.kubernetes.io/name': 'prometheus' },
                description: 'Prometheus',
            }),
        ],
        admins: ['kafka-admin'],
    });
}
/**
 * CAP-001..003 for staging and its DR copy: 200 msg/s of 1 KiB kept 7 days at RF 3 (a tenth of
 * production), read by production's consumers (500 msg/s each) with as many instances as
 * production wants (12), so that keys land on the same partitions as in production and consumer
 * scaling is tested at production's width.
 */
function shopStagingPlan(name) {
    return capacity_planner_1.CapacityPlan.forWorkload({
        name, messagesPerSecond: 200, averageMessageBytes: 1_024, retentionSeconds: 7 * 24 * 3600,
        consumerMessagesPerSecond: 500, consumersWanted: 12,
    });
}
