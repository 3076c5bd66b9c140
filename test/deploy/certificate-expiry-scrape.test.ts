import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { Environment } from '../../lib/model/environment';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { SCRATCH_APP } from '../support/scratch';

/*
 * Strimzi: strimzi_certificate_expiration_timestamp_ms is a metric of the Cluster Operator
 * (cluster-operator KafkaAssemblyOperatorMetricsHolder, tags cluster, type, resource_namespace),
 * scraped by strimzi-kafka-operator packaging/examples/metrics/prometheus-install/pod-monitors/
 * cluster-operator-metrics.yaml: selector strimzi.io/kind: cluster-operator, port http, /metrics.
 * cert-manager (cert-manager.io/docs/devops-tips/prometheus-metrics): metrics on port 9402 named
 * http-metrics of the controller (app.kubernetes.io/name: cert-manager, app.kubernetes.io/component:
 * controller); certmanager_certificate_expiration_timestamp_seconds carries the Certificate's
 * `namespace`, which Prometheus renames `exported_namespace` when it scrapes the cert-manager pod
 * with honor_labels false (Prometheus scrape_config honor_labels).
 */
function monitoring(target: KubernetesKafkaTarget, props: { certificateExporterNamespace?: string } = {}) {
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  const chart = new KafkaChart(Testing.app(SCRATCH_APP), 'kafka', { environment });
  const m = new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target, expectedNodes: 6, ...props });
  const alerts = m.groups.flatMap((g) => g.alerts);
  return { chart, m, alerts, objects: Testing.synth(chart) };
}

describe('certificate expiry (MON-011) is scraped and selected where its exporter puts it', () => {
  it('Strimzi: a PodMonitor scrapes the Cluster Operator, which nothing scraped before', () => {
    const { objects } = monitoring(KubernetesKafkaTarget.STRIMZI, { certificateExporterNamespace: 'strimzi' });
    const pm = objects.find((o) => o.kind === 'PodMonitor' && o.metadata.name === 'orders-cluster-operator')!;
    expect(pm.spec).toEqual({
      selector: { matchLabels: { 'strimzi.io/kind': 'cluster-operator' } },
      namespaceSelector: { matchNames: ['strimzi'] },
      podMetricsEndpoints: [{ port: 'http', path: '/metrics', interval: '30s' }],
    });
  });

  it('StatefulSet: a PodMonitor scrapes the cert-manager controller without honorLabels, and the alert selects exported_namespace', () => {
    const { objects, alerts } = monitoring(KubernetesKafkaTarget.STATEFULSET);
    const pm = objects.find((o) => o.kind === 'PodMonitor' && o.metadata.name === 'orders-cert-manager')!;
    expect(pm.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'cert-manager', 'app.kubernetes.io/component': 'controller' });
    expect(pm.spec.namespaceSelector).toEqual({ matchNames: ['cert-manager'] });
    expect(pm.spec.podMetricsEndpoints).toEqual([{ port: 'http-metrics', path: '/metrics', interval: '30s' }]);
    expect(pm.spec.podMetricsEndpoints[0].honorLabels).toBeUndefined();
    const expiring = alerts.find((a) => a.alert === 'KafkaCertificateExpiringSoon')!;
    expect(expiring.expr).toContain('certmanager_certificate_expiration_timestamp_seconds{exported_namespace="kafka"}');
    expect(expiring.expr).not.toMatch(/[{,]namespace=/);
  });

  it('an absent() guard makes a missing expiry metric visible, on both targets', () => {
    for (const [target, selector] of [
      [KubernetesKafkaTarget.STRIMZI, 'strimzi_certificate_expiration_timestamp_ms{cluster="orders",resource_namespace="kafka"}'],
      [KubernetesKafkaTarget.STATEFULSET, 'certmanager_certificate_expiration_timestamp_seconds{exported_namespace="kafka"}'],
    ] as const) {
      const absent = monitoring(target).alerts.find((a) => a.alert === 'KafkaCertificateExpiryMetricsAbsent')!;
      expect(absent).toMatchObject({ ruleId: 'MON-011', severity: 'warning', expr: `absent(${selector})` });
      expect(absent.scenarios.map((s) => s.firing.length)).toEqual([1, 0]);
    }
  });

  it('refuses a certificate exporter namespace that is not a namespace name', () => {
    expect(() => monitoring(KubernetesKafkaTarget.STRIMZI, { certificateExporterNamespace: 'Strimzi Operators' })).toThrow(/certificateExporterNamespace/);
  });
});
