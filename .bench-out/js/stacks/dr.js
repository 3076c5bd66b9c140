"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineDr = defineDr;
const capacity_plan_annotations_1 = require("../lib/contract/capacity-plan-annotations");
const msk_cloudwatch_alarms_1 = require("../lib/targets/msk/msk-cloudwatch-alarms");
const msk_replicator_alarms_1 = require("../lib/targets/msk/msk-replicator-alarms");
const msk_cluster_1 = require("../lib/targets/msk/msk-cluster");
const kafka_network_1 = require("../lib/targets/msk/kafka-network");
const msk_cluster_reference_1 = require("../lib/targets/msk/msk-cluster-reference");
const msk_replicator_1 = require("../lib/targets/msk/msk-replicator");
const client_authentication_1 = require("../lib/model/client-authentication");
const client_network_1 = require("../lib/model/client-network");
const kafka_version_1 = require("../lib/model/kafka-version");
const dr_duration_1 = require("../lib/model/dr/dr-duration");
const dr_pairing_1 = require("../lib/model/dr/dr-pairing");
const dr_strategy_1 = require("../lib/model/dr/dr-strategy");
const msk_prometheus_monitoring_1 = require("../lib/targets/msk/msk-prometheus-monitoring");
const production_access_1 = require("./access/production-access");
const shop_access_1 = require("./access/shop-access");
const production_1 = require("./production");
const shop_capacity_1 = require("./shop-capacity");
/**
 * The DR peer of production: a production-profile MSK cluster in us-west-2 that follows every
 * HA and SEC rule (DR-004), kept as a hot standby by MSK Replicator (DR-001):
 * - the pairing: every topic and consumer group of the shop's access model, RPO 5 min,
 *   RTO 30 min, failover with identical topic names and synced offsets (DR-002, DR-003);
 * - the replicator in this region, reading production over multi-VPC connectivity; production's
 *   ARN and subnets come in as the variables `replication_source_cluster_arn` and
 *   `replication_source_subnet_ids`, fed from the production stack's outputs of the same names,
 *   so this stack plans without reading production's state (see docs/dr.md);
 * - MON-010 alarms on ReplicationLatency (the RPO) and MessageLag (one RPO of the planned rate);
 * - the same principals as production on this cluster (IAM policies, SCRAM users, ACLs), so
 *   applications can fail over.
 */
function defineDr(app, production) {
    const environment = production.drPeer({ name: 'dr', region: 'us-west-2' });
    const stack = app.stack(environment);
    const network = new kafka_network_1.KafkaNetwork(stack, 'Network', {
        cidrBlock: '10.41.0.0/16',
        availabilityZones: ['us-west-2a', 'us-west-2b', 'us-west-2c'],
        clientNetworks: [client_network_1.ClientNetwork.cidr('10.21.0.0/16', 'application VPC (us-west-2)')],
        prometheusSources: [client_network_1.ClientNetwork.cidr('10.31.8.0/24', 'Prometheus monitoring subnet (us-west-2)')],
    });
    const kafka = new msk_cluster_1.MskCluster(stack, 'Kafka', {
        network,
        kafkaVersion: kafka_version_1.KafkaVersion.MSK_3_9_X_KRAFT,
        brokers: 6,
        instanceType: 'kafka.m7g.xlarge',
        volumeSizeGiB: 2000,
        storageAutoScaling: { maxVolumeSizeGiB: 8000, targetUtilizationPercent: 60 },
        authentication: [client_authentication_1.ClientAuthentication.scramSha512(), client_authentication_1.ClientAuthentication.iam()],
    });
    // CAP-001..003: the DR peer holds everything production holds (the same plan as production).
    const plan = (0, shop_capacity_1.shopProductionPlan)('shop-orders (replica)');
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToCluster(plan, kafka);
    plan.attachTo(environment);
    const alarms = new msk_cloudwatch_alarms_1.MskCloudWatchAlarms(stack, 'Alarms', { clusterName: kafka.clusterName, brokers: kafka.brokers });
    new msk_prometheus_monitoring_1.MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers });
    // DR-001..003: what replicates from production, and the objectives.
    const pairing = new dr_pairing_1.DrPairing({
        primary: production,
        peer: environment,
        access: (0, shop_access_1.declareShopAccess)(production, { iamApplications: true }),
        rpo: dr_duration_1.DrDuration.minutes(5),
        rto: dr_duration_1.DrDuration.minutes(30),
        strategy: dr_strategy_1.DrStrategy.HOT_STANDBY,
    });
    const replicator = new msk_replicator_1.MskReplicator(stack, 'Replicator', {
        pairing,
        source: (0, production_1.productionReplicationSource)(production).referenceFrom(stack),
        target: msk_cluster_reference_1.MskClusterReference.fromCluster(kafka),
    });
    // MON-010: in this region, where the replicator's metrics are; on the cluster's alarm topic.
    new msk_replicator_alarms_1.MskReplicatorAlarms(stack, 'ReplicatorAlarms', {
        replicatorName: replicator.replicatorName,
        rpoSeconds: pairing.rpo.seconds,
        messagesPerSecond: shop_capacity_1.SHOP_PRODUCTION_WORKLOAD.messagesPerSecond,
        alarmTopicArn: alarms.topic.arn,
    });
    // The applications' principals on the DR cluster, so that they can fail over to it.
    const access = (0, production_access_1.defineProductionAccess)(stack, environment, kafka);
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToTopics(plan, access, { topics: shop_capacity_1.SHOP_PLANNED_TOPICS });
    return environment;
}
