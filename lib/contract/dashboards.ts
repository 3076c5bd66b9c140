import { createHash } from 'node:crypto';
import { KafkaIacError } from '../model/errors';
import type { CapacityPlan } from '../model/capacity/capacity-planner';
import type { BackendMetrics, MonitoredClusterIdentity } from '../model/monitoring/metrics-backend';
import type { MetricSelector } from '../model/monitoring/metric-selector';
import type { PrometheusDuration } from '../model/monitoring/prometheus-duration';
import { BURN_RATE_WINDOWS, SLO_RECORDS, sloErrorRatioRecord, tidy, type ServiceLevelObjective } from '../model/monitoring/service-level-objective';
import { promqlMatchers } from './writers/promql';
import { writeJson } from './writers/json';
import { absoluteThresholds, GrafanaDashboardBuilder, grafanaPanel } from './grafana-panels';

/**
 * Grafana dashboards of Kafka clusters, in the model the Grafana Foundation SDK
 * (`@grafana/grafana-foundation-sdk`) builds, from the same metric selectors and SLO recording
 * rules as the alerts (`BackendMetrics`, `SLO_RECORDS`): a panel cannot query a metric the alerts
 * do not also rely on, and the SLO panels read exactly the series the burn-rate alerts read.
 *
 * The models are built as plain data with the SDK's defaults and layout (`grafana-panels.ts`,
 * checked against the SDK's own builders by its tests): nothing of the SDK loads at run time.
 */

/** Where the dashboard JSON files of an environment go, under `dist/<env>/`. */
export const DASHBOARD_DIR = 'grafana';

/** The Grafana template variable every panel's datasource points at. */
export const DATASOURCE_VARIABLE = 'datasource';

/** The dashboards of a cluster. */
export enum DashboardKind {
  /** Nodes, partitions, ISR changes, request latency, throughput, disk against the capacity plan, consumer lag. */
  OPERATIONAL = 'operational',
  /** Per SLO: the SLI, the objective, the error budget remaining and the burn rate of each window. */
  SLO = 'slo',
  /** Replication latency against the DR pairing's RPO, and the replication tasks. */
  DR = 'dr',
  /** One row per cluster, for an app with several clusters. */
  OVERVIEW = 'overview',
}

/** What the dashboards of one cluster are drawn from: the values its monitoring was built from. */
export interface DashboardCluster {
  readonly identity: MonitoredClusterIdentity;
  /** The metric selectors of the cluster's backend (the alerts' own). */
  readonly metrics: BackendMetrics;
  /** Kafka nodes that are scraped (MON-001's expectation). */
  readonly expectedNodes: number;
  /** The SLOs whose recording rules the monitoring writes. */
  readonly slos: readonly ServiceLevelObjective[];
  /**
   * The capacity plans of the environment (disk per broker and bytes in are drawn against them).
   * @default - no plan lines
   */
  readonly capacityPlans?: readonly CapacityPlan[];
  /**
   * The RPO of the DR pairing whose MirrorMaker 2 metrics this cluster's monitoring scrapes.
   * @default - no DR pairing monitored here
   */
  readonly replicationRpo?: PrometheusDuration;
}

/**
 * What the Grafana dashboards of a cluster are drawn against and where they are served, on
 * every target (`KafkaGrafanaDashboardsProps`, `MskDashboardsProps`).
 */
export interface GrafanaDashboardOptions {
  /**
   * The capacity plans disk and bytes in are drawn against.
   * @default - the plans attached to the environment (`plan.attachTo(environment)`)
   */
  readonly capacityPlans?: readonly CapacityPlan[];
  /**
   * Where Grafana serves these dashboards: the runbook of each alert links to its panel as
   * `<grafanaUrl>/d/<uid>?viewPanel=<id>` (docs/dashboards.md). Include Grafana's sub-path if it
   * has one (`root_url`).
   * @default - root-relative links (`/d/<uid>?viewPanel=<id>`): the path on your Grafana, which
   * the runbook says to open there; no host is guessed
   * @see https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#root_url
   */
  readonly grafanaUrl?: string;
}

/** One dashboard, built. */
export interface BuiltDashboard {
  readonly kind: DashboardKind;
  /** Grafana's `uid` (at most 40 characters). */
  readonly uid: string;
  readonly title: string;
  /** The dashboard model as the SDK builds it (what Grafana imports). */
  readonly model: Record<string, unknown>;
}

