import { manifestOf } from '../../model/environment';
import type { PrometheusAlertOptions } from '../../model/monitoring/prometheus-alert-options';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { checkNamespace } from '../../model/grammar/names';
import { KafkaIacError } from '../../model/errors';
import { RuleTarget } from '../../contract/rule-target';

import type { RuleGroup } from '../../model/monitoring/alert-rule';
import { ScrapeRole, jmxExporterMetrics, monitoredClusterIdentity, type BackendMetrics, type MonitoredClusterIdentity } from '../../model/monitoring/metrics-backend';
import { scrapedSeriesLabels } from '../../model/monitoring/series-labels';
import { addPrometheusFiles } from '../../contract/monitoring-output-files';
import { clusterRuleGroups } from '../../contract/cluster-rule-groups';
import { NAMESPACE_LABEL } from '../../contract/alertmanager-config';
import { renderGroups } from '../../contract/prometheus-rule-file';
import type { PrometheusDuration } from '../../model/monitoring/prometheus-duration';
import { ServiceLevelObjective } from '../../model/monitoring/service-level-objective';
import { KAFKA_CLUSTER_LABEL, METRICS_BACKEND_LABEL, METRICS_PORT_NAME, STRIMZI_CLUSTER_LABEL, TARGET_LABEL } from '../../contract/vocabulary';
import {
  kubernetesScalingMetrics, rebalanceFailedAlert, ScalingTarget, type ScalingAlertOptions,
} from '../../model/monitoring/scaling-alerts';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { checkInteger } from '../../model/grammar/numbers';
import { KUBERNETES_MAX_NODES } from '../../model/grammar/limits';

/** Which Kubernetes target the cluster runs on. */
export enum KubernetesKafkaTarget {
  /** Strimzi 1.2 custom resources. */
  STRIMZI = 'strimzi',
  /** The plain StatefulSet target. */
  STATEFULSET = 'statefulset',
}

/** Props of a `KafkaPrometheusMonitoring`: the cluster it watches and the alerts it writes. */
export interface KafkaPrometheusMonitoringProps extends PrometheusAlertOptions {
  /** The Kafka cluster's name (`metadata.name` of the Strimzi `Kafka`, or the StatefulSet cluster name). */
  readonly clusterName: string;
  readonly target: KubernetesKafkaTarget;
  /** Kafka nodes (brokers and KRaft controllers) the PodMonitor scrapes; MON-001 fires when fewer are up. */
  readonly expectedNodes: number;
  /**
   * Labels that select the Kafka node pods (brokers and controllers, every node pool).
   * @default - Strimzi: `strimzi.io/cluster`, `strimzi.io/kind: Kafka`, `strimzi.io/name: <cluster>-kafka`;
   * StatefulSet: `kafka-iac.dev/cluster: <cluster>`, `kafka-iac.dev/target: statefulset`, `app.kubernetes.io/name: kafka`
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * Labels that select the Kafka Exporter pods (consumer lag, MON-002/003).
   * @default - Strimzi: `strimzi.io/cluster`, `strimzi.io/name: <cluster>-kafka-exporter`;
   * StatefulSet: `kafka-iac.dev/cluster: <cluster>`, `app.kubernetes.io/name: kafka-exporter`
   */
  readonly exporterSelector?: Readonly<Record<string, string>>;
  /**
   * The named container port of the JMX exporter.
   * @default 'tcp-prometheus' (Strimzi's name)
   */
  readonly metricsPort?: string;
  /**
   * The named container port of Kafka Exporter.
   * @default 'tcp-prometheus'
   */
  readonly exporterPort?: string;
  /**
   * The PVC label, as kube-state-metrics exposes it, that carries the cluster name (MON-004/005).
   * Allow it in kube-state-metrics: `--metric-labels-allowlist=persistentvolumeclaims=[kafka-iac.dev/cluster]`.
   * @default 'label_kafka_iac_dev_cluster'
   */
  readonly pvcClusterLabel?: string;
  /**
   * MON-010: the declared RPO, when MirrorMaker 2 replicates this cluster; its pods are selected by `mirrorMakerSelector`.
   * @default - no MirrorMaker 2 alert
   */
  readonly replicationRpo?: PrometheusDuration;
  /**
   * Labels that select the MirrorMaker 2 pods (with `replicationRpo`).
   * @default - `strimzi.io/kind: KafkaMirrorMaker2`, `kafka-iac.dev/cluster: <cluster>`
   */
  readonly mirrorMakerSelector?: Readonly<Record<string, string>>;
  /**
   * Labels that the Prometheus custom resource selects rules and monitors by (`ruleSelector`, `podMonitorSelector`).
   * @default - none beyond the cluster labels
   */
  readonly prometheusSelectorLabels?: Readonly<Record<string, string>>;
  /**
   * The namespace of the pod that exports certificate expiry (MON-011): Strimzi's Cluster
   * Operator (`strimzi_certificate_expiration_timestamp_ms`), or cert-manager's controller on the
   * StatefulSet target (`certmanager_certificate_expiration_timestamp_seconds`). A PodMonitor
   * scrapes it there.
   * @default - Strimzi: the Kafka's namespace (where the quick start installs the operator); StatefulSet: 'cert-manager'
   */
  readonly certificateExporterNamespace?: string;
  /**
   * Scaling alerts (group `kafka-<cluster>-scaling`): CPU, memory, throughput against the
   * capacity plan, connections, each linking the runbook of this target, and on Strimzi a failed
   * Cruise Control rebalance. CPU and memory come from cAdvisor and kube-state-metrics
   * (`kube_pod_labels` with the pod label `kafka-iac.dev/cluster` allowed).
   * @default - on, with the documents' thresholds
   */
  readonly scaling?: ScalingAlertOptions;
}

