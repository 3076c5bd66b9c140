import { describe, expect, it } from 'vitest';
import { ALERT_DASHBOARD_PANELS, dashboardPanelLinks, dashboardPanels, panelUrl } from '../../lib/contract/alert-dashboard-panels';
import {
  DashboardKind, DrPanel, OperationalPanel, clusterDashboards, overviewDashboard, type BuiltDashboard, type DashboardCluster,
} from '../../lib/contract/dashboards';
import { EnvironmentProfile } from '../../lib/model/environment';
import { KafkaAlertName } from '../../lib/model/monitoring/kafka-alerts';
import { jmxExporterMetrics, mskOpenMonitoringMetrics, type MonitoredClusterIdentity } from '../../lib/model/monitoring/metrics-backend';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { renderRunbook } from '../../lib/model/monitoring/runbook';
import { KAFKA_RUNBOOKS } from '../../lib/model/monitoring/kafka-runbooks';
import { ServiceLevelObjective } from '../../lib/model/monitoring/service-level-objective';
import type { RuleGroup } from '../../lib/model/monitoring/alert-rule';

const id = (cluster: string): MonitoredClusterIdentity => ({ cluster, environment: 'production', region: 'us-east-1', namespace: 'kafka' });
const slos = ServiceLevelObjective.defaultsFor(EnvironmentProfile.PRODUCTION);
const strimzi: DashboardCluster = {
  identity: id('orders'), expectedNodes: 6, slos, replicationRpo: PrometheusDuration.minutes(5),
  metrics: jmxExporterMetrics(id('orders'), { pvcClusterLabel: 'label_kafka_iac_dev_cluster', certificates: 'strimzi', mirrorMaker2: true }),
};
const mskKraft: DashboardCluster = { identity: id('msk'), expectedNodes: 3, slos, metrics: mskOpenMonitoringMetrics(id('msk'), { kraft: true }) };
const mskZooKeeper: DashboardCluster = { identity: id('mskzk'), expectedNodes: 3, slos, metrics: mskOpenMonitoringMetrics(id('mskzk'), { kraft: false }) };

const byKind = (ds: readonly BuiltDashboard[], kind: DashboardKind) => ds.find((d) => d.kind === kind)!;
const titles = (d: BuiltDashboard) => Object.fromEntries(dashboardPanels(d.model).map((p) => [p.id, p.title]));

describe('ALERT_DASHBOARD_PANELS: every Kafka alert has a panel, or a stated reason for none', () => {
  it('covers every KafkaAlertName, and nothing else', () => {
    expect(Object.keys(ALERT_DASHBOARD_PANELS).sort()).toEqual(Object.values(KafkaAlertName).sort());
  });

  it('gives a reason of real length for each alert without a panel', () => {
    const none = Object.entries(ALERT_DASHBOARD_PANELS).filter(([, e]) => e.noPanel !== undefined);
    expect(none.map(([a]) => a)).toEqual([KafkaAlertName.CERTIFICATE_EXPIRING_SOON]);
    for (const [, e] of none) expect(e.noPanel!.length).toBeGreaterThan(40);
    // Either a panel or a reason, never both and never neither.
    for (const [alert, e] of Object.entries(ALERT_DASHBOARD_PANELS)) {
      expect((e.dashboard !== undefined && e.panel !== undefined) !== (e.noPanel !== undefined), alert).toBe(true);
    }
  });

  it('points each alert with a panel at a panel the dashboard of that kind really has, on some backend', () => {
    const built = [...clusterDashboards(strimzi, true), ...clusterDashboards(mskKraft, false), ...clusterDashboards(mskZooKeeper, false)];
    for (const [alert, e] of Object.entries(ALERT_DASHBOARD_PANELS)) {
      if (e.dashboard === undefined) continue;
      const ids = built.filter((d) => d.kind === e.dashboard).flatMap((d) => dashboardPanels(d.model).map((p) => p.id));
      expect(ids, alert).toContain(e.panel);
    }
  });
});

