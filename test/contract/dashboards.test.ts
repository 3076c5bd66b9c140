import { describe, expect, it } from 'vitest';
import * as grafana from '@grafana/grafana-foundation-sdk/dashboard';
import {
  DASHBOARD_DIR, DashboardKind, clusterDashboards, dashboardQueries, dashboardUid, drDashboard, overviewDashboard,
  renderDashboard, sloDashboard, type BuiltDashboard, type DashboardCluster,
} from '../../lib/contract/dashboards';
import { EnvironmentProfile } from '../../lib/model/environment';
import { emittedMetric } from '../../lib/model/monitoring/exporter-metric-catalogue';
import { jmxExporterMetrics, mskOpenMonitoringMetrics, MetricsBackendKind, type MonitoredClusterIdentity } from '../../lib/model/monitoring/metrics-backend';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { SLO_RECORDS, ServiceLevelObjective } from '../../lib/model/monitoring/service-level-objective';
import { CapacityPlan } from '../../lib/model/capacity/capacity-planner';
import { promqlSelectors } from '../support/dashboard-queries';

const id = (cluster: string): MonitoredClusterIdentity => ({ cluster, environment: 'production', region: 'us-east-1', namespace: 'kafka' });
const slos = ServiceLevelObjective.defaultsFor(EnvironmentProfile.PRODUCTION);
const plan = CapacityPlan.forWorkload({ name: 'orders', messagesPerSecond: 2000, averageMessageBytes: 1024, retentionSeconds: 7 * 24 * 3600 });

const strimzi: DashboardCluster = {
  identity: id('orders'), expectedNodes: 6, slos, capacityPlans: [plan], replicationRpo: PrometheusDuration.minutes(5),
  metrics: jmxExporterMetrics(id('orders'), { pvcClusterLabel: 'label_kafka_iac_dev_cluster', certificates: 'strimzi', mirrorMaker2: true }),
};
const statefulset: DashboardCluster = {
  identity: id('dev'), expectedNodes: 1, slos,
  metrics: jmxExporterMetrics(id('dev'), { pvcClusterLabel: 'label_kafka_iac_dev_cluster', certificates: 'cert-manager' }),
};
const mskKraft: DashboardCluster = { identity: id('msk'), expectedNodes: 3, slos, capacityPlans: [plan], metrics: mskOpenMonitoringMetrics(id('msk'), { kraft: true }) };
const mskZooKeeper: DashboardCluster = { identity: id('mskzk'), expectedNodes: 3, slos, metrics: mskOpenMonitoringMetrics(id('mskzk'), { kraft: false }) };

/** Every selector of every panel query, with the dashboard it is on. */
function selectorsOf(dashboards: readonly BuiltDashboard[]) {
  return dashboards.flatMap((d) => dashboardQueries(d.model).flatMap((expr) => promqlSelectors(expr).map((s) => ({ ...s, expr, uid: d.uid }))));
}

/** The recording rules of a cluster's SLOs: record name and labels, as the alerts' rule groups hold them. */
function sloRecordingRules(c: DashboardCluster) {
  return c.slos.flatMap((s) => s.ruleGroups(c.identity, c.metrics)).flatMap((g) => g.recordingRules);
}

