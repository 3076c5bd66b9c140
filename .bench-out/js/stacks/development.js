"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineDevelopment = defineDevelopment;
const capacity_plan_annotations_1 = require("../lib/contract/capacity-plan-annotations");
const client_authentication_1 = require("../lib/model/client-authentication");
const capacity_planner_1 = require("../lib/model/capacity/capacity-planner");
const client_network_1 = require("../lib/model/client-network");
const environment_1 = require("../lib/model/environment");
const kafka_statefulset_cluster_1 = require("../lib/targets/statefulset/kafka-statefulset-cluster");
const kafka_prometheus_monitoring_1 = require("../lib/targets/kubernetes/kafka-prometheus-monitoring");
const statefulset_access_job_1 = require("../lib/targets/statefulset/statefulset-access-job");
const shop_access_1 = require("./access/shop-access");
const shop_capacity_1 = require("./shop-capacity");
/**
 * The development environment: plain Kubernetes StatefulSets with the official `apache/kafka`
 * image, no operator. One combined KRaft node (controller and broker): the HA rules are relaxed
 * here and report warnings; every other rule (TLS, authentication, ACLs, secrets, encryption,
 * NetworkPolicies) is in force.
 */
function defineDevelopment(app) {
    const environment = environment_1.Environment.development({ name: 'development', region: 'us-east-1' });
    const chart = app.chart(environment, 'kafka');
    const kafka = new kafka_statefulset_cluster_1.KafkaStatefulSetCluster(chart, 'Kafka', {
        clusterName: 'dev-kafka',
        combinedNode: true,
        brokers: { memory: '4Gi', cpu: '1', storageSize: '20Gi' },
        kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
        listeners: [
            { name: 'scram', port: 9093, authentication: client_authentication_1.ClientAuthentication.scramSha512() },
            { name: 'mtls', port: 9094, authentication: client_authentication_1.ClientAuthentication.mutualTls() },
        ],
        clientNetworks: [
            client_network_1.ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders-dev' }, description: 'orders services (dev)' }),
        ],
        prometheusNetworks: [
            client_network_1.ClientNetwork.kubernetesPeer({
                namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
                podLabels: { 'app.kubernetes.io/name': 'prometheus' },
                description: 'Prometheus',
            }),
        ],
        admins: ['kafka-admin'],
    });
    // CAP-001..003: 10 msg/s of 1 KiB kept 7 days on one node (RF 1, one zone), read by one consumer of 500 msg/s.
    const plan = capacity_planner_1.CapacityPlan.forWorkload({
        name: 'shop-orders (dev)', messagesPerSecond: 10, averageMessageBytes: 1_024, retentionSeconds: 7 * 24 * 3600,
        replicationFactor: 1, zones: 1, minimumBrokers: 1, consumerMessagesPerSecond: 500, consumersWanted: 1,
    });
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToCluster(plan, kafka);
    plan.attachTo(environment);
    // Access (SEC-004/005): the shop's topics (RF 1 on the single node) and ACLs, applied by a Job with the image's own admin tools.
    const access = new statefulset_access_job_1.StatefulSetAccessJob(chart, 'Access', {
        model: (0, shop_access_1.declareShopAccess)(environment, { iamApplications: false, replication: { replicationFactor: 1, minInsyncReplicas: 1 } }),
        clusterName: kafka.clusterName,
        image: kafka.image,
        bootstrapServers: kafka.bootstrapServers,
        adminSecretName: kafka.adminSecretNames.get('kafka-admin'),
        clusterCaSecretName: kafka.caCertificateSecretName,
    });
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToTopics(plan, access, { topics: shop_capacity_1.SHOP_PLANNED_TOPICS });
    // Monitoring (MON, SLO): PodMonitors, a PrometheusRule, promtool tests and runbooks; one combined node.
    new kafka_prometheus_monitoring_1.KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'dev-kafka', target: kafka_prometheus_monitoring_1.KubernetesKafkaTarget.STATEFULSET, expectedNodes: 1 });
    return environment;
}