describe('panel ids are pinned, not positions', () => {
  it('gives each operational and DR panel its pinned id and title', () => {
    const ops = byKind(clusterDashboards(strimzi, true), DashboardKind.OPERATIONAL);
    expect(titles(ops)).toMatchObject({
      [OperationalPanel.NODES_UP]: 'Kafka nodes up', [OperationalPanel.ACTIVE_CONTROLLERS]: 'Active controllers',
      [OperationalPanel.OFFLINE_PARTITIONS]: 'Offline partitions', [OperationalPanel.NODE_UP]: 'Node up',
      [OperationalPanel.UNDER_REPLICATED_PARTITIONS]: 'Under-replicated partitions', [OperationalPanel.UNDER_MIN_ISR_PARTITIONS]: 'Partitions under min ISR',
      [OperationalPanel.ISR_SHRINKS_AND_EXPANDS]: 'ISR shrinks and expands', [OperationalPanel.REQUEST_LATENCY_P99]: 'Request latency P99',
      [OperationalPanel.BYTES_IN_AND_OUT]: 'Bytes in and out', [OperationalPanel.DISK_USED_BYTES]: 'Disk used against the capacity plan',
      [OperationalPanel.DISK_USED_PERCENT]: 'Disk used (%)', [OperationalPanel.CONSUMER_LAG]: 'Consumer lag per group',
    });
    // The numbers themselves are the contract (links and bookmarks): a renumbering fails here.
    expect([OperationalPanel.NODES_UP, OperationalPanel.NODE_UP, OperationalPanel.CONSUMER_LAG]).toEqual([1, 5, 13]);
    const dr = byKind(clusterDashboards(strimzi, true), DashboardKind.DR);
    expect(titles(dr)).toMatchObject({
      [DrPanel.LATENCY_OVER_RPO]: 'Replication latency / RPO', [DrPanel.SOURCE_TASKS_RUNNING]: 'Source connector tasks running',
      [DrPanel.CHECKPOINT_TASKS_RUNNING]: 'Checkpoint connector tasks running', [DrPanel.REPLICATION_LATENCY]: 'Replication latency against the RPO',
    });
  });

  it('keeps the ids of the other panels when a panel is left out (MSK KRaft has no controller panels)', () => {
    const full = titles(byKind(clusterDashboards(strimzi, false), DashboardKind.OPERATIONAL));
    const kraft = titles(byKind(clusterDashboards(mskKraft, false), DashboardKind.OPERATIONAL));
    expect(kraft[OperationalPanel.ACTIVE_CONTROLLERS]).toBeUndefined();
    expect(kraft[OperationalPanel.OFFLINE_PARTITIONS]).toBeUndefined();
    expect(kraft[OperationalPanel.BROKERS_FOLLOWING_A_CONTROLLER]).toBe('Brokers that follow a controller');
    for (const p of [OperationalPanel.NODE_UP, OperationalPanel.UNDER_REPLICATED_PARTITIONS, OperationalPanel.DISK_USED_PERCENT, OperationalPanel.CONSUMER_LAG]) {
      expect(kraft[p]).toBe(full[p]);
    }
  });

  it('gives every panel and row of every dashboard an id, unique within its dashboard', () => {
    const all = [...clusterDashboards(strimzi, true), ...clusterDashboards(mskZooKeeper, false), overviewDashboard('all', [strimzi, mskKraft])];
    for (const d of all) {
      const panels = (d.model.panels as Record<string, unknown>[]);
      expect(panels.every((p) => typeof p.id === 'number' && p.id > 0), d.uid).toBe(true);
      const ids = dashboardPanels(d.model).map((p) => p.id);
      expect(new Set(ids).size, d.uid).toBe(ids.length);
    }
  });
});

