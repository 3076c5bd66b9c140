import type { KafkaAlertThresholds } from './kafka-alert-thresholds';
import type { ServiceLevelObjective } from './service-level-objective';

/** What the Prometheus alerts of a cluster are written with, on every backend (MskPrometheusMonitoring, KafkaPrometheusMonitoring). */
export interface PrometheusAlertOptions {
  /**
   * Alert thresholds; every one defaults to RULES.md.
   * @default - the RULES.md defaults
   */
  readonly thresholds?: KafkaAlertThresholds;
  /**
   * The SLOs of this cluster.
   * @default - ServiceLevelObjective.defaultsFor(environment profile)
   */
  readonly slos?: readonly ServiceLevelObjective[];
  /**
   * Where the runbooks live; `runbook_url` is `<base>/<slug>.md`.
   * @default 'runbooks' - the generated `dist/<env>/runbooks/`, relative
   */
  readonly runbookBaseUrl?: string;
}