describe('every panel query reads a metric the target\'s exporters emit (test/deploy/alert-metric-catalogue.test.ts catalogue) or an SLO recording rule', () => {
  it.each([
    ['Strimzi with MirrorMaker 2', strimzi, MetricsBackendKind.JMX_EXPORTER, true, true],
    ['StatefulSet', statefulset, MetricsBackendKind.JMX_EXPORTER, true, false],
    ['MSK KRaft (controllers not scraped)', mskKraft, MetricsBackendKind.MSK_OPEN_MONITORING, false, false],
    ['MSK ZooKeeper mode', mskZooKeeper, MetricsBackendKind.MSK_OPEN_MONITORING, true, false],
  ] as const)('%s', (_name, cluster, kind, controllersScraped, dr) => {
    const dashboards = [...clusterDashboards(cluster, dr), overviewDashboard('all', [cluster, cluster])];
    const records = new Set(sloRecordingRules(cluster).map((r) => r.record));
    const missing: string[] = [];
    const selectors = selectorsOf(dashboards);
    for (const s of selectors) {
      if (s.name.includes(':')) {
        if (!records.has(s.name)) missing.push(`${s.uid}: ${s.name} is no recording rule of the SLOs`);
        continue;
      }
      for (const l of s.nameLabels.length > 0 ? s.nameLabels : [undefined]) {
        if (!emittedMetric(kind, { controllersScraped }, s.name, l)) missing.push(`${s.uid}: ${s.name}${l ? `{name="${l}"}` : ''} in ${s.expr}`);
      }
    }
    expect(selectors.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('a dashboard query on a metric no exporter emits is caught by the same check', () => {
    // The check is not vacuous: a misspelt ISR metric is not in the catalogue.
    expect(emittedMetric(MetricsBackendKind.JMX_EXPORTER, { controllersScraped: true }, 'kafka_server_replicamanager_isrshrinkspersec')).toBeUndefined();
    expect(emittedMetric(MetricsBackendKind.MSK_OPEN_MONITORING, { controllersScraped: false }, 'kafka_server_ReplicaManager_Count', 'IsrShrinks')).toBeUndefined();
  });

  it('shows ISR shrinks and expands, controllers, offline partitions, latency, bytes, disk and lag on the operational dashboard', () => {
    const [ops] = clusterDashboards(strimzi, false);
    const names = selectorsOf([ops]).map((s) => s.name);
    for (const m of [strimzi.metrics.isrShrinks, strimzi.metrics.isrExpands, strimzi.metrics.activeControllers!, strimzi.metrics.offlinePartitions!,
      strimzi.metrics.requestP99, strimzi.metrics.bytesIn, strimzi.metrics.bytesOut, strimzi.metrics.disk.available, strimzi.metrics.consumerLag, strimzi.metrics.up]) {
      expect(names).toContain(m.name);
    }
    // The capacity plan's disk per broker and bytes in are drawn as lines.
    expect(dashboardQueries(ops.model)).toContain(`vector(${plan.storagePerBrokerGiB * 1024 ** 3})`);
    expect(dashboardQueries(ops.model)).toContain(`vector(${Math.round(plan.plannedMessagesPerSecond * 1024)})`);
    // MSK KRaft: no controller metric exists, so the panel follows the controller each broker sees.
    const mskNames = selectorsOf([clusterDashboards(mskKraft, false)[0]]).map((s) => s.name);
    expect(mskNames).toContain('kafka_server_MetadataLoader_Value');
    expect(mskNames).not.toContain('kafka_controller_KafkaController_Value');
  });
});

describe('SLO dashboards read the recording rules the alerts use', () => {
  it('every kafka_slo series on the SLO dashboard is a recording rule of the SLO, with its exact labels', () => {
    const d = sloDashboard(strimzi);
    const rules = sloRecordingRules(strimzi);
    const read = dashboardQueries(d.model).flatMap((e) => [...e.matchAll(/(kafka_slo:[a-z_:0-9]+)(\{[^}]*\})/g)].map((m) => ({ record: m[1], matchers: m[2] })));
    expect(read.length).toBeGreaterThan(3 * 6);
    for (const r of read) {
      const rule = rules.find((x) => x.record === r.record && `{${Object.entries(x.labels).map(([k, v]) => `${k}="${v}"`).join(',')}}` === r.matchers);
      expect(rule, `${r.record}${r.matchers}`).toBeDefined();
    }
    // Budget remaining, and the error ratio of every burn-rate window (long and short) for every SLO.
    for (const slo of slos) {
      const mine = read.filter((r) => r.matchers.includes(`slo="${slo.name}"`)).map((r) => r.record);
      expect(mine).toContain(SLO_RECORDS.ERROR_BUDGET_REMAINING);
      for (const { window } of slo.burnRates) {
        expect(mine).toContain(`kafka_slo:sli_error:ratio_rate${window.long}`);
        expect(mine).toContain(`kafka_slo:sli_error:ratio_rate${window.short}`);
      }
    }
  });

  it('the burn-rate alerts read the same records the dashboard reads', () => {
    const alerts = slos.flatMap((s) => s.ruleGroups(strimzi.identity, strimzi.metrics)).flatMap((g) => g.alerts);
    const alertRecords = new Set(alerts.flatMap((a) => [...a.expr.matchAll(/kafka_slo:[a-z_:0-9]+/g)].map((m) => m[0])));
    const dashboardRecords = new Set(dashboardQueries(sloDashboard(strimzi).model).flatMap((e) => [...e.matchAll(/kafka_slo:[a-z_:0-9]+/g)].map((m) => m[0])));
    for (const r of alertRecords) expect(dashboardRecords).toContain(r);
  });

  it('shows each SLO\'s objective and names its burn factors', () => {
    const text = JSON.stringify(sloDashboard(strimzi).model);
    expect(dashboardQueries(sloDashboard(strimzi).model)).toContain('vector(0.999)');
    expect(text).toContain('Page1h 14.4x');
  });
});

describe('DR dashboard', () => {
  it('draws MirrorMaker 2 replication latency against the RPO in milliseconds', () => {
    const queries = dashboardQueries(drDashboard(strimzi).model);
    expect(queries).toContain('vector(300000)');
    expect(queries.some((q) => q.includes(strimzi.metrics.mirrorMakerLatency!.toString()))).toBe(true);
  });

  it('refuses a cluster whose monitoring scrapes no DR pairing', () => {
    expect(() => drDashboard(statefulset)).toThrow(/DR-003 \[drDashboard dev\] a DR dashboard is asked for cluster 'dev', but no DR pairing is monitored there/);
  });
});

describe('the JSON is what the Grafana Foundation SDK built', () => {
  const all = [...clusterDashboards(strimzi, true), ...clusterDashboards(mskKraft, false), overviewDashboard('shop', [strimzi, mskKraft])];

  it('round-trips: the written JSON parses back to the SDK model, and the SDK\'s schema version and defaults are kept', () => {
    for (const d of all) {
      expect(JSON.parse(renderDashboard(d))).toEqual(d.model);
      expect(d.model.schemaVersion).toBe(grafana.defaultDashboard().schemaVersion);
      // Generated dashboards are read-only in Grafana: a change goes into the code, not the UI.
      expect(d.model.editable).toBe(false);
      for (const [k, v] of Object.entries(grafana.defaultDashboard())) if (!['templating', 'annotations', 'editable'].includes(k)) expect(d.model[k], k).toEqual(v);
    }
  });

  it('places every panel on the 24-column grid, with its datasource the dashboard variable and unique query ids', () => {
    for (const d of all) {
      const panels = d.model.panels as Record<string, any>[];
      expect(panels.length).toBeGreaterThan(2);
      for (const p of panels) {
        expect(p.gridPos.x + p.gridPos.w, `${d.uid} ${p.title}`).toBeLessThanOrEqual(24);
        if (p.type === 'row') continue;
        expect(p.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
        const refIds = (p.targets as { refId: string }[]).map((t) => t.refId);
        expect(new Set(refIds).size).toBe(refIds.length);
      }
      expect((d.model.templating as any).list[0]).toMatchObject({ type: 'datasource', name: 'datasource', query: 'prometheus' });
    }
  });

  it('gives each dashboard a unique uid of at most 40 characters (Grafana\'s limit)', () => {
    const uids = all.map((d) => d.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const u of uids) expect(u.length).toBeLessThanOrEqual(40);
    const long = dashboardUid('kafka', 'a-very-long-environment-name', 'a-very-long-cluster-name', 'ops');
    expect(long.length).toBe(40);
    expect(long).not.toBe(dashboardUid('kafka', 'a-very-long-environment-name', 'a-very-long-cluster-name', 'slo'));
  });

  it('escapes label values in PromQL through the PromQL writer', () => {
    const hostile: DashboardCluster = { ...mskKraft, identity: { ...mskKraft.identity, cluster: 'x",kafka_cluster!="' }, metrics: mskOpenMonitoringMetrics({ ...mskKraft.identity, cluster: 'x",kafka_cluster!="' }) };
    const queries = clusterDashboards(hostile, false).flatMap((d) => dashboardQueries(d.model));
    expect(queries.some((q) => q.includes('kafka_cluster="x\\",kafka_cluster!=\\""'))).toBe(true);
    expect(queries.some((q) => q.includes('kafka_cluster="x",'))).toBe(false);
  });

  it('has one dashboard of each kind per cluster, in grafana/', () => {
    expect(clusterDashboards(strimzi, true).map((d) => d.kind)).toEqual([DashboardKind.OPERATIONAL, DashboardKind.SLO, DashboardKind.DR]);
    expect(clusterDashboards({ ...statefulset, slos: [] }, false).map((d) => d.kind)).toEqual([DashboardKind.OPERATIONAL]);
    expect(DASHBOARD_DIR).toBe('grafana');
  });
});