describe('panelUrl: Grafana\'s link to one panel', () => {
  // Grafana's documented deep link to one panel: <grafana>/d/<uid>?viewPanel=<id>
  // (https://grafana.com/docs/grafana/v13.1/developer-resources/mcp/guides/generate-deeplinks-to-grafana/:
  // "a URL like http://localhost:3000/d/<uid>?viewPanel=<id>").
  it('joins the Grafana URL (with its sub-path, trailing slashes dropped), the uid and the panel id', () => {
    expect(panelUrl('https://grafana.example.com', 'kafka-prod-ops', 5)).toBe('https://grafana.example.com/d/kafka-prod-ops?viewPanel=5');
    expect(panelUrl('https://ops.example.com/grafana/', 'kafka-prod-ops', 13)).toBe('https://ops.example.com/grafana/d/kafka-prod-ops?viewPanel=13');
  });

  it('is root-relative without a Grafana URL: the path on your Grafana', () => {
    expect(panelUrl(undefined, 'kafka-prod-ops', 1)).toBe('/d/kafka-prod-ops?viewPanel=1');
  });
});

describe('dashboardPanelLinks and the runbook\'s Dashboards section', () => {
  const alert = (name: string, runbook: string) => ({ alert: name, runbook }) as unknown as RuleGroup['alerts'][number];
  const groups: RuleGroup[] = [{
    name: 'g', recordingRules: [],
    alerts: [alert(KafkaAlertName.NODE_DOWN, 'broker-down'), alert(KafkaAlertName.ACTIVE_CONTROLLER_COUNT, 'controller-problems'),
      alert(KafkaAlertName.CERTIFICATE_EXPIRING_SOON, 'certificate-expiry'), alert(KafkaAlertName.MIRROR_MAKER_2_DOWN, 'mirrormaker2-replication-lag')],
  }];

  it('links each alert whose panel is built, and no alert whose dashboard or panel is not', () => {
    const links = dashboardPanelLinks('msk', groups, clusterDashboards(mskKraft, false), 'https://grafana.example.com');
    // MSK KRaft: no active-controller panel; no DR dashboard; certificates have no panel.
    expect(links.map((l) => [l.alert, l.runbook, l.url])).toEqual([
      [KafkaAlertName.NODE_DOWN, 'broker-down', `https://grafana.example.com/d/kafka-production-msk-ops?viewPanel=${OperationalPanel.NODE_UP}`],
    ]);
    const strimziLinks = dashboardPanelLinks('orders', groups, clusterDashboards(strimzi, true), undefined);
    expect(strimziLinks.map((l) => l.url)).toEqual([
      `/d/kafka-production-orders-ops?viewPanel=${OperationalPanel.NODE_UP}`,
      `/d/kafka-production-orders-ops?viewPanel=${OperationalPanel.ACTIVE_CONTROLLERS}`,
      `/d/kafka-production-orders-dr?viewPanel=${DrPanel.SOURCE_TASKS_RUNNING}`,
    ]);
  });

  it('writes a Markdown link per alert and cluster, and says relative links are paths on your Grafana', () => {
    const runbook = KAFKA_RUNBOOKS.find((r) => r.slug === 'broker-down')!;
    const relative = renderRunbook(runbook, [KafkaAlertName.NODE_DOWN], dashboardPanelLinks('orders', groups, clusterDashboards(strimzi, false), undefined).filter((l) => l.runbook === 'broker-down'));
    expect(relative).toContain('## Dashboards');
    expect(relative).toContain(`- \`KafkaNodeDown\` on \`orders\`: [Kafka orders (production): operations: Node up](/d/kafka-production-orders-ops?viewPanel=${OperationalPanel.NODE_UP})`);
    expect(relative).toContain('paths on your Grafana');
    const absolute = renderRunbook(runbook, [KafkaAlertName.NODE_DOWN], dashboardPanelLinks('orders', groups, clusterDashboards(strimzi, false), 'https://g.example.com').filter((l) => l.runbook === 'broker-down'));
    expect(absolute).toContain('(https://g.example.com/d/kafka-production-orders-ops?viewPanel=5)');
    expect(absolute).not.toContain('paths on your Grafana');
    // Without a panel, no section.
    expect(renderRunbook(runbook, [KafkaAlertName.NODE_DOWN])).not.toContain('## Dashboards');
  });
});
