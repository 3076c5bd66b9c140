"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STAGING_DR_POD_CIDR = void 0;
exports.defineStagingDr = defineStagingDr;
const capacity_plan_annotations_1 = require("../lib/contract/capacity-plan-annotations");
const client_authentication_1 = require("../lib/model/client-authentication");
const client_network_1 = require("../lib/model/client-network");
const dr_duration_1 = require("../lib/model/dr/dr-duration");
const dr_pairing_1 = require("../lib/model/dr/dr-pairing");
const dr_strategy_1 = require("../lib/model/dr/dr-strategy");
const mirror_maker_2_access_1 = require("../lib/model/dr/mirror-maker-2-access");
const kafka_strimzi_io_1 = require("../lib/imports/kafka.strimzi.io");
const mirror_maker_2_cluster_1 = require("../lib/targets/strimzi/mirror-maker-2-cluster");
const strimzi_mirror_maker_2_1 = require("../lib/targets/strimzi/strimzi-mirror-maker-2");
const kafka_prometheus_monitoring_1 = require("../lib/targets/kubernetes/kafka-prometheus-monitoring");
const prometheus_duration_1 = require("../lib/model/monitoring/prometheus-duration");
const strimzi_access_1 = require("../lib/targets/strimzi/strimzi-access");
const shop_access_1 = require("./access/shop-access");
const shop_capacity_1 = require("./shop-capacity");
const shop_strimzi_cluster_1 = require("./shop-strimzi-cluster");
/** The staging cluster's name and its bootstrap address as the us-west-2 Kubernetes cluster reaches it (a multi-cluster Service). */
const STAGING_CLUSTER = 'staging-kafka';
const STAGING_BOOTSTRAP = `${STAGING_CLUSTER}-kafka-bootstrap.kafka.svc.clusterset.local:9093`;
/** The pod network of the us-west-2 Kubernetes cluster, admitted by staging's listeners (stacks/staging.ts). */
exports.STAGING_DR_POD_CIDR = '10.61.0.0/16';
/**
 * The DR peer of staging: `staging-dr`, a production-profile Strimzi cluster in us-west-2
 * (DR-001, DR-004), kept in warm standby by MirrorMaker 2 (Strimzi to Strimzi):
 * - the pairing: every topic and consumer group of the shop model, identity names (failover),
 *   offsets synced, RPO 5 minutes, RTO 30 minutes (DR-002, DR-003);
 * - on staging (`dist/staging/dr-source.k8s.yaml`): the MirrorMaker 2 source principal, read-only
 *   (the offset-syncs topic lives on the target);
 * - on staging-dr: the DR cluster with the same topics and users as staging, the MirrorMaker 2
 *   target principal, the `KafkaMirrorMaker2`, MON-010 alerts at the RPO with promtool tests and
 *   runbooks, and the drill (`dist/staging-dr/dr-drill-staging-to-staging-dr.md`).
 *
 * Prerequisites outside this code: staging's brokers reachable from us-west-2 (multi-cluster
 * Services, with the brokers' advertised addresses resolvable there), and two Secrets copied into
 * staging-dr's namespace: `staging-kafka-cluster-ca-cert` and `staging-mirror-maker-2` (the source
 * principal's password, created by staging's User Operator).
 */
function defineStagingDr(app, staging) {
    const peer = staging.drPeer({ name: 'staging-dr', region: 'us-west-2' });
    // The topics and groups of staging, declared by the same function staging renders its access from.
    const stagingAccess = (0, shop_access_1.declareShopAccess)(staging, { iamApplications: false });
    const pairing = new dr_pairing_1.DrPairing({
        primary: staging, peer, access: stagingAccess,
        rpo: dr_duration_1.DrDuration.minutes(5), rto: dr_duration_1.DrDuration.minutes(30), strategy: dr_strategy_1.DrStrategy.WARM_STANDBY,
    });
    // On staging: the MirrorMaker 2 source principal (Read/Describe/DescribeConfigs on the topics, Describe on the groups and the cluster).
    const sourcePrincipal = mirror_maker_2_access_1.MirrorMaker2Access.addSourcePrincipal(pairing, { authentication: client_authentication_1.ClientAuthentication.scramSha512() });
    const sourceChart = app.chart(staging, 'dr-source');
    const sourceUser = (0, strimzi_access_1.renderKafkaUser)(sourcePrincipal, STAGING_CLUSTER, sourceChart.node.path);
    new kafka_strimzi_io_1.KafkaUser(sourceChart, 'MirrorMaker2User', { metadata: sourceUser.metadata, spec: sourceUser.spec });
    // On staging-dr: the DR cluster, sized and secured as staging (every HA and SEC rule, production profile).
    const chart = app.chart(peer, 'kafka');
    const mm2Name = `mm2-${pairing.name}`;
    const kafka = (0, shop_strimzi_cluster_1.shopStrimziCluster)(chart, {
        clusterName: 'staging-dr-kafka',
        region: 'us-west-2',
        kmsKeyId: 'arn:aws:kms:us-west-2:111122223333:key/0a6d3c55-2f1e-4b8a-9d47-5e2c1b7f9a30',
        clientNetworks: [
            client_network_1.ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' }, description: 'orders services (after failover)' }),
            client_network_1.ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'payments' }, description: 'payments services (after failover)' }),
            strimzi_mirror_maker_2_1.StrimziMirrorMaker2.clientNetwork(mm2Name),
        ],
    });
    // CAP-001..003: the DR copy holds everything staging holds (the same plan).
    const plan = (0, shop_strimzi_cluster_1.shopStagingPlan)('shop-orders (replica)');
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToCluster(plan, kafka);
    plan.attachTo(peer);
    // Access: the shop's topics and users (for clients after failover) and the MirrorMaker 2 target principal.
    const peerAccess = (0, shop_access_1.declareShopAccess)(peer, { iamApplications: false });
    const targetPrincipal = mirror_maker_2_access_1.MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication: client_authentication_1.ClientAuthentication.scramSha512() });
    const access = new strimzi_access_1.StrimziAccess(chart, 'Access', { model: peerAccess, clusterName: kafka.clusterName });
    capacity_plan_annotations_1.CapacityPlanAnnotations.applyToTopics(plan, access, { topics: shop_capacity_1.SHOP_PLANNED_TOPICS });
    // Replication (DR-001..005): MirrorMaker 2 next to the DR cluster; the drill document comes with it.
    const mm2 = new strimzi_mirror_maker_2_1.StrimziMirrorMaker2(chart, 'MirrorMaker2', {
        pairing,
        name: mm2Name,
        source: mirror_maker_2_cluster_1.MirrorMaker2Cluster.strimzi({
            clusterName: STAGING_CLUSTER, principal: sourcePrincipal,
            bootstrapServers: STAGING_BOOTSTRAP, credentialsSecret: `staging-${sourcePrincipal.name}`,
        }),
        target: mirror_maker_2_cluster_1.MirrorMaker2Cluster.strimzi({ clusterName: kafka.clusterName, principal: targetPrincipal }),
    });
    // Monitoring (MON, SLO) with MON-010 at the RPO on the MirrorMaker 2 pods; 3 controllers + 3 brokers.
    new kafka_prometheus_monitoring_1.KafkaPrometheusMonitoring(chart, 'Monitoring', {
        clusterName: kafka.clusterName, target: kafka_prometheus_monitoring_1.KubernetesKafkaTarget.STRIMZI, expectedNodes: 6,
        replicationRpo: prometheus_duration_1.PrometheusDuration.seconds(pairing.rpo.seconds), mirrorMakerSelector: mm2.podSelector,
    });
    return peer;
}
