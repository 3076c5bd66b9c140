import { CapacityPlan } from '../model/capacity/capacity-planner';
import type { Environment } from '../model/environment';
import { checkRunbookBaseUrl } from '../model/grammar/names';
import { assertUniqueAlertNames, type AlertRule, type RuleGroup } from '../model/monitoring/alert-rule';
import { resolveThresholds } from '../model/monitoring/kafka-alert-thresholds';
import { kafkaAlerts } from '../model/monitoring/kafka-alerts';
import type { BackendMetrics, MonitoredClusterIdentity } from '../model/monitoring/metrics-backend';
import type { PrometheusAlertOptions } from '../model/monitoring/prometheus-alert-options';
import type { PrometheusDuration } from '../model/monitoring/prometheus-duration';
import { plannedBytesInPerSecond, resolveScalingThresholds, scalingAlertGroup, type ScalingAlertOptions, type ScalingMetrics, type ScalingTarget } from '../model/monitoring/scaling-alerts';
import { ServiceLevelObjective } from '../model/monitoring/service-level-objective';
import { runbookUrlFrom } from './monitoring-output-files';
import { monitoringGroups } from './prometheus-rule-file';

/** What a backend adds to the user's options to build a cluster's Prometheus rule groups. */
export interface ClusterRuleGroupsInput {
  readonly identity: MonitoredClusterIdentity;
  /** The selectors of the MON alerts and SLOs on this backend. */
  readonly metrics: BackendMetrics;
  /** Kafka nodes scraped (MON-001). */
  readonly expectedNodes: number;
  /** MON-010: the declared RPO, when MirrorMaker 2 is scraped. */
  readonly replicationRpo?: PrometheusDuration;
  /** The selectors of the scaling alerts on this backend. */
  readonly scalingMetrics: ScalingMetrics;
  /** The target whose scaling runbook the scaling alerts link. */
  readonly scalingTarget: ScalingTarget;
  /** Alerts of this backend only, added to the scaling group (the Strimzi rebalance alert). */
  readonly extraScalingAlerts?: readonly AlertRule[];
}

/** A cluster's Prometheus rule groups, the SLOs they hold and how their runbooks are linked. */
export interface ClusterRuleGroups {
  /** The SLOs whose recording rules and alerts are written. */
  readonly slos: readonly ServiceLevelObjective[];
  /** The MON alerts, one group per SLO, then the scaling group. */
  readonly groups: readonly RuleGroup[];
  readonly runbookUrl: (slug: string) => string;
}

/**
 * The Prometheus rule groups of one cluster, the same on every backend (MskPrometheusMonitoring,
 * KafkaPrometheusMonitoring): the MON alerts at the user's thresholds, one group per SLO (the
 * profile's defaults unless given), and the scaling group against the capacity plans attached to
 * the environment; alert names are checked unique, and the runbook base URL is checked.
 */
export function clusterRuleGroups(
  environment: Environment,
  path: string,
  options: PrometheusAlertOptions & { readonly scaling?: ScalingAlertOptions },
  input: ClusterRuleGroupsInput,
): ClusterRuleGroups {
  const { identity, metrics } = input;
  const alerts = kafkaAlerts({ identity, metrics, thresholds: resolveThresholds(path, options.thresholds), expectedNodes: input.expectedNodes, replicationRpo: input.replicationRpo });
  const slos = options.slos ?? ServiceLevelObjective.defaultsFor(environment.profile);
  const scaling = scalingAlertGroup({
    identity, metrics: input.scalingMetrics, target: input.scalingTarget,
    thresholds: resolveScalingThresholds(path, options.scaling?.thresholds),
    plannedBytesInPerSecond: plannedBytesInPerSecond(options.scaling?.capacityPlans ?? CapacityPlan.attachedTo(environment)),
  });
  const groups = [
    ...monitoringGroups(identity, metrics, alerts, slos),
    { ...scaling, alerts: [...scaling.alerts, ...(input.extraScalingAlerts ?? [])] },
  ];
  assertUniqueAlertNames(path, groups);
  const runbookUrl = runbookUrlFrom(checkRunbookBaseUrl(options.runbookBaseUrl ?? 'runbooks', { code: 'KIAC-PROP', path, prop: 'runbookBaseUrl' }));
  return { slos, groups, runbookUrl };
}
