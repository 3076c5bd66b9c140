import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KafkaApp } from '../../../lib/app/kafka-app';
import { Environment } from '../../../lib/model/environment';
import { KafkaIacError } from '../../../lib/model/errors';
import { PrometheusDuration } from '../../../lib/model/monitoring/prometheus-duration';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { KafkaGrafanaDashboards, KafkaOverviewDashboard } from '../../../lib/targets/kubernetes/kafka-grafana-dashboards';
import { DASHBOARD_KIND_LABEL, GRAFANA_DASHBOARD_LABEL, KAFKA_CLUSTER_LABEL } from '../../../lib/contract/vocabulary';
import { dashboardQueries } from '../../../lib/contract/dashboards';
import { KafkaJmxMetricNames } from '../../../lib/targets/kubernetes/jmx-exporter-rules';
import { validateWithModel } from '../../support/kubernetes-validation';
import { dashboardsIn } from '../../support/dashboard-queries';
import { TEST_OUT } from '../../support/paths';

const OUT = path.join(TEST_OUT, 'dashboards-kubernetes');

function synth(name: string, configure: (app: KafkaApp, env: Environment) => void): string {
  const dir = path.join(OUT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), quiet: true });
  const env = Environment.production({ name: 'production', region: 'us-east-1' });
  configure(app, env);
  app.synth();
  return path.join(dir, 'dist', 'production');
}

function configMaps(dist: string): Record<string, any>[] {
  return fs.readdirSync(dist).filter((f) => f.endsWith('.k8s.yaml'))
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dist, f), 'utf8')).map((d) => d.toJS() as Record<string, any>))
    .filter((o) => o.kind === 'ConfigMap' && o.metadata?.labels?.[GRAFANA_DASHBOARD_LABEL] !== undefined);
}

