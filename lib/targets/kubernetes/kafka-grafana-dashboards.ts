import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { linkedClusterDashboards } from '../../contract/linked-dashboards';
import { KafkaIacError } from '../../model/errors';
import { CapacityPlan } from '../../model/capacity/capacity-planner';
import {
  dashboardFileName, monitorsReplication, checkedOverviewDashboard, renderDashboard,
  type BuiltDashboard, type DashboardCluster, type DashboardKind, type GrafanaDashboardOptions,
} from '../../contract/dashboards';
import { DASHBOARD_KIND_LABEL, GRAFANA_DASHBOARD_LABEL, GRAFANA_DASHBOARD_LABEL_VALUE, KAFKA_CLUSTER_LABEL } from '../../contract/vocabulary';
import { KafkaPrometheusMonitoring } from './kafka-prometheus-monitoring';

/** Props of `KafkaGrafanaDashboards`: the monitored cluster whose dashboards are written as sidecar ConfigMaps. */
export interface KafkaGrafanaDashboardsProps extends GrafanaDashboardOptions {
  /** The cluster whose `KafkaPrometheusMonitoring` (in the same chart) the dashboards read. */
  readonly clusterName: string;
  /**
   * The DR dashboard (replication latency against the RPO). It needs the cluster's monitoring
   * to scrape a DR pairing's MirrorMaker 2 (`replicationRpo`).
   * @default - a DR dashboard when the monitoring scrapes a DR pairing
   */
  readonly dr?: boolean;
  /**
   * The labels the Grafana sidecar selects dashboard ConfigMaps by.
   * @default { grafana_dashboard: '1' } - the grafana and kube-prometheus-stack charts' sidecar default
   * @see https://github.com/grafana/helm-charts/tree/main/charts/grafana#sidecar-for-dashboards
   */
  readonly sidecarLabels?: Readonly<Record<string, string>>;
}

/**
 * The Grafana dashboards of a Kafka cluster on Kubernetes (Strimzi or StatefulSet), as
 * ConfigMaps the Grafana sidecar loads (label `grafana_dashboard: "1"`), in the chart's
 * manifests and so in `dist/<env>/kustomization.yaml`: operational, SLOs, and DR when a pairing
 * is monitored. Every panel reads the selectors and SLO recording rules of the cluster's
 * `KafkaPrometheusMonitoring`; each dashboard has a `datasource` variable for the Prometheus.
 */
export class KafkaGrafanaDashboards extends KafkaIacConstruct {
  /** What the dashboards are drawn from; pass it to `KafkaOverviewDashboard`. */
  public readonly cluster: DashboardCluster;
  /** The dashboards, built. */
  public readonly dashboards: readonly BuiltDashboard[];
  /** One ConfigMap per dashboard, by kind. Escape hatch: `addJsonPatch`. */
  public readonly configMaps: ReadonlyMap<DashboardKind, ApiObject>;

  public constructor(scope: Construct, id: string, props: KafkaGrafanaDashboardsProps) {
    super(scope, id);
    const monitoring = Chart.of(this).node.findAll()
      .find((c): c is KafkaPrometheusMonitoring => c instanceof KafkaPrometheusMonitoring && c.clusterName === props.clusterName);
    if (!monitoring) throw KafkaIacError.dashboardWithoutMonitoring(this.path, props.clusterName, 'KafkaPrometheusMonitoring');
    this.cluster = {
      identity: monitoring.identity, metrics: monitoring.metrics, expectedNodes: monitoring.expectedNodes, slos: monitoring.slos,
      capacityPlans: props.capacityPlans ?? CapacityPlan.attachedTo(this.environment), replicationRpo: monitoring.replicationRpo,
    };
    const dr = props.dr ?? monitorsReplication(this.cluster);
    if (dr && !monitorsReplication(this.cluster)) {
      throw KafkaIacError.drDashboardWithoutPairing(this.path, props.clusterName, 'replicationRpo on its KafkaPrometheusMonitoring (the DR pairing\'s RPO), so that MirrorMaker 2 is scraped');
    }
    this.dashboards = linkedClusterDashboards(this.environment, this.path, this.cluster, dr, monitoring.groups, props.grafanaUrl);
    const labels = { ...(props.sidecarLabels ?? { [GRAFANA_DASHBOARD_LABEL]: GRAFANA_DASHBOARD_LABEL_VALUE }), [KAFKA_CLUSTER_LABEL]: props.clusterName };
    const maps = new Map<DashboardKind, ApiObject>();
    for (const d of this.dashboards) maps.set(d.kind, dashboardConfigMap(this, `${props.clusterName}-dashboard-${d.kind}`, d, labels));
    this.configMaps = maps;
  }
}

/** Props of a `KafkaOverviewDashboard`: the clusters of the multi-cluster overview. */
export interface KafkaOverviewDashboardProps {
  /** Names the overview (its title and ConfigMap): the app or the pair of environments. */
  readonly name: string;
  /** The clusters, each from its dashboards' `.cluster` (they may be in other environments: point the datasource at a Prometheus that sees them all). */
  readonly clusters: readonly DashboardCluster[];
  /**
   * @default { grafana_dashboard: '1' }
   */
  readonly sidecarLabels?: Readonly<Record<string, string>>;
}

/** A multi-cluster overview as a ConfigMap for the Grafana sidecar: one row per cluster. */
export class KafkaOverviewDashboard extends KafkaIacConstruct {
  public readonly dashboard: BuiltDashboard;
  /** The ConfigMap (`Resource`). */
  public readonly resource: ApiObject;

  public constructor(scope: Construct, id: string, props: KafkaOverviewDashboardProps) {
    super(scope, id);
    this.dashboard = checkedOverviewDashboard(this.path, props.name, props.clusters);
    this.resource = dashboardConfigMap(this, `${props.name}-dashboard-overview`, this.dashboard, props.sidecarLabels ?? { [GRAFANA_DASHBOARD_LABEL]: GRAFANA_DASHBOARD_LABEL_VALUE }, 'Resource');
  }
}

function dashboardConfigMap(scope: Construct, name: string, d: BuiltDashboard, labels: Readonly<Record<string, string>>, id: string = d.kind): ApiObject {
  return new ApiObject(scope, id, {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name, labels: { ...labels, [DASHBOARD_KIND_LABEL]: d.kind } },
    data: { [dashboardFileName(d)]: renderDashboard(d) },
  });
}
