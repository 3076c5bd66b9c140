// How MON-010 and DR-003 find the monitoring of a KafkaMirrorMaker2 (lib/rules/checks/mirror-maker-2-monitoring.ts),
// over hand-built documents: the pod labels Strimzi gives its pods, the PodMonitors that select
// them and label their series, and the MON-010 alerts on those series (latency, nothing running).
// The PodMonitor and alert shapes are the ones KafkaPrometheusMonitoring writes
// (lib/targets/kubernetes/kafka-prometheus-monitoring.ts, lib/model/monitoring/kafka-alerts.ts).
import { describe, expect, it } from 'vitest';
import type { KubernetesDocument } from '../../../lib/contract/document';
import { MIRROR_MAKER_2_ROLE, mirrorMaker2MonitoringOf, mirrorMaker2PodLabels } from '../../../lib/rules/checks/mirror-maker-2-monitoring';
import { kubernetes } from '../fixtures/cap-documents';
import { ruleContext } from '../fixtures/rule-context';

const CLUSTER = 'dr-kafka';
const SERIES = `kafka_cluster="${CLUSTER}",kafka_role="mirrormaker2"`;

const mirrorMaker = (labels: Record<string, unknown> | undefined, spec: Record<string, unknown> = {}): KubernetesDocument =>
  kubernetes('kafka.strimzi.io/v1beta2', 'KafkaMirrorMaker2', 'mm2', { metadata: { labels }, spec });
const mm2 = mirrorMaker({ 'kafka-iac.dev/cluster': CLUSTER, 'strimzi.io/kind': 'KafkaMirrorMaker2' });

interface Relabeling { action?: string; targetLabel?: string; replacement?: string; sourceLabels?: string[] }
const clusterAndRole = (cluster = CLUSTER, role = 'mirrormaker2'): Relabeling[] => [
  { action: 'replace', targetLabel: 'kafka_cluster', replacement: cluster },
  { action: 'replace', targetLabel: 'kafka_role', replacement: role },
];
/** A PodMonitor (KafkaPrometheusMonitoring's shape) selecting `selector`, one endpoint per relabeling list. */
const podMonitor = (name: string, o: { selector?: unknown; matchNames?: string[]; endpoints?: (Relabeling | null)[][] } = {}): KubernetesDocument =>
  kubernetes('monitoring.coreos.com/v1', 'PodMonitor', name, {
    spec: {
      selector: 'selector' in o ? o.selector : { matchLabels: { 'strimzi.io/kind': 'KafkaMirrorMaker2', 'kafka-iac.dev/cluster': CLUSTER } },
      ...(o.matchNames ? { namespaceSelector: { matchNames: o.matchNames } } : {}),
      podMetricsEndpoints: (o.endpoints ?? [clusterAndRole()]).map((relabelings) => ({ port: 'tcp-prometheus', relabelings })),
    },
  });
const alertRule = (rules: readonly { alert: string; expr: string; rule_id?: string }[]) =>
  kubernetes('monitoring.coreos.com/v1', 'PrometheusRule', `${CLUSTER}-kafka-alerts`, {
    metadata: { labels: { 'kafka-iac.dev/cluster': CLUSTER } },
    spec: { groups: [{ name: 'mirrormaker2', rules: rules.map((r) => ({ alert: r.alert, expr: r.expr, labels: { rule_id: r.rule_id ?? 'MON-010', severity: 'critical' } })) }] },
  });
const monitoring = (doc: KubernetesDocument, ...others: KubernetesDocument[]) => mirrorMaker2MonitoringOf(doc, ruleContext([doc, ...others]).index);
const monitorNames = (...monitors: KubernetesDocument[]) => monitoring(mm2, ...monitors).podMonitors.map((m) => m.name);
/** The alerts MON-010 takes as latency alerts and as "nothing runs" alerts, by name. */
const alertNames = (...rules: { alert: string; expr: string; rule_id?: string }[]) => {
  const m = monitoring(mm2, alertRule(rules));
  return { latency: m.latencyAlerts.map((a) => a.alert), down: m.downAlerts.map((a) => a.alert) };
};

