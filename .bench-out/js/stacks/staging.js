"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineStaging = defineStaging;
const capacity_plan_annotations_1 = require("../lib/contract/capacity-plan-annotations");
const client_network_1 = require("../lib/model/client-network");
const environment_1 = require("../lib/model/environment");
const kafka_prometheus_monitoring_1 = require("../lib/targets/kubernetes/kafka-prometheus-monitoring");
const staging_access_1 = require("./access/staging-access");
const staging_dr_1 = require("./staging-dr");
const shop_capacity_1 = require("./shop-capacity");
const shop_strimzi_cluster_1 = require("./shop-strimzi-cluster");
/**
 * The staging environment: Strimzi 1.2 on Kubernetes (EKS in us-east-1), production-like, so
 * every rule is in force. 3 KRaft controllers and 3 brokers over 3 zones, one SCRAM-SHA-512
 * and one mutual-TLS listener, both reachable only from the `orders` and `payments` namespaces.
 */
function defineStaging(app) {
    const environment = environment_1.Environment.staging({ name: 'staging', region: 'us-east-1' });
    const chart = app.chart(environment, 'kafka');
    const kafka = (0, shop_strimzi_cluster_1.shopStrimziCluster)(chart, {
        clusterName: 'staging-kafka',
        region: 'us-east-1',
        kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11',
        clientNetworks: [
            client_network_1.ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' }, description: 'orders services' }),
            client_network_1.ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'payments' }, description: 'payments services' }),
            client_network_1.ClientNetwork.cidr(staging_dr_1.STAGING_DR_POD_CIDR, 'MirrorMaker 2 of staging-dr (us-west-2 pods, DR replication)'),
        ],
    });
    // CAP-001..003: 200 msg/s of 1 KiB kept 7 days at RF 3 (a tenth of production).
    const plan = (0, shop_strimzi_cluster_1.shopStagingPlan)('shop-orders');
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToCluster(plan, kafka);
    plan.attachTo(environment);
    // Access (SEC-004/005): KafkaUsers and KafkaTopics from the shop's access model, client properties in dist/staging/clients/.
    const access = (0, staging_access_1.defineStagingAccess)(chart, environment, kafka.clusterName);
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToTopics(plan, access, { topics: shop_capacity_1.SHOP_PLANNED_TOPICS });
    // Monitoring (MON, SLO): PodMonitors, a PrometheusRule, promtool tests and runbooks; 3 controllers + 3 brokers.
    new kafka_prometheus_monitoring_1.KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'staging-kafka', target: kafka_prometheus_monitoring_1.KubernetesKafkaTarget.STRIMZI, expectedNodes: 6 });
    return environment;
}
