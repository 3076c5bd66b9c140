// The labels of a cluster's series and alerts. The label names, `ScrapeRole` and
// `MonitoredClusterIdentity` are public through metrics-backend.ts; the functions are internal to
// the library (no entry point re-exports this module).

/**
 * The labels every scraped series of a cluster carries. The PodMonitors and the MSK scrape
 * config add them with relabelling, so alerts select by labels, never by pod-name patterns,
 * and also match node-pool pods.
 */
export const CLUSTER_LABEL = 'kafka_cluster';
/** The label that names the environment of a series. */
export const ENVIRONMENT_LABEL = 'environment';
/** The label that names the region of a series. */
export const REGION_LABEL = 'region';
/** What a series was scraped from: a `ScrapeRole`. */
export const ROLE_LABEL = 'kafka_role';

/** The values of `ROLE_LABEL`: what a scrape reads. The scrapes write them and the alerts select by them. */
export enum ScrapeRole {
  /** The JMX exporter of the Kafka nodes (brokers and controllers). */
  KAFKA = 'kafka',
  /** Kafka Exporter (consumer lag). */
  KAFKA_EXPORTER = 'kafka-exporter',
  /** The node exporter of MSK open monitoring. */
  NODE_EXPORTER = 'node-exporter',
  /** The JMX exporter of the MirrorMaker 2 pods of a DR pairing. */
  MIRROR_MAKER_2 = 'mirrormaker2',
}

/** The cluster whose metrics are selected. */
export interface MonitoredClusterIdentity {
  /** The Kafka cluster's name (the `kafka_cluster` label). */
  readonly cluster: string;
  /** The environment's name (the `environment` label). */
  readonly environment: string;
  /** The region (the `region` label of every alert). */
  readonly region: string;
  /** The Kubernetes namespace (Kubernetes targets). */
  readonly namespace: string;
}

/** The labels that select the series of one role of a cluster: its cluster, environment and role. */
export function roleSeriesLabels(id: Pick<MonitoredClusterIdentity, 'cluster' | 'environment'>, role: ScrapeRole): Record<string, string> {
  return { [CLUSTER_LABEL]: id.cluster, [ENVIRONMENT_LABEL]: id.environment, [ROLE_LABEL]: role };
}

/** The labels every alert of a cluster carries: its cluster, environment and region. */
export function clusterAlertLabels(id: MonitoredClusterIdentity): Record<string, string> {
  return { [CLUSTER_LABEL]: id.cluster, [ENVIRONMENT_LABEL]: id.environment, [REGION_LABEL]: id.region };
}

/**
 * The labels a scrape gives every series of one role of a cluster, in the order they are
 * written (the PodMonitors' relabelings, the MSK scrape config): the alert labels and the role.
 */
export function scrapedSeriesLabels(id: MonitoredClusterIdentity, role: ScrapeRole): Record<string, string> {
  return { ...clusterAlertLabels(id), [ROLE_LABEL]: role };
}

/** How an alert's text names the cluster: `cluster <name> (<environment>, <region>)`. */
export function alertedCluster(id: MonitoredClusterIdentity): string {
  return `cluster ${id.cluster} (${id.environment}, ${id.region})`;
}
