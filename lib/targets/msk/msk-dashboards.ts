import type { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import type { CloudwatchMetricAlarm, CloudwatchMetricAlarmMetricQuery } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { Environment } from '../../model/environment';
import { linkedClusterDashboards } from '../../contract/linked-dashboards';
import { KafkaIacError } from '../../model/errors';
import { CapacityPlan } from '../../model/capacity/capacity-planner';
import { compareEnglish } from '../../model/english-order';
import {
  DASHBOARD_DIR, dashboardFileName, checkedOverviewDashboard, renderDashboard,
  type BuiltDashboard, type DashboardCluster, type GrafanaDashboardOptions,
} from '../../contract/dashboards';
import { MSK_REPLICATOR_DIMENSION, MSK_REPLICATOR_LAG_METRIC, MSK_REPLICATOR_LATENCY_METRIC } from '../../contract/msk-replicator-markers';
import { RULE_TAG } from '../../contract/vocabulary';
import { writeCompactJson } from '../../contract/writers/json';
import { terraformLiteral, terraformText } from '../../contract/writers/terraform';
import { MskCloudWatchAlarms } from './msk-cloudwatch-alarms';
import { MskPrometheusMonitoring } from './msk-prometheus-monitoring';
import { MskReplicatorAlarms } from './msk-replicator-alarms';
import { CloudwatchDashboardClass } from './aws-provider-classes';

/** Props of `MskDashboards`: the MSK cluster whose Grafana files and CloudWatch dashboard are written. */
export interface MskDashboardsProps extends GrafanaDashboardOptions {
  /** The MSK cluster whose `MskPrometheusMonitoring` (and `MskCloudWatchAlarms`) in the same stack the dashboards read. */
  readonly clusterName: string;
  /**
   * The DR section of the CloudWatch dashboard: MSK Replicator's ReplicationLatency against the
   * RPO and its MessageLag, from the `MskReplicatorAlarms` of the stack (in the replicator's region).
   * @default - a DR section when the stack has MskReplicatorAlarms
   */
  readonly dr?: boolean;
}

const NS = 'AWS/Kafka';
const WIDTH = 8;
const HEIGHT = 6;

/**
 * The dashboards of an MSK cluster:
 * - for its open-monitoring Prometheus, the Grafana dashboards (operational, SLOs) as JSON files
 *   in `dist/<env>/grafana/`, reading the selectors and SLO recording rules of its
 *   `MskPrometheusMonitoring`;
 * - an `aws_cloudwatch_dashboard` (`CloudWatchDashboard`) with one widget per CloudWatch alarm of
 *   its `MskCloudWatchAlarms`, drawing the alarm's own metric or metric math against the alarm
 *   threshold, and, with a replicator in the stack, MSK Replicator's ReplicationLatency against
 *   the RPO and MessageLag against its threshold.
 * Declare it after the monitoring and the alarms.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
export class MskDashboards extends KafkaIacConstruct {
  /** What the Grafana dashboards are drawn from; pass it to `MskOverviewDashboard`. */
  public readonly cluster: DashboardCluster;
  /** The Grafana dashboards, built. */
  public readonly dashboards: readonly BuiltDashboard[];
  /** `dist/<env>/` relative paths of the Grafana dashboard files. */
  public readonly files: readonly string[];
  /** The CloudWatch dashboard, when the stack has the cluster's alarms or a replicator's. Escape hatch: `addOverride`. */
  public readonly cloudWatchDashboard?: CloudwatchDashboard;

  public constructor(scope: Construct, id: string, props: MskDashboardsProps) {
    super(scope, id);
    const found = TerraformStack.of(this).node.findAll();
    const monitoring = found.find((c): c is MskPrometheusMonitoring => c instanceof MskPrometheusMonitoring && c.clusterName === props.clusterName);
    if (!monitoring) throw KafkaIacError.dashboardWithoutMonitoring(this.path, props.clusterName, 'MskPrometheusMonitoring');
    const alarms = found.find((c): c is MskCloudWatchAlarms => c instanceof MskCloudWatchAlarms && c.clusterName === props.clusterName);
    const replicators = found.filter((c): c is MskReplicatorAlarms => c instanceof MskReplicatorAlarms);
    const dr = props.dr ?? replicators.length > 0;
    if (dr && replicators.length === 0) {
      throw KafkaIacError.drDashboardWithoutPairing(this.path, props.clusterName, 'MskReplicatorAlarms of the DR pairing\'s MskReplicator in this stack (its RPO and MessageLag threshold)');
    }
    this.cluster = {
      identity: monitoring.identity, metrics: monitoring.metrics, expectedNodes: monitoring.brokers, slos: monitoring.slos,
      capacityPlans: props.capacityPlans ?? CapacityPlan.attachedTo(this.environment),
    };
    this.dashboards = linkedClusterDashboards(this.environment, this.path, this.cluster, false, monitoring.groups, props.grafanaUrl);
    this.files = this.dashboards.map((d) => addDashboardFile(this.environment, d));

    const widgets = [
      ...(alarms ? [...alarms.alarms.values()].sort(byRuleThenName).map((a) => alarmWidget(a, this.environment.region)) : []),
      ...(dr ? replicators.flatMap((r) => replicatorWidgets(r, this.environment.region)) : []),
    ];
    if (widgets.length > 0) {
      const header = {
        type: 'text', width: 24, height: 2,
        properties: { markdown: `# Kafka ${props.clusterName} (${this.environment.name}, ${this.environment.region})\nEach widget draws the metric of one alarm against its threshold (MON and CAP rules). Prometheus dashboards: \`${DASHBOARD_DIR}/\`.` },
      };
      this.cloudWatchDashboard = new (CloudwatchDashboardClass())(this, 'CloudWatchDashboard', {
        dashboardName: `kafka-iac-${props.clusterName}`,
        // One JSON writer, then the Terraform string writer: `${` in any value stays literal.
        dashboardBody: terraformLiteral(writeCompactJson({ widgets: layout([header, ...widgets]) })),
      });
    }
  }
}

