import type { RuleGroup } from '../model/monitoring/alert-rule';
import { KafkaAlertName } from '../model/monitoring/kafka-alerts';
import { SloRunbook } from '../model/monitoring/service-level-objective';
import type { RunbookDashboardLink } from '../model/monitoring/runbook';
import { DashboardKind, DrPanel, OperationalPanel, SloPanelOffset, sloRowTitlePrefix, type BuiltDashboard } from './dashboards';

/**
 * Which dashboard panel each Kafka alert links to, defined once: the runbook of every alert
 * carries `<grafana>/d/<uid>?viewPanel=<id>` for its cluster's dashboard of that kind
 * (`dashboardPanelLinks`). Panel ids are pinned (`OperationalPanel`, `DrPanel`), so a link does
 * not move when a panel is added.
 */
export interface AlertDashboardPanel {
  /** The dashboard the panel is on; absent exactly when `noPanel` says why there is none. */
  readonly dashboard?: DashboardKind;
  /** The pinned panel id (`OperationalPanel`, `DrPanel`). */
  readonly panel?: number;
  /** What the reader should know about the panel, added to the link text. */
  readonly note?: string;
  /** Why the alert has no panel. */
  readonly noPanel?: string;
}

const ops = (panel: OperationalPanel): AlertDashboardPanel => ({ dashboard: DashboardKind.OPERATIONAL, panel });
const dr = (panel: DrPanel): AlertDashboardPanel => ({ dashboard: DashboardKind.DR, panel });

/** Every `KafkaAlertName`: its panel, or why it has none (a test keeps the map complete). */
export const ALERT_DASHBOARD_PANELS: Readonly<Record<KafkaAlertName, AlertDashboardPanel>> = {
  [KafkaAlertName.NODE_DOWN]: ops(OperationalPanel.NODE_UP),
  [KafkaAlertName.NODES_MISSING]: ops(OperationalPanel.NODES_UP),
  [KafkaAlertName.CONSUMER_LAG_WARNING]: ops(OperationalPanel.CONSUMER_LAG),
  [KafkaAlertName.CONSUMER_LAG_CRITICAL]: ops(OperationalPanel.CONSUMER_LAG),
  [KafkaAlertName.DISK_USAGE_WARNING]: ops(OperationalPanel.DISK_USED_PERCENT),
  [KafkaAlertName.DISK_USAGE_CRITICAL]: ops(OperationalPanel.DISK_USED_PERCENT),
  [KafkaAlertName.UNDER_REPLICATED_PARTITIONS]: ops(OperationalPanel.UNDER_REPLICATED_PARTITIONS),
  [KafkaAlertName.NETWORK_THROUGHPUT_HIGH]: {
    dashboard: DashboardKind.OPERATIONAL, panel: OperationalPanel.BYTES_IN_AND_OUT,
    note: 'client bytes only; the alert also counts replication bytes',
  },
  [KafkaAlertName.REQUEST_LATENCY_HIGH]: ops(OperationalPanel.REQUEST_LATENCY_P99),
  [KafkaAlertName.OFFLINE_PARTITIONS]: ops(OperationalPanel.OFFLINE_PARTITIONS),
  [KafkaAlertName.UNDER_MIN_ISR_PARTITIONS]: ops(OperationalPanel.UNDER_MIN_ISR_PARTITIONS),
  [KafkaAlertName.ACTIVE_CONTROLLER_COUNT]: ops(OperationalPanel.ACTIVE_CONTROLLERS),
  [KafkaAlertName.NO_ACTIVE_CONTROLLER]: ops(OperationalPanel.BROKERS_FOLLOWING_A_CONTROLLER),
  [KafkaAlertName.MIRROR_MAKER_2_BEHIND_RPO]: dr(DrPanel.REPLICATION_LATENCY),
  [KafkaAlertName.MIRROR_MAKER_2_DOWN]: dr(DrPanel.SOURCE_TASKS_RUNNING),
  [KafkaAlertName.MIRROR_MAKER_2_CHECKPOINTS_DOWN]: dr(DrPanel.CHECKPOINT_TASKS_RUNNING),
  [KafkaAlertName.CERTIFICATE_EXPIRING_SOON]: {
    noPanel: 'certificate expiry is exported by the Strimzi Cluster Operator or cert-manager, not by the Kafka nodes the dashboards draw; the alert names the certificate and its runbook says where to look',
  },
};

