"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildSeedPlatform = buildSeedPlatform;
const capacity_plan_annotations_1 = require("../lib/contract/capacity-plan-annotations");
const kafka_app_1 = require("../lib/app/kafka-app");
const msk_cloudwatch_alarms_1 = require("../lib/targets/msk/msk-cloudwatch-alarms");
const msk_cluster_1 = require("../lib/targets/msk/msk-cluster");
const kafka_network_1 = require("../lib/targets/msk/kafka-network");
const capacity_planner_1 = require("../lib/model/capacity/capacity-planner");
const client_authentication_1 = require("../lib/model/client-authentication");
const client_network_1 = require("../lib/model/client-network");
const environment_1 = require("../lib/model/environment");
const kafka_version_1 = require("../lib/model/kafka-version");
const strimzi_kafka_cluster_1 = require("../lib/targets/strimzi/strimzi-kafka-cluster");
const kafka_prometheus_monitoring_1 = require("../lib/targets/kubernetes/kafka-prometheus-monitoring");
const msk_prometheus_monitoring_1 = require("../lib/targets/msk/msk-prometheus-monitoring");
const access_model_1 = require("../lib/model/access/access-model");
const msk_access_1 = require("../lib/targets/msk/msk-access");
const strimzi_access_1 = require("../lib/targets/strimzi/strimzi-access");
/**
 * Builds the platform. Where a target's construct has not landed yet, the generator writes the
 * same kind of resources itself (marked "stand-in" in `parts`), so the rules still see every
 * document a real platform would have.
 */