/** A Grafana uid from readable parts: the parts themselves when they fit in 40 characters, else a prefix and a hash. */
export function dashboardUid(...parts: readonly string[]): string {
  const readable = parts.join('-').replace(/[^A-Za-z0-9_-]/g, '-');
  if (readable.length <= 40) return readable;
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12);
  return `${readable.slice(0, 27)}-${hash}`;
}

/**
 * The pinned panel ids of the operational dashboard. Runbooks link to a panel by its id
 * (`/d/<uid>?viewPanel=<id>`, lib/contract/alert-dashboard-panels.ts), and people bookmark
 * them: never renumber or reuse one; give a new panel the next free number. Rows are panels
 * too in Grafana's model and take ids from 101 up (`OperationalRow`).
 */
export enum OperationalPanel {
  /** Stat: Kafka nodes up against the expected count (MON-001). */
  NODES_UP = 1,
  /** Stat: active KRaft controllers, where the controllers are scraped (MON-009). */
  ACTIVE_CONTROLLERS = 2,
  /** Stat: brokers that know an active controller, where the controllers are not scraped (MSK). */
  BROKERS_FOLLOWING_A_CONTROLLER = 3,
  /** Stat: offline partitions, where the controllers are scraped (MON-009). */
  OFFLINE_PARTITIONS = 4,
  /** Time series: up per node (MON-001). */
  NODE_UP = 5,
  /** Time series: under-replicated partitions per node (MON-006). */
  UNDER_REPLICATED_PARTITIONS = 6,
  /** Time series: partitions under min ISR per node (MON-012). */
  UNDER_MIN_ISR_PARTITIONS = 7,
  /** Time series: ISR shrinks and expands per node. */
  ISR_SHRINKS_AND_EXPANDS = 8,
  /** Time series: produce and fetch latency P99 (MON-008). */
  REQUEST_LATENCY_P99 = 9,
  /** Time series: client bytes in and out against the capacity plan. */
  BYTES_IN_AND_OUT = 10,
  /** Time series: disk bytes used against the capacity plan (CAP-001). */
  DISK_USED_BYTES = 11,
  /** Time series: disk used in percent (MON-004/005). */
  DISK_USED_PERCENT = 12,
  /** Time series: consumer lag per group (MON-002/003). */
  CONSUMER_LAG = 13,
}

/** The pinned row ids of the operational dashboard (rows are panels in Grafana's model). */
enum OperationalRow { NODES = 101, PARTITIONS = 102, REQUESTS = 103, DISK = 104, CONSUMERS = 105 }

/** The pinned panel ids of the DR dashboard; never renumber or reuse one (see `OperationalPanel`). */
export enum DrPanel {
  /** Stat: the largest replication latency as a share of the RPO (MON-010). */
  LATENCY_OVER_RPO = 1,
  /** Stat: running MirrorSourceConnector tasks (MON-010). */
  SOURCE_TASKS_RUNNING = 2,
  /** Stat: running MirrorCheckpointConnector tasks (MON-010). */
  CHECKPOINT_TASKS_RUNNING = 3,
  /** Time series: replication latency against the RPO (MON-010). */
  REPLICATION_LATENCY = 4,
}

const DR_ROW = 101;

/**
 * Panel ids of the dashboards with one row per SLO or per cluster: the row at `100 * (i + 1)`,
 * its panels at fixed offsets after it, so that adding a panel to a row moves no other panel.
 * A link to one of them is found through its row's title (`sloPanelLinks` in
 * alert-dashboard-panels.ts), never through the position of the SLO.
 */
const BLOCK = 100;

/** The offset of each panel of an SLO's row from the row's id (the SLO dashboard). */
export enum SloPanelOffset {
  SLI = 1,
  OBJECTIVE = 2,
  ERROR_BUDGET_REMAINING = 3,
  INDICATOR = 4,
  BURN_RATE = 5,
}

/** The title of an SLO's row on the SLO dashboard starts with this: `<rule id> <SLO name>:`. */
export function sloRowTitlePrefix(ruleId: string, sloName: string): string {
  return `${ruleId} ${sloName}:`;
}

/** A panel and its queries, before it goes on a dashboard. */
type PanelSpec =
  | { readonly type: 'timeseries'; readonly id: number; readonly title: string; readonly description: string; readonly unit: string; readonly queries: readonly Query[]; readonly width?: number }
  | { readonly type: 'stat'; readonly id: number; readonly title: string; readonly description: string; readonly unit: string; readonly queries: readonly Query[]; readonly thresholds?: readonly Step[]; readonly width?: number };