/**
 * Monitoring of one Kafka cluster on Kubernetes with the Prometheus Operator: PodMonitors for
 * the Kafka nodes and Kafka Exporter that add the `kafka_cluster`, `environment` and
 * `kafka_role` labels the alerts select by, a PrometheusRule with MON-001 to MON-012 and the
 * SLO burn-rate rules, and in `dist/<env>/` the same rules as plain files with a promtool unit
 * test per alert and the runbooks.
 */
export class KafkaPrometheusMonitoring extends KafkaIacConstruct {
  /** The PrometheusRule (`Resource`); escape hatch: `addJsonPatch`. */
  public readonly resource: ApiObject;
  public readonly nodePodMonitor: ApiObject;
  public readonly exporterPodMonitor: ApiObject;
  public readonly mirrorMakerPodMonitor?: ApiObject;
  /** The PodMonitor of the certificate-expiry exporter: Strimzi's Cluster Operator or cert-manager. */
  public readonly certificateExporterPodMonitor: ApiObject;
  /** Every rule group (MON alerts, then one group per SLO). */
  public readonly groups: readonly RuleGroup[];
  /** The cluster's name (the `kafka_cluster` label of its series). */
  public readonly clusterName: string;
  /** The cluster, environment, region and namespace the alerts select. */
  public readonly identity: MonitoredClusterIdentity;
  /** The metric selectors the alerts read (the dashboards read the same). */
  public readonly metrics: BackendMetrics;
  /** The SLOs whose recording rules and alerts are written. */
  public readonly slos: readonly ServiceLevelObjective[];
  /** Kafka nodes scraped (MON-001). */
  public readonly expectedNodes: number;
  /** The RPO MON-010 alerts at, when a DR pairing's MirrorMaker 2 is scraped. */
  public readonly replicationRpo?: PrometheusDuration;
  /** The relative paths of the plain rule files and the promtool tests in `dist/<env>/`. */
  public readonly files: { readonly ruleFiles: readonly string[]; readonly testFiles: readonly string[] };