/** A panel of a dashboard model: its pinned id and title (rows' nested panels included). */
export interface DashboardPanelRef {
  readonly id: number;
  readonly title: string;
}

/** Every panel of a dashboard model with an id, rows included. */
export function dashboardPanels(model: unknown): DashboardPanelRef[] {
  const out: DashboardPanelRef[] = [];
  const panels = (model as { panels?: unknown })?.panels;
  if (!Array.isArray(panels)) return out;
  for (const p of panels) {
    if (typeof p?.id === 'number') out.push({ id: p.id, title: String(p.title ?? '') });
    out.push(...dashboardPanels(p));
  }
  return out;
}

/**
 * Grafana's link to one panel of a dashboard: `<grafanaUrl>/d/<uid>?viewPanel=<id>`, or
 * root-relative (`/d/<uid>?viewPanel=<id>`, the path on your Grafana) without a Grafana URL.
 * @see https://grafana.com/docs/grafana/v13.1/developer-resources/mcp/guides/generate-deeplinks-to-grafana/ (`/d/<uid>?viewPanel=<id>`)
 */
export function panelUrl(grafanaUrl: string | undefined, uid: string, panelId: number): string {
  const base = (grafanaUrl ?? '').replace(/\/+$/, '');
  return `${base}/d/${encodeURIComponent(uid)}?viewPanel=${panelId}`;
}

/**
 * The runbook links of a cluster's alerts to its dashboards: one per alert of `groups` whose
 * panel (`ALERT_DASHBOARD_PANELS`) is on one of `dashboards`. An alert whose dashboard or panel
 * is not built (a DR dashboard turned off, no controller metrics on this backend) gets none.
 */
export function dashboardPanelLinks(cluster: string, groups: readonly RuleGroup[], dashboards: readonly BuiltDashboard[], grafanaUrl: string | undefined): RunbookDashboardLink[] {
  const entries: Readonly<Record<string, AlertDashboardPanel>> = ALERT_DASHBOARD_PANELS;
  const links: RunbookDashboardLink[] = [];
  // Each dashboard's panels are read once, not once per alert.
  const panelsOf = new Map<BuiltDashboard, DashboardPanelRef[]>();
  const panels = (d: BuiltDashboard) => panelsOf.get(d) ?? panelsOf.set(d, dashboardPanels(d.model)).get(d)!;
  for (const alert of groups.flatMap((g) => g.alerts)) {
    const entry = entries[alert.alert] ?? sloAlertPanel(alert, dashboards, panels);
    if (entry?.dashboard === undefined) continue;
    const d = dashboards.find((x) => x.kind === entry.dashboard);
    const panel = d && panels(d).find((p) => p.id === entry.panel);
    if (!d || !panel) continue;
    links.push({
      runbook: alert.runbook, alert: alert.alert, cluster, dashboard: d.title,
      panel: entry.note ? `${panel.title} (${entry.note})` : panel.title,
      url: panelUrl(grafanaUrl, d.uid, panel.id),
    });
  }
  return links;
}

/** The panel of each SLO runbook's alerts in their SLO's row. */
const SLO_RUNBOOK_PANELS: Readonly<Record<SloRunbook, SloPanelOffset>> = {
  [SloRunbook.BURN_RATE]: SloPanelOffset.BURN_RATE,
  [SloRunbook.ERROR_BUDGET]: SloPanelOffset.ERROR_BUDGET_REMAINING,
};

/**
 * The panel of an SLO alert (burn rate, error budget): in the row of its SLO on the SLO dashboard,
 * found by the row's title (`<rule id> <SLO name>:`, the SLO name is the alert's `slo` label), so
 * the link follows the SLO wherever its row stands. Undefined for any other alert.
 */
function sloAlertPanel(alert: RuleGroup['alerts'][number], dashboards: readonly BuiltDashboard[], panels: (d: BuiltDashboard) => DashboardPanelRef[]): AlertDashboardPanel | undefined {
  const offset: SloPanelOffset | undefined = (SLO_RUNBOOK_PANELS as Readonly<Record<string, SloPanelOffset>>)[alert.runbook];
  const slo = alert.labels.slo;
  const d = dashboards.find((x) => x.kind === DashboardKind.SLO);
  if (offset === undefined || slo === undefined || !d) return undefined;
  const row = panels(d).find((p) => p.title.startsWith(sloRowTitlePrefix(alert.ruleId, slo)));
  return row && { dashboard: DashboardKind.SLO, panel: row.id + offset };
}