/** Props of an `MskOverviewDashboard`: the clusters of the multi-cluster overview. */
export interface MskOverviewDashboardProps {
  /** Names the overview (its title and file): the app or the pair of environments. */
  readonly name: string;
  /** The clusters, each from its dashboards' `.cluster`. */
  readonly clusters: readonly DashboardCluster[];
}

/** A multi-cluster overview for Grafana, as `dist/<env>/grafana/<uid>.json`: one row per cluster. */
export class MskOverviewDashboard extends KafkaIacConstruct {
  public readonly dashboard: BuiltDashboard;
  /** `dist/<env>/` relative path of the file. */
  public readonly file: string;

  public constructor(scope: Construct, id: string, props: MskOverviewDashboardProps) {
    super(scope, id);
    this.dashboard = checkedOverviewDashboard(this.path, props.name, props.clusters);
    this.file = addDashboardFile(this.environment, this.dashboard);
  }
}

function addDashboardFile(env: Environment, d: BuiltDashboard): string {
  const file = `${DASHBOARD_DIR}/${dashboardFileName(d)}`;
  env.addOutputFile(file, () => renderDashboard(d));
  return file;
}

function byRuleThenName(a: CloudwatchMetricAlarm, b: CloudwatchMetricAlarm): number {
  const key = (x: CloudwatchMetricAlarm) => `${(x.tagsInput ?? {})[RULE_TAG] ?? ''} ${x.alarmNameInput ?? ''}`;
  return compareEnglish(key(a), key(b));
}

type Widget = { type: string; width: number; height: number; properties: Record<string, unknown> };

/** `[namespace, metric, dim1, value1, ..., options]`, the metric array of a CloudWatch dashboard widget. */
function metricRow(namespace: string, metric: string, dimensions: Readonly<Record<string, string>> | undefined, options: Record<string, unknown>): unknown[] {
  return [namespace, metric, ...Object.entries(dimensions ?? {}).flatMap(([k, v]) => [k, terraformText(v)]), options];
}

/** A widget with the metric (or metric math) of an alarm, as the alarm was declared, and its threshold. */
function alarmWidget(alarm: CloudwatchMetricAlarm, region: string): Widget {
  const name = terraformText(alarm.alarmNameInput ?? alarm.friendlyUniqueId);
  const metrics: unknown[] = [];
  if (alarm.metricNameInput) {
    metrics.push(metricRow(alarm.namespaceInput ?? NS, alarm.metricNameInput, alarm.dimensionsInput, { stat: alarm.statisticInput ?? 'Maximum', period: alarm.periodInput ?? 60 }));
  }
  const queries = Array.isArray(alarm.metricQueryInput) ? alarm.metricQueryInput as CloudwatchMetricAlarmMetricQuery[] : [];
  for (const q of queries) {
    const visible = q.returnData === true;
    if (q.expression) {
      metrics.push([{ expression: terraformText(q.expression), id: q.id, label: q.label ?? q.id, visible, ...(q.period ? { period: q.period } : {}) }]);
    } else if (q.metric) {
      metrics.push(metricRow(q.metric.namespace ?? NS, q.metric.metricName, q.metric.dimensions, { id: q.id, stat: q.metric.stat, period: q.metric.period, visible }));
    }
  }
  return {
    type: 'metric', width: WIDTH, height: HEIGHT,
    properties: {
      title: name, region, view: 'timeSeries', stacked: false, period: 60, metrics,
      annotations: { horizontal: [{ label: `alarm threshold (${alarm.comparisonOperatorInput ?? ''})`, value: alarm.thresholdInput ?? 0 }] },
    },
  };
}

/** MSK Replicator: ReplicationLatency against the RPO, and MessageLag against one RPO of traffic (the MON-010 alarms' thresholds). */
function replicatorWidgets(r: MskReplicatorAlarms, region: string): Widget[] {
  const dims = { [MSK_REPLICATOR_DIMENSION]: r.replicatorName };
  return [
    {
      type: 'metric', width: 12, height: HEIGHT,
      properties: {
        title: `${r.replicatorName}: replication latency against the RPO`, region, view: 'timeSeries', stacked: false, period: 60,
        metrics: [metricRow(NS, MSK_REPLICATOR_LATENCY_METRIC, dims, { stat: 'Maximum', period: 60 })],
        annotations: { horizontal: [{ label: `RPO ${r.rpoSeconds} s`, value: r.rpoSeconds * 1000 }] },
      },
    },
    {
      type: 'metric', width: 12, height: HEIGHT,
      properties: {
        title: `${r.replicatorName}: messages not yet replicated`, region, view: 'timeSeries', stacked: false, period: 60,
        metrics: [metricRow(NS, MSK_REPLICATOR_LAG_METRIC, dims, { stat: 'Maximum', period: 60 })],
        annotations: { horizontal: [{ label: 'one RPO of traffic (MON-010)', value: r.maxMessageLag }] },
      },
    },
  ];
}

/** Places widgets left to right on CloudWatch's 24-column grid. */
function layout(widgets: readonly Widget[]): (Widget & { x: number; y: number })[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return widgets.map((w) => {
    if (x + w.width > 24) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const placed = { ...w, x, y };
    x += w.width;
    rowHeight = Math.max(rowHeight, w.height);
    return placed;
  });
}