  public constructor(scope: Construct, id: string, props: KafkaPrometheusMonitoringProps) {
    super(scope, id);
    KafkaIacError.required(props, { code: 'KIAC-PROP', path: this.path, prop: 'props', expected: 'the props of KafkaPrometheusMonitoring', fix: 'Pass { clusterName, expectedNodes, target }.' });
    checkInteger(props.expectedNodes, { code: 'MON-001', path: this.path, prop: 'expectedNodes' }, {
      min: 1, max: KUBERNETES_MAX_NODES, limitOf: 'Kubernetes nodes-per-cluster',
      fix: `Set expectedNodes to brokers + controllers, from 1 to ${KUBERNETES_MAX_NODES} (one Kafka node per Kubernetes node, HA-009).`,
    });
    const c = props.clusterName;
    const identity = monitoredClusterIdentity(this.environment, c);
    const metrics = jmxExporterMetrics(identity, {
      pvcClusterLabel: props.pvcClusterLabel ?? 'label_kafka_iac_dev_cluster',
      certificates: props.target === KubernetesKafkaTarget.STRIMZI ? 'strimzi' : 'cert-manager',
      mirrorMaker2: props.replicationRpo !== undefined,
    });
    this.clusterName = c;
    this.identity = identity;
    this.metrics = metrics;
    this.expectedNodes = props.expectedNodes;
    this.replicationRpo = props.replicationRpo;
    const { slos, groups: ruleGroups, runbookUrl } = clusterRuleGroups(this.environment, this.path, props, {
      identity, metrics, expectedNodes: props.expectedNodes, replicationRpo: props.replicationRpo,
      scalingMetrics: kubernetesScalingMetrics(identity),
      scalingTarget: props.target === KubernetesKafkaTarget.STRIMZI ? ScalingTarget.STRIMZI : ScalingTarget.STATEFULSET,
      extraScalingAlerts: props.target === KubernetesKafkaTarget.STRIMZI && (props.scaling?.rebalanceFailedAlert ?? true) ? [rebalanceFailedAlert(identity)] : [],
    });
    this.slos = slos;
    // Every alert carries the namespace of its PrometheusRule: the Prometheus Operator routes an
    // AlertmanagerConfig only the alerts whose `namespace` label is its own (KafkaAlertRouting).
    this.groups = ruleGroups.map((g) => ({ ...g, alerts: g.alerts.map((a) => ({ ...a, labels: { ...a.labels, [NAMESPACE_LABEL]: this.environment.namespace } })) }));
    const target = props.target === KubernetesKafkaTarget.STRIMZI ? RuleTarget.STRIMZI : RuleTarget.STATEFULSET;
    const labels = { [KAFKA_CLUSTER_LABEL]: c, [TARGET_LABEL]: target, ...(props.prometheusSelectorLabels ?? {}) };
    const strimzi = props.target === KubernetesKafkaTarget.STRIMZI;

    const podMonitor = (cid: string, name: string, selector: Readonly<Record<string, string>>, port: string, role: ScrapeRole): ApiObject => new ApiObject(this, cid, {
      apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor',
      metadata: { name, labels },
      spec: {
        selector: { matchLabels: { ...selector } },
        namespaceSelector: { matchNames: [this.environment.namespace] },
        podMetricsEndpoints: [{
          port, path: '/metrics', interval: '30s',
          relabelings: [
            ...Object.entries(scrapedSeriesLabels(identity, role)).map(([label, value]) => ({ action: 'replace', targetLabel: label, replacement: value })),
            { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_node_name'], targetLabel: 'node_name' },
            ...(strimzi ? [{ action: 'labelmap', regex: '__meta_kubernetes_pod_label_strimzi_io_(pool_name|broker_role|controller_role)', replacement: 'strimzi_io_$1' }] : []),
          ],
        }],
      },
    });
    this.nodePodMonitor = podMonitor('NodePodMonitor', `${c}-kafka-nodes`, props.nodeSelector ?? (strimzi
      ? { [STRIMZI_CLUSTER_LABEL]: c, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${c}-kafka` }
      : { [KAFKA_CLUSTER_LABEL]: c, [TARGET_LABEL]: RuleTarget.STATEFULSET, 'app.kubernetes.io/name': 'kafka' }), props.metricsPort ?? METRICS_PORT_NAME, ScrapeRole.KAFKA);
    this.exporterPodMonitor = podMonitor('ExporterPodMonitor', `${c}-kafka-exporter`, props.exporterSelector ?? (strimzi
      ? { [STRIMZI_CLUSTER_LABEL]: c, 'strimzi.io/name': `${c}-kafka-exporter` }
      : { [KAFKA_CLUSTER_LABEL]: c, 'app.kubernetes.io/name': 'kafka-exporter' }), props.exporterPort ?? METRICS_PORT_NAME, ScrapeRole.KAFKA_EXPORTER);
    if (props.replicationRpo) {
      this.mirrorMakerPodMonitor = podMonitor('MirrorMakerPodMonitor', `${c}-mirrormaker2`, props.mirrorMakerSelector ?? { 'strimzi.io/kind': 'KafkaMirrorMaker2', [KAFKA_CLUSTER_LABEL]: c }, METRICS_PORT_NAME, ScrapeRole.MIRROR_MAKER_2);
    }

    this.certificateExporterPodMonitor = certificateExporterPodMonitor(this, c, labels, strimzi, props.certificateExporterNamespace ?? (strimzi ? this.environment.namespace : 'cert-manager'));

    const groups = this.groups;
    this.resource = new ApiObject(this, 'Resource', {
      apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule',
      metadata: { name: `${c}-kafka-alerts`, labels: { ...labels, [METRICS_BACKEND_LABEL]: metrics.kind } },
      spec: { groups: renderGroups(groups, runbookUrl) },
    });
    // The rule files are rendered from the PrometheusRule as synthesized (after any JSON patch),
    // so promtool tests what the cluster runs and what the rules checked.
    const resource = this.resource;
    this.files = addPrometheusFiles(this.environment, this.path, c, groups, runbookUrl, (context) => {
      const synthesized: unknown = manifestOf(resource, context).spec?.groups;
      return Array.isArray(synthesized) ? synthesized : [];
    });
  }
}


/**
 * The PodMonitor of the pod that exports certificate expiry, with no relabeling: its metrics
 * carry their own `cluster`/`resource_namespace` (Strimzi) or `namespace` (cert-manager, kept as
 * `exported_namespace` because honorLabels stays false).
 * - Strimzi: the Cluster Operator, `strimzi.io/kind: cluster-operator`, port `http`, `/metrics`
 *   (strimzi-kafka-operator packaging/examples/metrics/prometheus-install/pod-monitors/cluster-operator-metrics.yaml);
 * - cert-manager: the controller, `app.kubernetes.io/name: cert-manager`,
 *   `app.kubernetes.io/component: controller`, port `http-metrics` (9402)
 *   (cert-manager.io/docs/devops-tips/prometheus-metrics).
 */
function certificateExporterPodMonitor(scope: Construct, cluster: string, labels: Readonly<Record<string, string>>, strimzi: boolean, namespace: string): ApiObject {
  checkNamespace(namespace, { code: 'KIAC-PROP', path: scope.node.path, prop: 'certificateExporterNamespace' });
  return new ApiObject(scope, 'CertificateExporterPodMonitor', {
    apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor',
    metadata: { name: `${cluster}-${strimzi ? 'cluster-operator' : 'cert-manager'}`, labels: { ...labels } },
    spec: {
      selector: { matchLabels: strimzi ? { 'strimzi.io/kind': 'cluster-operator' } : { 'app.kubernetes.io/name': 'cert-manager', 'app.kubernetes.io/component': 'controller' } },
      namespaceSelector: { matchNames: [namespace] },
      podMetricsEndpoints: [{ port: strimzi ? 'http' : 'http-metrics', path: '/metrics', interval: '30s' }],
    },
  });
}
