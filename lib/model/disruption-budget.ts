/**
 * How many Kafka nodes may be disrupted at once (a PodDisruptionBudget's `maxUnavailable`),
 * from what keeps the cluster writable: the brokers' side (min ISR) and the quorum's side.
 * Plain arithmetic over broker properties and a voter count: the targets write one budget over
 * every Kafka node with the smaller of the two, and the tests prove both sides.
 */

/** HA-009: at most one Kafka node (of any role) is disrupted at a time, whatever more the arithmetic would allow. */
export const HA_009_MAX_UNAVAILABLE = 1;

/** One replication factor and the `min.insync.replicas` its partitions are written with. */
export interface ReplicationPair {
  /** The property that sets the replication factor (`default.replication.factor`). */
  readonly replicationFactorKey: string;
  /** The property that sets the partitions' min ISR (`min.insync.replicas`). */
  readonly minIsrKey: string;
  /** Kafka's default of each key, when the properties leave it out. */
  readonly defaults: readonly [number, number];
}

/**
 * The replication settings of a cluster's defaults: new topics (`default.replication.factor`
 * with `min.insync.replicas`), `__consumer_offsets` (created without its own min ISR, so the
 * broker's `min.insync.replicas` applies), and `__transaction_state` (created with
 * `min.insync.replicas` = `transaction.state.log.min.isr`). Defaults from apache/kafka
 * `ReplicationConfigs`, `ServerLogConfigs`, `GroupCoordinatorConfig` and `TransactionLogConfig`.
 */
export const CLUSTER_REPLICATION_PAIRS: readonly ReplicationPair[] = [
  { replicationFactorKey: 'default.replication.factor', minIsrKey: 'min.insync.replicas', defaults: [1, 1] },
  { replicationFactorKey: 'offsets.topic.replication.factor', minIsrKey: 'min.insync.replicas', defaults: [3, 1] },
  { replicationFactorKey: 'transaction.state.log.replication.factor', minIsrKey: 'transaction.state.log.min.isr', defaults: [3, 2] },
];

/** The broker budget and the replication pair that sets it. */
export interface BrokerDisruptionBudget {
  /** How many brokers may be disrupted at once: 0 when no broker can go. */
  readonly maxUnavailable: number;
  /** The smallest `replication factor - min ISR` of the cluster's defaults (may be 0 or less). */
  readonly spare: number;
  /** The pair with the smallest spare, as `key=value` text for messages. */
  readonly tightest: string;
}

/**
 * Brokers: with `k` brokers down, a partition whose replicas include all `k` keeps
 * `RF - k` replicas; writes with `acks=all` need `min.insync.replicas` of them, so a
 * voluntary disruption may take at most `RF - minISR` brokers (replicas sit on distinct
 * brokers, so any `k` brokers can hold replicas of one partition). The smallest spare over
 * the cluster's defaults wins, capped at one (HA-009) and never below 0.
 */
export function brokerDisruptionBudget(properties: Readonly<Record<string, string>>): BrokerDisruptionBudget {
  let best: { spare: number; tightest: string } | undefined;
  for (const pair of CLUSTER_REPLICATION_PAIRS) {
    const rf = integerOf(properties[pair.replicationFactorKey], pair.defaults[0]);
    const minIsr = integerOf(properties[pair.minIsrKey], pair.defaults[1]);
    const spare = rf - minIsr;
    if (best === undefined || spare < best.spare) {
      best = { spare, tightest: `${pair.replicationFactorKey}=${rf}, ${pair.minIsrKey}=${minIsr}` };
    }
  }
  const { spare, tightest } = best!;
  return { maxUnavailable: Math.max(0, Math.min(HA_009_MAX_UNAVAILABLE, spare)), spare, tightest };
}

/**
 * KRaft controllers: the quorum commits with a majority of its `voters`, so at most
 * `floor((voters - 1) / 2)` may be away; capped at one (HA-009). One voter gives 0.
 */
export function quorumDisruptionBudget(voters: number): number {
  return Math.max(0, Math.min(HA_009_MAX_UNAVAILABLE, Math.floor((voters - 1) / 2)));
}

function integerOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.trim());
  return Number.isInteger(n) ? n : fallback;
}
