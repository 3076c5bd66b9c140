import { CLUSTER_LABEL as METRIC_CLUSTER_LABEL, ROLE_LABEL, ScrapeRole } from '../../model/monitoring/metrics-backend';
import type { KubernetesDocument } from '../../contract/document';
import type { DocumentIndex } from '../../contract/document-index';
import { selectorMatches } from '../readers/statefulset-documents';
import { allPrometheusAlerts, trailingComparison, type FoundAlert } from './cluster-monitoring';
import { KAFKA_CLUSTER_LABEL, STRIMZI_CLUSTER_LABEL } from '../../contract/vocabulary';

/** The `kafka_role` the MirrorMaker 2 PodMonitor gives its series. */
export const MIRROR_MAKER_2_ROLE: string = ScrapeRole.MIRROR_MAKER_2;

/**
 * The monitoring of one KafkaMirrorMaker2, as the synthesis shows it. The chain is: the
 * KafkaMirrorMaker2 is labelled `kafka-iac.dev/cluster: <c>` (Strimzi copies the label to its
 * pods); a PodMonitor selects those pods and gives their series `kafka_cluster="<c>"` and
 * `kafka_role="mirrormaker2"`; MON-010 alerts select exactly those series.
 */
export interface MirrorMaker2Monitoring {
  /** The cluster label of the KafkaMirrorMaker2, or undefined when it has none. */
  readonly cluster?: string;
  /** PodMonitors that select its pods and label their series for `cluster` with the MirrorMaker 2 role. */
  readonly podMonitors: readonly KubernetesDocument[];
  /** MON-010 alerts on its replication latency. */
  readonly latencyAlerts: readonly FoundAlert[];
  /** MON-010 alerts that fire when none of its source tasks runs (pods down, tasks failed). */
  readonly downAlerts: readonly FoundAlert[];
}

/** The labels Strimzi gives the pods of a KafkaMirrorMaker2: the resource's labels, its pod template's, and its own. */
export function mirrorMaker2PodLabels(doc: KubernetesDocument): Record<string, string> {
  return {
    ...(doc.body.metadata?.labels ?? {}),
    ...(doc.body.spec?.template?.pod?.metadata?.labels ?? {}),
    [STRIMZI_CLUSTER_LABEL]: doc.name,
    'strimzi.io/kind': 'KafkaMirrorMaker2',
    'strimzi.io/name': `${doc.name}-mirrormaker2`,
  };
}

/** The monitoring of a KafkaMirrorMaker2: only what is tied to it through its labels counts. */
export function mirrorMaker2MonitoringOf(doc: KubernetesDocument, index: DocumentIndex): MirrorMaker2Monitoring {
  const label = doc.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL];
  if (typeof label !== 'string' || label === '') return { podMonitors: [], latencyAlerts: [], downAlerts: [] };
  const cluster = label;
  const pods = mirrorMaker2PodLabels(doc);
  const podMonitors = index.kubernetes('PodMonitor').filter((m) => (doc.namespace === undefined || m.body.spec?.namespaceSelector?.matchNames === undefined
    || (m.body.spec.namespaceSelector.matchNames as unknown[]).includes(doc.namespace))
    && selectorMatches(m.body.spec?.selector, pods)
    && ((m.body.spec?.podMetricsEndpoints ?? []) as any[]).some((e) => replaces(e, METRIC_CLUSTER_LABEL, cluster) && replaces(e, ROLE_LABEL, MIRROR_MAKER_2_ROLE)));
  const alerts = allPrometheusAlerts(index).filter((a) => a.labels.rule_id === 'MON-010' && selectsMirrorMaker2Of(a.expr, cluster));
  return {
    cluster,
    podMonitors,
    latencyAlerts: alerts.filter((a) => /replication_latency_ms/.test(a.expr)),
    downAlerts: alerts.filter((a) => !/replication_latency_ms/.test(a.expr) && firesWhenNothingRuns(a.expr)),
  };
}

/**
 * Whether an alert fires when no MirrorMaker 2 task runs: `absent(...)`, fewer than one
 * running source task (`(count(...status="running"...) or vector(0)) < 1`, not one on the
 * checkpoint connector only), or `up == 0`.
 */
function firesWhenNothingRuns(expr: string): boolean {
  if (/\babsent\(/.test(expr)) return true;
  const cmp = trailingComparison(expr);
  if (!cmp) return false;
  // A task-status alert on the checkpoint connector alone says nothing about replication.
  if (/MirrorCheckpointConnector/.test(expr) && !/MirrorSourceConnector/.test(expr)) return false;
  if (/connector_task_status\{[^}]*status="running"/.test(expr)) return (cmp.op === '<' && cmp.value >= 1) || ((cmp.op === '==' || cmp.op === '<=') && cmp.value === 0);
  return /\bup\{/.test(expr) && cmp.op === '==' && cmp.value === 0;
}

/** Whether an expression selects the MirrorMaker 2 series of a cluster (`kafka_cluster="<c>"` and `kafka_role="mirrormaker2"` in one selector). */
function selectsMirrorMaker2Of(expr: string, cluster: string): boolean {
  return [...expr.matchAll(/\{([^}]*)\}/g)].some((m) => m[1].includes(`${METRIC_CLUSTER_LABEL}="${cluster}"`) && m[1].includes(`${ROLE_LABEL}="${MIRROR_MAKER_2_ROLE}"`));
}

/** Whether a PodMonitor endpoint sets a target label to a fixed value. */
function replaces(endpoint: any, targetLabel: string, value: string): boolean {
  return ((endpoint?.relabelings ?? []) as any[]).some((r) => r?.targetLabel === targetLabel && r.replacement === value && (r.action === undefined || r.action === 'replace') && r.sourceLabels === undefined);
}