describe('mirrorMaker2PodLabels', () => {
  it("is the resource's labels, its pod template's, and the labels Strimzi sets, which win", () => {
    const doc = mirrorMaker({ 'kafka-iac.dev/cluster': CLUSTER, team: 'resource', 'strimzi.io/name': 'mine' }, { template: { pod: { metadata: { labels: { team: 'pod', tier: 'dr' } } } } });
    expect(mirrorMaker2PodLabels(doc)).toEqual({
      'kafka-iac.dev/cluster': CLUSTER, team: 'pod', tier: 'dr',
      'strimzi.io/cluster': 'mm2', 'strimzi.io/kind': 'KafkaMirrorMaker2', 'strimzi.io/name': 'mm2-mirrormaker2',
    });
  });
  it('reads a resource without labels, spec, template, pod or pod metadata', () => {
    const own = { 'strimzi.io/cluster': 'mm2', 'strimzi.io/kind': 'KafkaMirrorMaker2', 'strimzi.io/name': 'mm2-mirrormaker2' };
    const bare: KubernetesDocument = { ...mm2, body: { apiVersion: mm2.apiVersion, kind: mm2.kind } };
    expect(mirrorMaker2PodLabels(bare)).toEqual(own);
    for (const spec of [{ template: {} }, { template: { pod: {} } }, { template: { pod: { metadata: {} } } }]) {
      expect(mirrorMaker2PodLabels(mirrorMaker(undefined, spec))).toEqual(own);
    }
    expect(mirrorMaker2PodLabels({ ...mm2, body: { metadata: { name: 'mm2' } } })).toEqual(own);
  });
});