describe('KafkaGrafanaDashboards', () => {
  const dist = synth('strimzi', (app, env) => {
    const chart = app.chart(env, 'monitoring');
    new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, replicationRpo: PrometheusDuration.minutes(5) });
    const orders = new KafkaGrafanaDashboards(chart, 'Dashboards', { clusterName: 'orders' });
    new KafkaPrometheusMonitoring(chart, 'PaymentsMonitoring', { clusterName: 'payments', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6 });
    const payments = new KafkaGrafanaDashboards(chart, 'PaymentsDashboards', { clusterName: 'payments' });
    new KafkaOverviewDashboard(chart, 'Overview', { name: 'shop', clusters: [orders.cluster, payments.cluster] });
  });
  const maps = configMaps(dist);

  it('writes one ConfigMap per dashboard, labelled for the Grafana sidecar (grafana_dashboard: "1") and with the cluster', () => {
    expect(maps.map((m) => m.metadata.name).sort()).toEqual([
      'orders-dashboard-dr', 'orders-dashboard-operational', 'orders-dashboard-slo',
      'payments-dashboard-operational', 'payments-dashboard-slo', 'shop-dashboard-overview',
    ]);
    for (const m of maps) {
      expect(m.metadata.labels[GRAFANA_DASHBOARD_LABEL]).toBe('1');
      expect(Object.keys(m.data)).toHaveLength(1);
      expect(Object.keys(m.data)[0]).toMatch(/^[A-Za-z0-9_-]{1,40}\.json$/);
    }
    expect(maps.find((m) => m.metadata.name === 'orders-dashboard-dr')!.metadata.labels).toMatchObject({ [KAFKA_CLUSTER_LABEL]: 'orders', [DASHBOARD_KIND_LABEL]: 'dr' });
  });

  it('the ConfigMaps pass the kubernetes-models schema', async () => {
    for (const m of maps) expect(await validateWithModel(m), m.metadata.name).toBeUndefined();
  });

  it('are in the kustomization: kubectl kustomize builds them', () => {
    const built = execFileSync('kubectl', ['kustomize', dist], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const names = parseAllDocuments(built).map((d) => d.toJS() as Record<string, any>).filter((o) => o.kind === 'ConfigMap').map((o) => o.metadata.name);
    expect(names).toEqual(expect.arrayContaining(maps.map((m) => m.metadata.name)));
  });

  it('every dashboard of the cluster reads its monitoring\'s selectors (orders), never another cluster\'s', () => {
    const orders = dashboardsIn(dist).filter((d) => d.source.includes('orders-dashboard'));
    expect(orders).toHaveLength(3);
    for (const d of orders) {
      for (const q of dashboardQueries(d.model).filter((e) => e.includes('kafka_cluster='))) expect(q).not.toContain('kafka_cluster="payments"');
    }
  });

  it('reads the ISR and bytes counters under the names the shipped JMX exporter rules export (test/targets/kubernetes/jmx-exporter-rules.test.ts)', () => {
    const queries = dashboardsIn(dist).flatMap((d) => dashboardQueries(d.model)).join('\n');
    for (const name of [KafkaJmxMetricNames.ISR_SHRINKS_TOTAL, KafkaJmxMetricNames.ISR_EXPANDS_TOTAL, KafkaJmxMetricNames.BYTES_IN_TOTAL, KafkaJmxMetricNames.BYTES_OUT_TOTAL]) {
      expect(queries).toContain(`${name}{`);
    }
  });

  it('refuses dashboards for a cluster without monitoring in the chart', () => {
    const app = new KafkaApp({ terraformOutdir: path.join(OUT, 'x'), distDir: path.join(OUT, 'x'), quiet: true });
    const chart = app.chart(Environment.production({ name: 'production', region: 'us-east-1' }), 'kafka');
    expect(() => new KafkaGrafanaDashboards(chart, 'Dashboards', { clusterName: 'orders' })).toThrow(KafkaIacError);
    expect(() => new KafkaGrafanaDashboards(chart, 'Dashboards2', { clusterName: 'orders' }))
      .toThrow("KIAC-DASHBOARD [kafka/Dashboards2] cluster 'orders' has no KafkaPrometheusMonitoring in this scope; expected the monitoring whose metrics the dashboards read.");
  });

  it('refuses a DR dashboard when the cluster\'s monitoring scrapes no DR pairing', () => {
    const app = new KafkaApp({ terraformOutdir: path.join(OUT, 'y'), distDir: path.join(OUT, 'y'), quiet: true });
    const chart = app.chart(Environment.production({ name: 'production', region: 'us-east-1' }), 'kafka');
    new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 3 });
    expect(() => new KafkaGrafanaDashboards(chart, 'Dashboards', { clusterName: 'orders', dr: true }))
      .toThrow(/^DR-003 \[kafka\/Dashboards\] a DR dashboard is asked for cluster 'orders', but no DR pairing is monitored there; expected replicationRpo on its KafkaPrometheusMonitoring/);
    // Without `dr`, no DR dashboard is made for it.
    expect(new KafkaGrafanaDashboards(chart, 'Plain', { clusterName: 'orders' }).dashboards.map((d) => d.kind)).toEqual(['operational', 'slo']);
  });

  it('links the runbooks to the panels on the Grafana at grafanaUrl, and no MirrorMaker 2 alert when the DR dashboard is off', () => {
    const linked = synth('grafana-url', (app, env) => {
      const chart = app.chart(env, 'monitoring');
      new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, replicationRpo: PrometheusDuration.minutes(5) });
      new KafkaGrafanaDashboards(chart, 'Dashboards', { clusterName: 'orders', dr: false, grafanaUrl: 'https://grafana.example.com/' });
    });
    const runbook = (slug: string) => fs.readFileSync(path.join(linked, 'runbooks', `${slug}.md`), 'utf8');
    // Operational panel 6: under-replicated partitions (OperationalPanel.UNDER_REPLICATED_PARTITIONS).
    expect(runbook('under-replicated-partitions')).toContain('(https://grafana.example.com/d/kafka-production-orders-ops?viewPanel=6)');
    // The MON-010 alerts exist, but dr: false builds no DR dashboard: no link to a panel that is not there.
    expect(runbook('mirrormaker2-replication-lag')).toContain('`KafkaMirrorMaker2Down`');
    expect(runbook('mirrormaker2-replication-lag')).not.toContain('## Dashboards');
  });

  it('refuses a grafanaUrl that is not an absolute http(s) URL without query, fragment or Markdown syntax', () => {
    const app = new KafkaApp({ terraformOutdir: path.join(OUT, 'u'), distDir: path.join(OUT, 'u'), quiet: true });
    const chart = app.chart(Environment.production({ name: 'production', region: 'us-east-1' }), 'kafka');
    new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 3 });
    for (const [i, bad] of ['grafana.example.com', 'https://grafana.example.com/?orgId=1', 'https://grafana.example.com/x)(y', 'https://grafana.example.com/${x}', 'ftp://grafana.example.com'].entries()) {
      expect(() => new KafkaGrafanaDashboards(chart, `Dashboards${i}`, { clusterName: 'orders', grafanaUrl: bad }), bad)
        .toThrow(new RegExp(`^KIAC-PROP \\[kafka/Dashboards${i}\\] grafanaUrl is .*; expected an absolute http\\(s\\) URL`));
    }
  });

  it('refuses an overview of fewer than two clusters', () => {
    const app = new KafkaApp({ terraformOutdir: path.join(OUT, 'z'), distDir: path.join(OUT, 'z'), quiet: true });
    const chart = app.chart(Environment.production({ name: 'production', region: 'us-east-1' }), 'kafka');
    new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 3 });
    const d = new KafkaGrafanaDashboards(chart, 'Dashboards', { clusterName: 'orders' });
    expect(() => new KafkaOverviewDashboard(chart, 'Overview', { name: 'shop', clusters: [d.cluster] })).toThrow(/^KIAC-DASHBOARD \[kafka\/Overview\] clusters is 1; expected at least 2 clusters/);
  });
});