function buildSeedPlatform(props) {
    const app = new kafka_app_1.KafkaApp({ terraformOutdir: props.terraformOutdir, distDir: props.distDir });
    const east = environment_1.Environment.production({ name: 'seed-us-east-1', region: 'us-east-1' });
    const west = environment_1.Environment.production({ name: 'seed-us-west-2', region: 'us-west-2' });
    const eu = environment_1.Environment.production({ name: 'seed-eu-west-1', region: 'eu-west-1' });
    const clusters = [
        { environment: east, kind: 'msk', name: 'orders' },
        { environment: east, kind: 'strimzi', name: 'events' },
        { environment: west, kind: 'msk', name: 'payments' },
        { environment: west, kind: 'strimzi', name: 'analytics' },
        { environment: eu, kind: 'strimzi', name: 'logistics' },
    ];
    const plan = capacity_planner_1.CapacityPlan.forWorkload({
        name: 'seed-001', messagesPerSecond: 60_000, averageMessageBytes: 1024, retentionSeconds: 3 * 24 * 3600,
        brokerCapacityMessagesPerSecond: 10_000, consumerMessagesPerSecond: 2_000, consumersWanted: 12,
    });
    // One access model per cluster: topics round-robin, a producer per 4 topics, a consumer group
    // (with its own principal) per 4 topics.
    const models = clusters.map((c) => new access_model_1.AccessModel({ environment: c.environment, name: `${c.environment.name}/${c.name}` }));
    let principals = 0;
    let groups = 0;
    for (let i = 0; i < props.topics; i++) {
        const c = i % clusters.length;
        const model = models[c];
        const topic = model.addTopic(`t${i}.events`, { partitions: plan.partitionsPerTopic });
        const block = Math.floor(i / clusters.length);
        const auth = clusters[c].kind === 'msk' ? client_authentication_1.ClientAuthentication.iam() : client_authentication_1.ClientAuthentication.scramSha512();
        if (block % 4 === 0) {
            model.addPrincipal(`producer-${i}`, { authentication: auth });
            model.addPrincipal(`consumer-${i}`, { authentication: auth });
            principals += 2;
            groups++;
        }
        const owner = i - clusters.length * (block % 4);
        topic.grantProduce(model.principal(`producer-${owner}`));
        topic.grantConsume(model.principal(`consumer-${owner}`), { group: `group-${owner}` });
    }
    const stacks = new Map();
    const charts = new Map();
    clusters.forEach((c, i) => {
        const model = models[i];
        if (c.kind === 'msk') {
            let stack = stacks.get(c.environment);
            if (!stack) {
                stack = app.stack(c.environment);
                stacks.set(c.environment, stack);
            }
            const network = new kafka_network_1.KafkaNetwork(stack, `${c.name}-network`, {
                cidrBlock: `10.${40 + i}.0.0/16`,
                availabilityZones: ['a', 'b', 'c'].map((z) => `${c.environment.region}${z}`),
                clientNetworks: [client_network_1.ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
                prometheusSources: [client_network_1.ClientNetwork.cidr('10.30.8.0/24', 'Prometheus monitoring subnet')],
            });
            const cluster = new msk_cluster_1.MskCluster(stack, c.name, {
                network, clusterName: `${c.environment.name}-${c.name}`, kafkaVersion: kafka_version_1.KafkaVersion.MSK_3_9_X_KRAFT,
                brokers: plan.brokers, instanceType: 'kafka.m7g.xlarge', volumeSizeGiB: plan.storagePerBrokerGiB,
                authentication: [client_authentication_1.ClientAuthentication.iam()],
            });
            capacity_plan_annotations_1.CapacityPlanAnnotations.applyToCluster(plan, cluster);
            // IAM policies per principal, admin command lines for topics and ACLs, client properties.
            new msk_access_1.MskAccess(stack, `${c.name}-access`, { model, cluster });
            // Monitoring: CloudWatch alarms (MON), MON and SLO rules for MSK open monitoring, promtool tests, scrape config.
            new msk_cloudwatch_alarms_1.MskCloudWatchAlarms(stack, `${c.name}-alarms`, { clusterName: cluster.clusterName, brokers: cluster.brokers });
            new msk_prometheus_monitoring_1.MskPrometheusMonitoring(stack, `${c.name}-monitoring`, { clusterName: cluster.clusterName, brokers: cluster.brokers });
        }
        else {
            let chart = charts.get(c.environment);
            if (!chart) {
                chart = app.chart(c.environment, 'kafka');
                charts.set(c.environment, chart);
            }
            strimziCluster(chart, c.name, model, plan);
        }
        plan.attachTo(c.environment);
    });
    return {
        app, clusters: clusters.length, topics: props.topics, groups, principals,
        parts: [
            'MSK: KafkaNetwork + MskCluster + MskAccess (IAM policy per principal, admin artefacts, client properties): library constructs',
            'Strimzi: StrimziKafkaCluster (Kafka, node pools, StorageClass, NetworkPolicies, metrics) + StrimziAccess (KafkaTopic, KafkaUser, client-properties ConfigMap per principal): library constructs',
            'monitoring: MskCloudWatchAlarms and MskPrometheusMonitoring per MSK cluster, KafkaPrometheusMonitoring (PodMonitors, PrometheusRule) per Strimzi cluster, with promtool tests and runbooks',
        ],
    };
}
/** A Strimzi cluster (StrimziKafkaCluster) sized from the plan, and its access model through StrimziAccess. */
function strimziCluster(scope, name, model, plan) {
    const cluster = new strimzi_kafka_cluster_1.StrimziKafkaCluster(scope, name, {
        clusterName: name,
        brokerPools: [{ replicas: plan.brokers, storageSize: `${plan.storagePerBrokerGiB}Gi` }],
        clientNetworks: [client_network_1.ClientNetwork.kubernetesPeer({ podLabels: { 'app.kubernetes.io/part-of': 'seed-apps' }, description: 'seed applications' })],
        kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    });
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToCluster(plan, cluster);
    // Monitoring: PodMonitors and a PrometheusRule (MON and SLO rules) plus promtool tests.
    new kafka_prometheus_monitoring_1.KafkaPrometheusMonitoring(scope, `${name}-monitoring`, { clusterName: name, target: kafka_prometheus_monitoring_1.KubernetesKafkaTarget.STRIMZI, expectedNodes: cluster.brokers + 3 });
    const access = new strimzi_access_1.StrimziAccess(scope, `${name}-access`, { model, clusterName: name });
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToTopics(plan, access);
}
