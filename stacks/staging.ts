import { CapacityPlanAnnotations } from '../lib/contract/capacity-plan-annotations';
import type { KafkaApp } from '../lib/app/kafka-app';
import { ClientNetwork } from '../lib/model/client-network';
import { Environment } from '../lib/model/environment';
import { ClientAuthentication } from '../lib/model/client-authentication';
import type { StrimziKafkaCluster } from '../lib/targets/strimzi/strimzi-kafka-cluster';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { KafkaGrafanaDashboards } from '../lib/targets/kubernetes/kafka-grafana-dashboards';
import type { DashboardCluster } from '../lib/contract/dashboards';
import { AutoscaledCluster, ConsumerAutoscaling, ScaleTarget } from '../lib/targets/kubernetes/consumer-autoscaling';
import { defineStagingAccess } from './access/staging-access';
import { STAGING_DR_POD_CIDR } from './staging-dr';
import { SHOP_PLANNED_TOPICS } from './shop-capacity';
import { KafkaAlertRouting } from '../lib/targets/kubernetes/kafka-alert-routing';
import { shopAlertRouting } from './shop-alert-routing';
import { shopStagingPlan, shopStrimziCluster } from './shop-strimzi-cluster';

/** The staging environment and its Kafka (staging-dr's MirrorMaker 2 reads its cross-cluster listener). */
export interface StagingEnvironment {
  readonly environment: Environment;
  readonly kafka: StrimziKafkaCluster;
}

/** The listener staging-dr's MirrorMaker 2 connects to, from the us-west-2 Kubernetes cluster. */
export const STAGING_DR_LISTENER = 'dr';

/**
 * The staging environment: Strimzi 1.2 on Kubernetes (EKS in us-east-1), production-like, so
 * every rule is in force. 3 KRaft controllers and 3 brokers over 3 zones, one SCRAM-SHA-512
 * and one mutual-TLS listener, both reachable only from the `orders` and `payments` namespaces
 * (and the KEDA operator, which reads consumer lag). A third SCRAM listener, `dr` on 9095, is
 * for staging-dr's MirrorMaker 2 only: exposed to the cluster set (Multi-Cluster Services), it
 * advertises `*.svc.clusterset.local` names and its certificates carry them. Cruise Control
 * rebalances after scaling; the payments consumers scale on lag with KEDA.
 */
export function defineStaging(app: KafkaApp): StagingEnvironment {
  const environment = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const chart = app.chart(environment, 'kafka');
  const kafka = shopStrimziCluster(chart, {
    clusterName: 'staging-kafka',
    region: 'us-east-1',
    kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11',
    clientNetworks: [
      ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' }, description: 'orders services' }),
      ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'payments' }, description: 'payments services' }),
      ClientNetwork.kubernetesPeer({
        namespaceLabels: { 'kubernetes.io/metadata.name': 'keda' }, podLabels: { 'app.kubernetes.io/name': 'keda-operator' },
        description: 'KEDA operator (reads consumer lag for ConsumerAutoscaling)',
      }),
    ],
    extraListeners: [{
      name: STAGING_DR_LISTENER, port: 9095, authentication: ClientAuthentication.scramSha512(),
      clusterSet: { clusterId: 'staging-us-east-1' },
      clientNetworks: [ClientNetwork.cidr(STAGING_DR_POD_CIDR, 'MirrorMaker 2 of staging-dr (us-west-2 pods, DR replication)')],
    }],
  });
  // CAP-001..003: 200 msg/s of 1 KiB kept 7 days at RF 3 (a tenth of production).
  const plan = shopStagingPlan('shop-orders');
  CapacityPlanAnnotations.applyToCluster(plan, kafka);
  plan.attachTo(environment);
  // Access (SEC-004/005): KafkaUsers and KafkaTopics from the shop's access model, client properties in dist/staging/clients/.
  const { access, model, paymentsScaler } = defineStagingAccess(chart, environment, kafka.clusterName);
  CapacityPlanAnnotations.applyToTopics(plan, access, { topics: SHOP_PLANNED_TOPICS });
  // Consumer autoscaling (CAP-005): payments-service (namespace payments) scales on the lag of group
  // payments with KEDA, 2 to 12 replicas (orders has 12 partitions), plus CPU at 70%. KEDA's
  // TriggerAuthentication reads Secrets of its own namespace, so the platform copies the scaler's
  // KafkaUser Secret and the cluster CA into `payments` (External Secrets) under these names.
  new ConsumerAutoscaling(chart, 'PaymentsAutoscaling', {
    access: model, group: 'payments', scaler: paymentsScaler,
    workload: ScaleTarget.deployment('payments-service', 'payments'),
    cluster: AutoscaledCluster.strimzi({ clusterName: kafka.clusterName }),
    cpuUtilizationPercent: 70,
    replicatedSecrets: { credentials: 'keda-payments', clusterCa: `${kafka.clusterName}-cluster-ca-cert` },
  });
  // Monitoring (MON, SLO): PodMonitors, a PrometheusRule, promtool tests and runbooks; 3 controllers + 3 brokers.
  new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'staging-kafka', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6 });
  // Dashboards (operational, SLOs) as ConfigMaps for the Grafana sidecar.
  stagingDashboards.set(environment, new KafkaGrafanaDashboards(chart, 'Dashboards', { clusterName: 'staging-kafka' }).cluster);
  // Alert routing: critical pages through PagerDuty, warnings go to Slack (AlertmanagerConfig + dist/staging/alertmanager/).
  new KafkaAlertRouting(chart, 'AlertRouting', { routing: shopAlertRouting({ slackChannel: '#kafka-staging-alerts' }) });
  return { environment, kafka };
}

const stagingDashboards = new WeakMap<Environment, DashboardCluster>();

/** What staging's dashboards are drawn from, for the overview its DR peer (stacks/staging-dr.ts) writes. */
export function stagingDashboardCluster(staging: Environment): DashboardCluster | undefined {
  return stagingDashboards.get(staging);
}
