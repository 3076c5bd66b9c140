"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineProduction = defineProduction;
exports.productionReplicationSource = productionReplicationSource;
const capacity_plan_annotations_1 = require("../lib/contract/capacity-plan-annotations");
const msk_cloudwatch_alarms_1 = require("../lib/targets/msk/msk-cloudwatch-alarms");
const msk_cluster_1 = require("../lib/targets/msk/msk-cluster");
const msk_scram_user_1 = require("../lib/targets/msk/msk-scram-user");
const kafka_network_1 = require("../lib/targets/msk/kafka-network");
const msk_replication_source_1 = require("../lib/targets/msk/msk-replication-source");
const client_authentication_1 = require("../lib/model/client-authentication");
const client_network_1 = require("../lib/model/client-network");
const environment_1 = require("../lib/model/environment");
const errors_1 = require("../lib/model/errors");
const kafka_version_1 = require("../lib/model/kafka-version");
const msk_prometheus_monitoring_1 = require("../lib/targets/msk/msk-prometheus-monitoring");
const production_access_1 = require("./access/production-access");
const shop_capacity_1 = require("./shop-capacity");
/**
 * The production environment: MSK in us-east-1 with 6 brokers over 3 zones, SCRAM and IAM
 * clients from the application VPC (10.20.0.0/16), scraped by Prometheus from the
 * monitoring subnet (10.30.8.0/24).
 */
function defineProduction(app) {
    const environment = environment_1.Environment.production({ name: 'production', region: 'us-east-1' });
    const stack = app.stack(environment);
    // CAP-001..003: the shop's production plan (stacks/shop-capacity.ts).
    const plan = (0, shop_capacity_1.shopProductionPlan)();
    const network = new kafka_network_1.KafkaNetwork(stack, 'Network', {
        cidrBlock: '10.40.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
        clientNetworks: [client_network_1.ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
        prometheusSources: [client_network_1.ClientNetwork.cidr('10.30.8.0/24', 'Prometheus monitoring subnet')],
    });
    const kafka = new msk_cluster_1.MskCluster(stack, 'Kafka', {
        network,
        kafkaVersion: kafka_version_1.KafkaVersion.MSK_3_9_X_KRAFT,
        brokers: 6,
        instanceType: 'kafka.m7g.xlarge',
        volumeSizeGiB: 2000,
        storageAutoScaling: { maxVolumeSizeGiB: 8000, targetUtilizationPercent: 60 },
        authentication: [client_authentication_1.ClientAuthentication.scramSha512(), client_authentication_1.ClientAuthentication.iam()],
        // DR: the MSK Replicator of the dr stack reaches production over PrivateLink with IAM.
        // MSK refuses this at creation: a new cluster gets it in a second apply.
        multiVpcConnectivity: { iam: true },
    });
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToCluster(plan, kafka);
    plan.attachTo(environment);
    // Monitoring (MON, SLO): CloudWatch alarms on a KMS-encrypted SNS topic, and Prometheus rules for open monitoring.
    new msk_cloudwatch_alarms_1.MskCloudWatchAlarms(stack, 'Alarms', { clusterName: kafka.clusterName, brokers: kafka.brokers, consumerGroups: [{ group: 'orders-service', topic: 'orders' }] });
    new msk_prometheus_monitoring_1.MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers });
    const ordersService = new msk_scram_user_1.MskScramUser(stack, 'OrdersService', { cluster: kafka, userName: 'orders-service' });
    const access = (0, production_access_1.defineProductionAccess)(stack, environment, kafka, [ordersService]);
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToTopics(plan, access, { topics: shop_capacity_1.SHOP_PLANNED_TOPICS });
    // DR-001: the source side of the MSK Replicator in the dr stack (cluster policy, outputs dr takes as variables).
    replicationSources.set(environment, new msk_replication_source_1.MskReplicationSource(stack, 'ReplicationSource', { cluster: kafka }));
    return environment;
}
const replicationSources = new WeakMap();
/** The MSK Replicator source of the production example, which its DR peer (stacks/dr.ts) replicates from. */
function productionReplicationSource(production) {
    const source = replicationSources.get(production);
    if (!source) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'KIAC-ENV', path: `Environment ${production.name}`, prop: 'production', found: production.name,
            expected: 'the environment defineProduction returned', fix: 'Call defineProduction(app) first and pass its environment.',
        });
    }
    return source;
}
