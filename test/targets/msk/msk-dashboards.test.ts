import { describe, expect, it } from 'vitest';
import { MskCloudWatchAlarms } from '../../../lib/targets/msk/msk-cloudwatch-alarms';
import { MskPrometheusMonitoring } from '../../../lib/targets/msk/msk-prometheus-monitoring';
import { MskReplicatorAlarms } from '../../../lib/targets/msk/msk-replicator-alarms';
import { MskDashboards, MskOverviewDashboard } from '../../../lib/targets/msk/msk-dashboards';
import { terraformText } from '../../../lib/contract/writers/terraform';
import { dashboardQueries } from '../../../lib/contract/dashboards';
import { all, mskStack, only, synthJson } from '../../support/msk-stack';

/** The CloudWatch dashboard body as CloudWatch reads it (after Terraform's template unescaping). */
function body(json: Record<string, any>): { widgets: Record<string, any>[] } {
  return JSON.parse(terraformText(only(json, 'aws_cloudwatch_dashboard').dashboard_body));
}

describe('MskDashboards', () => {
  function withMonitoring(options: { alarms?: boolean; replicator?: boolean } = {}) {
    const p = mskStack();
    new MskPrometheusMonitoring(p.stack, 'Monitoring', { clusterName: p.cluster.clusterName, brokers: p.cluster.brokers, kafkaVersion: p.cluster.kafkaVersion });
    if (options.alarms !== false) new MskCloudWatchAlarms(p.stack, 'Alarms', { clusterName: p.cluster.clusterName, brokers: p.cluster.brokers, consumerGroups: [{ group: 'orders-service', topic: 'orders' }] });
    if (options.replicator) new MskReplicatorAlarms(p.stack, 'ReplicatorAlarms', { replicatorName: 'a-to-b', rpoSeconds: 300, maxMessageLag: 600_000 });
    return p;
  }

  it('draws every CloudWatch alarm\'s own metric or metric math against its threshold', () => {
    const p = withMonitoring();
    const d = new MskDashboards(p.stack, 'Dashboards', { clusterName: p.cluster.clusterName });
    const json = synthJson(p.stack);
    const alarms = all(json, 'aws_cloudwatch_metric_alarm');
    const widgets = body(json).widgets.filter((w) => w.type === 'metric');
    expect(alarms.length).toBeGreaterThan(20);
    expect(widgets).toHaveLength(alarms.length);
    for (const a of alarms) {
      const w = widgets.find((x) => x.properties.title === a.alarm_name);
      expect(w, a.alarm_name).toBeDefined();
      expect(w!.properties.annotations.horizontal[0].value).toBe(a.threshold);
      expect(w!.properties.region).toBe('us-east-1');
      const metrics = w!.properties.metrics as unknown[][];
      if (a.metric_name) {
        // [namespace, metric, dimension name, value, ..., options]; CloudWatch reads the dimensions in any order.
        expect(metrics).toHaveLength(1);
        const [ns, name, ...rest] = metrics[0];
        const options = rest.pop();
        expect([ns, name, options]).toEqual(['AWS/Kafka', a.metric_name, { stat: a.statistic, period: a.period }]);
        const dims = Object.fromEntries(Array.from({ length: rest.length / 2 }, (_, i) => [rest[2 * i], rest[2 * i + 1]]));
        expect(dims).toEqual(a.dimensions);
      } else {
        // Metric math: the same ids, expressions and metrics, the returned series the one shown.
        const expressions = metrics.filter((m) => typeof m[0] === 'object').map((m) => m[0] as Record<string, unknown>);
        const queryExpressions = (a.metric_query as Record<string, any>[]).filter((q) => q.expression);
        expect(expressions.map((e) => [e.id, e.expression, e.visible])).toEqual(queryExpressions.map((q) => [q.id, terraformText(q.expression), q.return_data === true]));
        const queryMetrics = (a.metric_query as Record<string, any>[]).filter((q) => q.metric);
        expect(metrics.filter((m) => typeof m[0] === 'string').map((m) => m[1])).toEqual(queryMetrics.map((q) => q.metric.metric_name));
      }
    }
    expect(only(json, 'aws_cloudwatch_dashboard').dashboard_name).toBe(`kafka-iac-${p.cluster.clusterName}`);
    // No widget overlaps the 24-column grid's edge.
    for (const w of body(json).widgets) expect(w.x + w.width).toBeLessThanOrEqual(24);
    expect(d.files).toEqual([`grafana/kafka-production-${p.cluster.clusterName}-ops.json`, `grafana/kafka-production-${p.cluster.clusterName}-slo.json`]);
  });

  it('writes the Grafana dashboards for open monitoring from the MskPrometheusMonitoring selectors', () => {
    const p = withMonitoring();
    const monitoring = p.stack.node.findChild('Monitoring') as MskPrometheusMonitoring;
    const d = new MskDashboards(p.stack, 'Dashboards', { clusterName: p.cluster.clusterName });
    const queries = d.dashboards.flatMap((x) => dashboardQueries(x.model));
    expect(queries.some((q) => q.includes(monitoring.metrics.underReplicated.toString()))).toBe(true);
    expect(queries.some((q) => q.includes(monitoring.metrics.consumerLag.toString()))).toBe(true);
    expect(d.cluster.expectedNodes).toBe(3);
  });

  it('adds MSK Replicator latency against the RPO and MessageLag against one RPO of traffic when the stack has the replicator alarms', () => {
    const p = withMonitoring({ replicator: true });
    new MskDashboards(p.stack, 'Dashboards', { clusterName: p.cluster.clusterName });
    const widgets = body(synthJson(p.stack)).widgets;
    const latency = widgets.find((w) => w.properties.title === 'a-to-b: replication latency against the RPO')!;
    expect(latency.properties.metrics).toEqual([['AWS/Kafka', 'ReplicationLatency', 'ReplicatorName', 'a-to-b', { stat: 'Maximum', period: 60 }]]);
    expect(latency.properties.annotations.horizontal[0]).toEqual({ label: 'RPO 300 s', value: 300_000 });
    const lag = widgets.find((w) => w.properties.title === 'a-to-b: messages not yet replicated')!;
    expect(lag.properties.annotations.horizontal[0].value).toBe(600_000);
  });

  it('writes the body through the JSON writer and the Terraform string writer: ${ and %{ in a value stay text', () => {
    const p = withMonitoring();
    new MskReplicatorAlarms(p.stack, 'ReplicatorAlarms', { replicatorName: 'a-${var.x}-%{if y}', rpoSeconds: 60, maxMessageLag: 10 });
    new MskDashboards(p.stack, 'Dashboards', { clusterName: p.cluster.clusterName });
    const raw: string = only(synthJson(p.stack), 'aws_cloudwatch_dashboard').dashboard_body;
    expect(raw).toContain('a-$${var.x}-%%{if y}');
    expect(raw).not.toMatch(/(?<!\$)\$\{var/);
    expect(JSON.parse(terraformText(raw)).widgets.map((w: any) => w.properties.title)).toContain('a-${var.x}-%{if y}: replication latency against the RPO');
  });

  it('has no CloudWatch dashboard when there are no alarms to draw', () => {
    const p = withMonitoring({ alarms: false });
    const d = new MskDashboards(p.stack, 'Dashboards', { clusterName: p.cluster.clusterName });
    expect(d.cloudWatchDashboard).toBeUndefined();
    expect(all(synthJson(p.stack), 'aws_cloudwatch_dashboard')).toEqual([]);
  });

  it('refuses dashboards for a cluster without monitoring in the stack', () => {
    const p = mskStack();
    new MskCloudWatchAlarms(p.stack, 'Alarms', { clusterName: p.cluster.clusterName, brokers: p.cluster.brokers });
    expect(() => new MskDashboards(p.stack, 'Dashboards', { clusterName: p.cluster.clusterName }))
      .toThrow(`KIAC-DASHBOARD [production/Dashboards] cluster '${p.cluster.clusterName}' has no MskPrometheusMonitoring in this scope`);
  });

  it('refuses a DR dashboard without a DR pairing (no MskReplicatorAlarms in the stack)', () => {
    const p = withMonitoring();
    expect(() => new MskDashboards(p.stack, 'Dashboards', { clusterName: p.cluster.clusterName, dr: true }))
      .toThrow(/^DR-003 \[production\/Dashboards\] a DR dashboard is asked for cluster '.+', but no DR pairing is monitored there; expected MskReplicatorAlarms/);
  });

  it('refuses a grafanaUrl that is not an absolute http(s) URL', () => {
    const p = withMonitoring();
    expect(() => new MskDashboards(p.stack, 'Dashboards', { clusterName: p.cluster.clusterName, grafanaUrl: 'grafana.example.com/d' }))
      .toThrow(/^KIAC-PROP \[production\/Dashboards\] grafanaUrl is 'grafana.example.com\/d'; expected an absolute http\(s\) URL/);
  });

  it('writes an overview of several clusters, and refuses one of a single cluster', () => {
    const p = withMonitoring();
    const d = new MskDashboards(p.stack, 'Dashboards', { clusterName: p.cluster.clusterName });
    const other = { ...d.cluster, identity: { ...d.cluster.identity, cluster: 'other' } };
    const overview = new MskOverviewDashboard(p.stack, 'Overview', { name: 'shop', clusters: [d.cluster, other] });
    expect(overview.file).toBe('grafana/kafka-shop-overview.json');
    expect(() => new MskOverviewDashboard(p.stack, 'Overview1', { name: 'one', clusters: [d.cluster] })).toThrow(/^KIAC-DASHBOARD \[production\/Overview1\] clusters is 1/);
  });
});