describe('mirrorMaker2MonitoringOf', () => {
  it('ties nothing to a KafkaMirrorMaker2 without a cluster label, or with one that is empty or not text', () => {
    const everything = [podMonitor('any', { selector: { matchLabels: {} }, endpoints: [clusterAndRole(''), clusterAndRole('7')] }), alertRule([{ alert: 'Down', expr: 'absent(x{kafka_cluster="",kafka_role="mirrormaker2"})' }])];
    for (const doc of [mirrorMaker(undefined), mirrorMaker({ 'kafka-iac.dev/cluster': '' }), mirrorMaker({ 'kafka-iac.dev/cluster': 7 }), { ...mm2, body: { kind: 'KafkaMirrorMaker2' } }]) {
      expect(monitoring(doc, ...everything)).toEqual({ podMonitors: [], latencyAlerts: [], downAlerts: [] });
    }
  });
  it('names the cluster of its label', () => {
    expect(monitoring(mm2)).toEqual({ cluster: CLUSTER, podMonitors: [], latencyAlerts: [], downAlerts: [] });
  });

  describe('the PodMonitors', () => {
    it('takes one that selects its pods and labels their series with its cluster and the MirrorMaker 2 role', () => {
      expect(monitorNames(podMonitor('mine'))).toEqual(['mine']);
      expect(MIRROR_MAKER_2_ROLE).toBe('mirrormaker2');
    });
    it('takes one that watches its namespace or every namespace, not one that watches only others', () => {
      expect(monitorNames(podMonitor('here', { matchNames: ['other', 'kafka'] }), podMonitor('everywhere'), podMonitor('elsewhere', { matchNames: ['other'] }))).toEqual(['here', 'everywhere']);
    });
    it('takes one in any namespace for a KafkaMirrorMaker2 without a namespace', () => {
      const noNamespace: KubernetesDocument = { ...mm2, namespace: undefined };
      expect(monitoring(noNamespace, podMonitor('elsewhere', { matchNames: ['other'] })).podMonitors.map((m) => m.name)).toEqual(['elsewhere']);
    });
    it('leaves one whose selector does not match its pods, or that has no selector or spec', () => {
      const noSpec = kubernetes('monitoring.coreos.com/v1', 'PodMonitor', 'no-spec', {});
      expect(monitorNames(
        podMonitor('other-cluster', { selector: { matchLabels: { 'kafka-iac.dev/cluster': 'other' } } }),
        podMonitor('no-selector', { selector: undefined }),
        noSpec,
      )).toEqual([]);
    });
    it('takes one with an endpoint that labels the series, among endpoints that do not', () => {
      expect(monitorNames(podMonitor('two', { endpoints: [[], clusterAndRole()] }))).toEqual(['two']);
      expect(monitorNames(podMonitor('none', { endpoints: [] }))).toEqual([]);
    });
    it('leaves one that labels the series for another cluster or role, or not with a fixed value', () => {
      const [cluster, role] = clusterAndRole();
      expect(monitorNames(
        podMonitor('other-cluster', { endpoints: [clusterAndRole('other')] }),
        podMonitor('other-role', { endpoints: [clusterAndRole(CLUSTER, 'kafka')] }),
        podMonitor('role-only', { endpoints: [[role]] }),
        podMonitor('cluster-only', { endpoints: [[cluster]] }),
        podMonitor('other-target', { endpoints: [[{ ...cluster, targetLabel: 'cluster' }, role]] }),
        podMonitor('labelmap', { endpoints: [[{ ...cluster, action: 'labelmap' }, role]] }),
        podMonitor('from-source', { endpoints: [[{ ...cluster, sourceLabels: ['__meta_kubernetes_pod_label_cluster'] }, role]] }),
      )).toEqual([]);
    });
    it("takes a relabeling without an action (Prometheus' default is replace), and reads past an empty one", () => {
      const [cluster, role] = clusterAndRole();
      expect(monitorNames(podMonitor('default-action', { endpoints: [[null, { targetLabel: cluster.targetLabel, replacement: cluster.replacement }, role]] }))).toEqual(['default-action']);
      const noRelabelings = kubernetes('monitoring.coreos.com/v1', 'PodMonitor', 'no-relabelings', { spec: { selector: { matchLabels: {} }, podMetricsEndpoints: [{ port: 'tcp-prometheus' }] } });
      expect(monitorNames(noRelabelings)).toEqual([]);
    });
  });

  describe('the MON-010 alerts', () => {
    const latency = `max by (topic) (kafka_connect_mirror_source_connector_replication_latency_ms_max{${SERIES}}) > 300000`;
    const running = `kafka_connect_connector_task_status{${SERIES},status="running",connector=~".*MirrorSourceConnector.*"}`;
    it('takes the latency alert and the alert that fires when no source task runs (as KafkaPrometheusMonitoring writes them)', () => {
      expect(alertNames({ alert: 'BehindRpo', expr: latency }, { alert: 'Down', expr: `(count(${running}) or vector(0)) < 1` })).toEqual({ latency: ['BehindRpo'], down: ['Down'] });
    });
    it('leaves alerts of another rule, of another cluster or role, or with the cluster and role in different selectors', () => {
      expect(alertNames(
        { alert: 'OtherRule', expr: latency, rule_id: 'MON-002' },
        { alert: 'OtherCluster', expr: latency.replace(CLUSTER, 'other') },
        { alert: 'OtherRole', expr: latency.replace('mirrormaker2', 'kafka') },
        { alert: 'Split', expr: `kafka_connect_mirror_source_connector_replication_latency_ms_max{kafka_cluster="${CLUSTER}"} > on() group_left up{kafka_role="mirrormaker2"}` },
      )).toEqual({ latency: [], down: [] });
    });
    it('takes an alert whose selector of the series is one of several', () => {
      expect(alertNames({ alert: 'Guarded', expr: `kafka_connect_mirror_source_connector_replication_latency_ms_max{${SERIES}} > 300000 unless on() maintenance{team="dr"}` })).toEqual({ latency: ['Guarded'], down: [] });
    });
    it('takes as "nothing runs" an absent(), fewer than one running source task, none running, or the pods down', () => {
      expect(alertNames(
        { alert: 'Absent', expr: `absent(${running})` },
        { alert: 'LessThanOne', expr: `(count(${running}) or vector(0)) < 1` },
        { alert: 'LessThanTwo', expr: `(count(${running}) or vector(0)) < 2` },
        { alert: 'EqualsZero', expr: `(count(${running}) or vector(0)) == 0` },
        { alert: 'AtMostZero', expr: `(count(${running}) or vector(0)) <= 0` },
        { alert: 'BothConnectors', expr: `(count(${running.replace('.*MirrorSourceConnector.*', '.*(MirrorSourceConnector|MirrorCheckpointConnector).*')}) or vector(0)) < 1` },
        { alert: 'PodsDown', expr: `up{${SERIES}} == 0` },
      ).down).toEqual(['Absent', 'LessThanOne', 'LessThanTwo', 'EqualsZero', 'AtMostZero', 'BothConnectors', 'PodsDown']);
    });
    it('does not take alerts that fire while tasks still run, on the checkpoint connector alone, or without a comparison', () => {
      const checkpoint = running.replace('MirrorSourceConnector', 'MirrorCheckpointConnector');
      expect(alertNames(
        { alert: 'LessThanHalf', expr: `(count(${running}) or vector(0)) < 0.5` },
        { alert: 'EqualsOne', expr: `(count(${running}) or vector(0)) == 1` },
        { alert: 'AtMostOne', expr: `(count(${running}) or vector(0)) <= 1` },
        { alert: 'MoreThanZero', expr: `(count(${running}) or vector(0)) > 0` },
        { alert: 'Checkpoints', expr: `(count(${checkpoint}) or vector(0)) < 1` },
        { alert: 'NoComparison', expr: `count(${running})` },
        { alert: 'PodsUp', expr: `up{${SERIES}} == 1` },
        { alert: 'PodsNotDown', expr: `up{${SERIES}} != 0` },
        { alert: 'PodsLess', expr: `up{${SERIES}} < 1` },
        { alert: 'OtherMetric', expr: `kafka_connect_worker_connector_count{${SERIES}} == 0` },
        { alert: 'FailedTasks', expr: `count(kafka_connect_connector_task_status{${SERIES},status="failed"}) == 0` },
      ).down).toEqual([]);
    });
    it('takes a latency alert as latency only, even when it also fires on absence', () => {
      expect(alertNames({ alert: 'LatencyOrAbsent', expr: `${latency} or absent(kafka_connect_mirror_source_connector_replication_latency_ms_max{${SERIES}}) == 1` })).toEqual({ latency: ['LatencyOrAbsent'], down: [] });
    });
  });
});