interface Query { readonly expr: string; readonly legend: string }
interface Step { readonly value: number | null; readonly color: string }

type Section = { readonly id: number; readonly row: string; readonly panels: readonly PanelSpec[] };

function build(kind: DashboardKind, uid: string, title: string, tags: readonly string[], sections: readonly Section[]): BuiltDashboard {
  const datasource = { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` };
  const b = new GrafanaDashboardBuilder(title)
    .uid(uid)
    .tags(['kafka', 'kafka-iac', ...tags])
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .readonly()
    .withDatasourceVariable(DATASOURCE_VARIABLE, 'Prometheus', 'prometheus');
  for (const section of sections) {
    b.withRow(section.row, section.id);
    let x = 0;
    for (const p of section.panels) {
      // The SDK starts a new line only once a line is full: a panel that would cross column 24
      // takes the rest of the line when that is wide enough, or starts the next line.
      let width = p.width ?? (p.type === 'stat' ? 6 : 12);
      if (x + width > 24) {
        if (24 - x >= 6) width = 24 - x;
        else x = 0;
      }
      x = (x + width) % 24;
      b.withPanel(grafanaPanel({
        type: p.type, id: p.id, title: p.title, description: p.description, unit: p.unit, datasource, span: width, height: p.type === 'stat' ? 5 : 8,
        thresholds: p.type === 'stat' && p.thresholds ? absoluteThresholds([...p.thresholds]) : undefined,
        targets: p.queries.map((q, i) => ({ expr: q.expr, legendFormat: q.legend, refId: String.fromCharCode(65 + i) })),
      }));
    }
  }
  // The model is plain data; a JSON round trip drops the `undefined` fields and the query marker functions, as Grafana's import would.
  return { kind, uid, title, model: JSON.parse(JSON.stringify(b.build())) };
}

const GOOD = 'green';
const WARN = 'orange';
const BAD = 'red';

/** `sum by (label) (rate(sel[5m]))` */
function ratePer(label: string, sel: MetricSelector): string {
  return `sum by (${label}) (rate(${sel}[5m]))`;
}

/** Disk used bytes per volume, joined to the cluster's volumes where the backend needs it (the MON-004 expression's parts). */
function diskExpressions(m: BackendMetrics): { used: string; capacity: string; percent: string } {
  const d = m.disk;
  const join = (e: string) => (d.join ? `(${e}) * on (${d.join.on.join(', ')}) group_left () ${d.join.selector}` : e);
  return {
    used: `max by (${d.volumeLabel}) (${join(`${d.capacity} - ${d.available}`)})`,
    capacity: `max by (${d.volumeLabel}) (${join(`${d.capacity}`)})`,
    percent: `max by (${d.volumeLabel}) (${join(`100 * (${d.capacity} - ${d.available}) / ${d.capacity}`)})`,
  };
}

/** The planned disk per broker (bytes) and client bytes in (bytes/s) of the plans, when there are any. */
function planned(plans: readonly CapacityPlan[] | undefined): { diskBytesPerBroker?: number; bytesInPerSecond?: number } {
  if (!plans || plans.length === 0) return {};
  return {
    diskBytesPerBroker: Math.max(...plans.map((p) => p.storagePerBrokerGiB)) * 1024 ** 3,
    bytesInPerSecond: Math.round(plans.reduce((sum, p) => sum + p.plannedMessagesPerSecond * p.workload.averageMessageBytes, 0)),
  };
}

/** The operational dashboard of a cluster. */
export function operationalDashboard(c: DashboardCluster): BuiltDashboard {
  const m = c.metrics;
  const node = m.nodeLabel;
  const plan = planned(c.capacityPlans);
  const disk = diskExpressions(m);
  const controllers: PanelSpec[] = m.activeControllers
    ? [{ type: 'stat', id: OperationalPanel.ACTIVE_CONTROLLERS, title: 'Active controllers', description: 'KRaft controllers that are active: exactly 1 is healthy (MON-009).', unit: 'none', queries: [{ expr: `sum(${m.activeControllers})`, legend: 'active' }], thresholds: [{ value: null, color: BAD }, { value: 1, color: GOOD }, { value: 2, color: BAD }] }]
    : m.currentControllerId
      ? [{ type: 'stat', id: OperationalPanel.BROKERS_FOLLOWING_A_CONTROLLER, title: 'Brokers that follow a controller', description: 'Brokers whose CurrentControllerId is known (KIP-1001); the KRaft controllers themselves are run by AWS and not scraped.', unit: 'none', queries: [{ expr: `count(${m.currentControllerId} >= 0) or vector(0)`, legend: 'brokers' }], thresholds: [{ value: null, color: BAD }, { value: c.expectedNodes, color: GOOD }] }]
      : [];
  const offline: PanelSpec[] = m.offlinePartitions
    ? [{ type: 'stat', id: OperationalPanel.OFFLINE_PARTITIONS, title: 'Offline partitions', description: 'Partitions without a leader, reported by the active controller (MON-009).', unit: 'none', queries: [{ expr: `sum(${m.offlinePartitions})`, legend: 'offline' }], thresholds: [{ value: null, color: GOOD }, { value: 1, color: BAD }] }]
    : [];
  const tags = [c.identity.environment, c.identity.cluster];
  return build(DashboardKind.OPERATIONAL, dashboardUid('kafka', c.identity.environment, c.identity.cluster, 'ops'), `Kafka ${c.identity.cluster} (${c.identity.environment}): operations`, tags, [
    {
      id: OperationalRow.NODES, row: 'Brokers and controllers',
      panels: [
        { type: 'stat', id: OperationalPanel.NODES_UP, title: 'Kafka nodes up', description: `Scraped Kafka nodes that are up; ${c.expectedNodes} expected (MON-001).`, unit: 'none', queries: [{ expr: `count(${m.up} == 1) or vector(0)`, legend: 'up' }], thresholds: [{ value: null, color: BAD }, { value: c.expectedNodes, color: GOOD }] },
        ...controllers,
        ...offline,
        { type: 'timeseries', id: OperationalPanel.NODE_UP, title: 'Node up', description: 'Whether Prometheus scrapes each Kafka node (1) or not (0).', unit: 'none', queries: [{ expr: `max by (${node}) (${m.up})`, legend: `{{${node}}}` }] },
      ],
    },
    {
      id: OperationalRow.PARTITIONS, row: 'Partitions and ISR',
      panels: [
        { type: 'timeseries', id: OperationalPanel.UNDER_REPLICATED_PARTITIONS, title: 'Under-replicated partitions', description: 'Partitions led by each node with fewer in-sync replicas than replicas (MON-006).', unit: 'none', queries: [{ expr: `sum by (${node}) (${m.underReplicated})`, legend: `{{${node}}}` }] },
        { type: 'timeseries', id: OperationalPanel.UNDER_MIN_ISR_PARTITIONS, title: 'Partitions under min ISR', description: 'Partitions where acks=all writes fail (MON-012).', unit: 'none', queries: [{ expr: `sum by (${node}) (${m.underMinIsr})`, legend: `{{${node}}}` }] },
        { type: 'timeseries', id: OperationalPanel.ISR_SHRINKS_AND_EXPANDS, title: 'ISR shrinks and expands', description: 'Partitions per second whose in-sync replica set shrank or grew back; steady shrinks mean a slow or flapping replica.', unit: 'ops', queries: [{ expr: ratePer(node, m.isrShrinks), legend: 'shrinks {{' + node + '}}' }, { expr: ratePer(node, m.isrExpands), legend: 'expands {{' + node + '}}' }], width: 24 },
      ],
    },
    {
      id: OperationalRow.REQUESTS, row: 'Requests and throughput',
      panels: [
        { type: 'timeseries', id: OperationalPanel.REQUEST_LATENCY_P99, title: 'Request latency P99', description: 'Total time of produce and consumer fetch requests, 99th percentile (MON-008, SLO-001).', unit: 'ms', queries: [{ expr: `max by (${node}, ${m.requestLabel}) (${m.requestP99})`, legend: `{{${m.requestLabel}}} {{${node}}}` }] },
        {
          type: 'timeseries', id: OperationalPanel.BYTES_IN_AND_OUT, title: 'Bytes in and out', description: 'Client bytes per second in and out of all brokers, against the capacity plan\'s bytes in.', unit: 'Bps',
          queries: [
            { expr: `sum(rate(${m.bytesIn}[5m]))`, legend: 'bytes in' },
            { expr: `sum(rate(${m.bytesOut}[5m]))`, legend: 'bytes out' },
            ...(plan.bytesInPerSecond !== undefined ? [{ expr: `vector(${plan.bytesInPerSecond})`, legend: 'capacity plan: bytes in' }] : []),
          ],
        },
      ],
    },
    {
      id: OperationalRow.DISK, row: 'Disk',
      panels: [
        {
          type: 'timeseries', id: OperationalPanel.DISK_USED_BYTES, title: 'Disk used against the capacity plan', description: 'Bytes used on each Kafka data volume, its size, and the capacity plan\'s disk per broker (CAP-001).', unit: 'bytes',
          queries: [
            { expr: disk.used, legend: `used {{${m.disk.volumeLabel}}}` },
            { expr: disk.capacity, legend: `size {{${m.disk.volumeLabel}}}` },
            ...(plan.diskBytesPerBroker !== undefined ? [{ expr: `vector(${plan.diskBytesPerBroker})`, legend: 'capacity plan per broker' }] : []),
          ],
        },
        { type: 'timeseries', id: OperationalPanel.DISK_USED_PERCENT, title: 'Disk used (%)', description: 'Share of each Kafka data volume in use (MON-004/005).', unit: 'percent', queries: [{ expr: disk.percent, legend: `{{${m.disk.volumeLabel}}}` }] },
      ],
    },
    {
      id: OperationalRow.CONSUMERS, row: 'Consumers',
      panels: [
        { type: 'timeseries', id: OperationalPanel.CONSUMER_LAG, title: 'Consumer lag per group', description: 'Messages each consumer group is behind, over its topics (MON-002/003).', unit: 'none', queries: [{ expr: `${m.lagAggregation} by (${m.lagGroupLabel}) (${m.consumerLag})`, legend: `{{${m.lagGroupLabel}}}` }], width: 24 },
      ],
    },
  ]);
}

/** The SLO dashboard of a cluster: one row per SLO. */
export function sloDashboard(c: DashboardCluster): BuiltDashboard {
  const sections: Section[] = c.slos.map((slo, i) => {
    const row = BLOCK * (i + 1);
    const sel = promqlMatchers(slo.recordLabels(c.identity));
    const ind = slo.indicator.resolve(c.metrics);
    const objective = tidy(slo.objectivePercent / 100);
    const windows = [...new Set(BURN_RATE_WINDOWS.flatMap((w) => [w.long, w.short]).map((d) => d.toString()))];
    const byName = new Map(BURN_RATE_WINDOWS.flatMap((w) => [w.long, w.short]).map((d) => [d.toString(), d]));
    const alertFactors = slo.burnRates.map((b) => `${b.window.name} ${b.factor}x`).join(', ');
    return {
      id: row, row: `${sloRowTitlePrefix(slo.id, slo.name)} ${ind.description}, ${slo.objectivePercent}% over ${slo.period}`,
      panels: [
        { type: 'stat', id: row + SloPanelOffset.SLI, title: `SLI over ${slo.period}`, description: `Share of good minutes over ${slo.period} (1 − ${sloErrorRatioRecord(slo.period)}); objective ${slo.objectivePercent}%.`, unit: 'percentunit', queries: [{ expr: `1 - ${sloErrorRatioRecord(slo.period)}${sel}`, legend: 'SLI' }], thresholds: [{ value: null, color: BAD }, { value: objective, color: GOOD }] },
        { type: 'stat', id: row + SloPanelOffset.OBJECTIVE, title: 'Objective', description: `The objective of ${slo.id}: ${slo.objectivePercent}% of minutes good over ${slo.period}.`, unit: 'percentunit', queries: [{ expr: `vector(${objective})`, legend: 'objective' }] },
        { type: 'stat', id: row + SloPanelOffset.ERROR_BUDGET_REMAINING, title: 'Error budget remaining', description: `${SLO_RECORDS.ERROR_BUDGET_REMAINING}: the alerts warn below 50% and page below 20%.`, unit: 'percentunit', queries: [{ expr: `${SLO_RECORDS.ERROR_BUDGET_REMAINING}${sel}`, legend: 'remaining' }], thresholds: [{ value: null, color: BAD }, { value: 0.2, color: WARN }, { value: 0.5, color: GOOD }] },
        { type: 'timeseries', id: row + SloPanelOffset.INDICATOR, title: 'Indicator', description: `${ind.description}: a minute is bad above ${ind.threshold}.`, unit: 'none', queries: [{ expr: ind.expression, legend: 'indicator' }, { expr: `vector(${ind.threshold})`, legend: 'threshold' }], width: 6 },
        {
          type: 'timeseries', id: row + SloPanelOffset.BURN_RATE, title: 'Burn rate per window', description: `Error ratio over each window divided by the error budget (${slo.errorBudget}); the burn-rate alerts fire at ${alertFactors} when both their long and short window burn that fast.`, unit: 'none',
          queries: windows.map((w) => ({ expr: `${sloErrorRatioRecord(byName.get(w)!)}${sel} / ${slo.errorBudget}`, legend: w })), width: 24,
        },
      ],
    };
  });
  return build(DashboardKind.SLO, dashboardUid('kafka', c.identity.environment, c.identity.cluster, 'slo'), `Kafka ${c.identity.cluster} (${c.identity.environment}): SLOs`, [c.identity.environment, c.identity.cluster, 'slo'], sections);
}

/** Whether a cluster's monitoring scrapes the MirrorMaker 2 metrics of a DR pairing (what the DR dashboard reads). */
export function monitorsReplication(c: DashboardCluster): boolean {
  return c.replicationRpo !== undefined && c.metrics.mirrorMakerLatency !== undefined;
}

/** The DR dashboard of a cluster whose monitoring scrapes MirrorMaker 2: latency against the RPO. */
export function drDashboard(c: DashboardCluster): BuiltDashboard {
  const m = c.metrics;
  if (!c.replicationRpo || !m.mirrorMakerLatency) {
    throw KafkaIacError.drDashboardWithoutPairing(`drDashboard ${c.identity.cluster}`, c.identity.cluster, 'a replicationRpo and the MirrorMaker 2 metrics of its pairing in the cluster\'s monitoring');
  }
  const rpoMs = c.replicationRpo.totalSeconds * 1000;
  const tasks = (id: DrPanel, title: string, sel: MetricSelector | undefined): PanelSpec[] => (sel
    ? [{ type: 'stat', id, title, description: 'MirrorMaker 2 tasks in status running; 0 means replication stopped.', unit: 'none', queries: [{ expr: `count(${sel}) or vector(0)`, legend: 'running' }], thresholds: [{ value: null, color: BAD }, { value: 1, color: GOOD }] }]
    : []);
  return build(DashboardKind.DR, dashboardUid('kafka', c.identity.environment, c.identity.cluster, 'dr'), `Kafka ${c.identity.cluster} (${c.identity.environment}): DR replication`, [c.identity.environment, c.identity.cluster, 'dr'], [{
    id: DR_ROW, row: `MirrorMaker 2 against the RPO (${c.replicationRpo})`,
    panels: [
      { type: 'stat', id: DrPanel.LATENCY_OVER_RPO, title: 'Replication latency / RPO', description: `Largest replication latency as a share of the RPO (${c.replicationRpo}); MON-010 fires above 100%.`, unit: 'percentunit', queries: [{ expr: `max(${m.mirrorMakerLatency}) / ${rpoMs}`, legend: 'latency / RPO' }], thresholds: [{ value: null, color: GOOD }, { value: 0.5, color: WARN }, { value: 1, color: BAD }] },
      ...tasks(DrPanel.SOURCE_TASKS_RUNNING, 'Source connector tasks running', m.mirrorMakerRunningSourceTasks),
      ...tasks(DrPanel.CHECKPOINT_TASKS_RUNNING, 'Checkpoint connector tasks running', m.mirrorMakerRunningCheckpointTasks),
      { type: 'timeseries', id: DrPanel.REPLICATION_LATENCY, title: 'Replication latency against the RPO', description: 'Time from produce on the source to write on the target (MirrorSourceConnector replication-latency-ms-max), and the RPO.', unit: 'ms', queries: [{ expr: `max(${m.mirrorMakerLatency})`, legend: 'replication latency (max)' }, { expr: `vector(${rpoMs})`, legend: 'RPO' }], width: 24 },
    ],
  }]);
}

/** The dashboards of one cluster: operational, SLO (when it has SLOs), and DR (when a pairing is monitored and `dr` is not false). */
export function clusterDashboards(c: DashboardCluster, dr: boolean): BuiltDashboard[] {
  return [operationalDashboard(c), ...(c.slos.length > 0 ? [sloDashboard(c)] : []), ...(dr ? [drDashboard(c)] : [])];
}

/** The overview of several clusters: one row per cluster with its health at a glance. */
export function overviewDashboard(name: string, clusters: readonly DashboardCluster[]): BuiltDashboard {
  const sections: Section[] = clusters.map((c, i) => {
    const row = BLOCK * (i + 1);
    const m = c.metrics;
    const budgets = c.slos.map((s) => `${SLO_RECORDS.ERROR_BUDGET_REMAINING}${promqlMatchers(s.recordLabels(c.identity))}`);
    return {
      id: row, row: `${c.identity.cluster} (${c.identity.environment}, ${c.identity.region})`,
      panels: [
        { type: 'stat', id: row + 1, title: 'Nodes up', description: `${c.expectedNodes} expected.`, unit: 'none', queries: [{ expr: `count(${m.up} == 1) or vector(0)`, legend: 'up' }], thresholds: [{ value: null, color: BAD }, { value: c.expectedNodes, color: GOOD }], width: 4 },
        { type: 'stat', id: row + 2, title: 'Under-replicated partitions', description: 'Summed over nodes (MON-006).', unit: 'none', queries: [{ expr: `sum(${m.underReplicated})`, legend: 'under-replicated' }], thresholds: [{ value: null, color: GOOD }, { value: 1, color: BAD }], width: 4 },
        { type: 'stat', id: row + 3, title: 'Partitions under min ISR', description: 'Summed over nodes (MON-012).', unit: 'none', queries: [{ expr: `sum(${m.underMinIsr})`, legend: 'under min ISR' }], thresholds: [{ value: null, color: GOOD }, { value: 1, color: BAD }], width: 4 },
        { type: 'stat', id: row + 4, title: 'Largest consumer lag', description: 'Messages behind, worst group and topic (MON-002/003).', unit: 'none', queries: [{ expr: `max(${m.lagAggregation} by (${m.lagGroupLabel}, ${m.lagTopicLabel}) (${m.consumerLag}))`, legend: 'lag' }], width: 4 },
        { type: 'stat', id: row + 5, title: 'Bytes in', description: 'Client bytes per second into all brokers.', unit: 'Bps', queries: [{ expr: `sum(rate(${m.bytesIn}[5m]))`, legend: 'bytes in' }], width: 4 },
        ...(budgets.length > 0
          ? [{ type: 'stat' as const, id: row + 6, title: 'Lowest error budget left', description: 'The SLO with the least error budget remaining.', unit: 'percentunit', queries: [{ expr: `min(${budgets.join(' or ')})`, legend: 'budget' }], thresholds: [{ value: null, color: BAD }, { value: 0.2, color: WARN }, { value: 0.5, color: GOOD }], width: 4 }]
          : []),
      ],
    };
  });
  return build(DashboardKind.OVERVIEW, dashboardUid('kafka', name, 'overview'), `Kafka overview: ${name}`, ['overview', ...new Set(clusters.map((c) => c.identity.environment))], sections);
}

/**
 * The overview dashboard of the construct at `path` (KafkaOverviewDashboard, MskOverviewDashboard):
 * at least 2 clusters, since the overview of one cluster is its operational dashboard.
 */
export function checkedOverviewDashboard(path: string, name: string, clusters: readonly DashboardCluster[]): BuiltDashboard {
  if (clusters.length < 2) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-DASHBOARD', path, prop: 'clusters', found: clusters.length,
      expected: 'at least 2 clusters (an overview of one cluster is its operational dashboard)', fix: 'Pass the `.cluster` of the dashboards of each cluster.',
    });
  }
  return overviewDashboard(name, clusters);
}

/** The JSON file of a dashboard (what Grafana imports, and what the sidecar reads from a ConfigMap). */
export function renderDashboard(d: BuiltDashboard): string {
  return writeJson(d.model);
}

/** The file name of a dashboard in `dist/<env>/grafana/` and in its ConfigMap: `<uid>.json`. */
export function dashboardFileName(d: BuiltDashboard): string {
  return `${d.uid}.json`;
}

/** Every PromQL expression of a dashboard model's panels (rows' nested panels included). */
export function dashboardQueries(model: unknown): string[] {
  const out: string[] = [];
  const panels = (model as { panels?: unknown })?.panels;
  if (!Array.isArray(panels)) return out;
  for (const p of panels) {
    for (const t of Array.isArray(p?.targets) ? p.targets : []) if (typeof t?.expr === 'string') out.push(t.expr);
    out.push(...dashboardQueries(p));
  }
  return out;
}
