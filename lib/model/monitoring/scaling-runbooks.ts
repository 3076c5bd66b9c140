import type { Runbook } from './runbook';

/**
 * How to scale each target when a scaling alert fires (the documents' triggers: CPU > 70%,
 * memory > 80%, throughput > 80% of the capacity plan, connections > 500), and what to do when
 * the rebalance after a scale-out fails.
 */
export const SCALING_RUNBOOKS: readonly Runbook[] = [
  {
    slug: 'scale-strimzi-brokers', title: 'Scale out a Strimzi Kafka cluster', ruleIds: ['CAP-002'], related: ['rebalance-failed'],
    meaning: 'A broker of a Strimzi cluster passed a scaling trigger of the design documents (CPU above 70%, memory above 80%, bytes in above 80% of the capacity plan, or more than 500 connections) for 10 minutes. Without more brokers, latency rises and replicas fall behind.',
    firstChecks: [
      'Is the load real and lasting? Compare with last week; a one-off backfill or a client that leaks connections is fixed at the client.',
      'Is the load even? One hot broker with idle peers needs a rebalance (a `KafkaRebalance` in `full` mode), not more brokers.',
      'Re-plan capacity (CapacityPlan, CAP-001/002): the broker count for the new throughput, rounded up to a multiple of the zone count.',
    ],
    remediation: [
      'Raise `replicas` of the broker KafkaNodePool in code (`brokerPools: [{ replicas: 6 }]`), by a multiple of the zone count so HA-006 holds, and deploy.',
      'Cruise Control auto-rebalance (`spec.cruiseControl.autoRebalance`, mode `add-brokers`) moves partitions to the new brokers with the template\'s goals (rack awareness and disk capacity first); watch `kubectl get kafkarebalance -n <namespace>` until it is Ready.',
      'If the rebalance fails, see rebalance-failed; new brokers take no load until partitions move.',
      'Scale in the same way: lower the replicas; the `remove-brokers` auto-rebalance empties the brokers before Strimzi removes them.',
    ],
  },
  {
    slug: 'scale-statefulset-brokers', title: 'Scale out a Kafka StatefulSet cluster', ruleIds: ['CAP-002'],
    meaning: 'A broker of a StatefulSet cluster passed a scaling trigger of the design documents (CPU above 70%, memory above 80%, bytes in above 80% of the capacity plan, or more than 500 connections) for 10 minutes.',
    firstChecks: [
      'Is the load real and lasting, and is it even across brokers? A hot broker needs partitions moved, not more brokers.',
      'Re-plan capacity (CapacityPlan, CAP-001/002) for the new throughput, rounded up to a multiple of the zone count.',
    ],
    remediation: [
      'Raise the broker replicas in code (a multiple of the zone count) and deploy; the new pods get new node ids and join the cluster empty.',
      'Move partitions to them: `kafka-reassign-partitions.sh --bootstrap-server <bootstrap> --command-config admin.properties --topics-to-move-json-file topics.json --broker-list <all broker ids> --generate`, review the proposal (keep replicas in different zones), then `--execute` with `--throttle <bytes/s>` and `--verify` until done; `--verify` also removes the throttle.',
      'Scale in only after reassigning every partition off the brokers being removed.',
    ],
  },
  {
    slug: 'scale-msk-brokers', title: 'Scale out an MSK cluster', ruleIds: ['CAP-002'],
    meaning: 'A broker of an MSK cluster passed a scaling trigger of the design documents (CPU above 70%, memory above 80%, bytes in above 80% of the capacity plan, or more than 500 connections) for 10 minutes.',
    firstChecks: [
      'Is the load real and lasting, and is it even across brokers? (CloudWatch BytesInPerSec and CpuUser per broker.)',
      'Scale up or out? CPU or memory on every broker: a larger instance type (a rolling change, no partition move). Throughput or connections: more brokers.',
      'Re-plan capacity (CapacityPlan, CAP-001/002).',
    ],
    remediation: [
      'More brokers: raise `number_of_broker_nodes` (a multiple of the client subnet count, HA-006) and apply; MSK adds brokers but moves no partitions.',
      'Move partitions to the new brokers with `kafka-reassign-partitions.sh` (generate, review, execute with a throttle, verify), or Cruise Control run against the cluster.',
      'A larger instance type: change `broker_node_group_info.instance_type` and apply; MSK replaces brokers one at a time.',
      'MSK cannot remove brokers from a provisioned cluster with partitions on them: plan scale-in as a migration.',
    ],
  },
  {
    slug: 'rebalance-failed', title: 'A Cruise Control rebalance failed', ruleIds: ['CAP-002'],
    meaning: 'A KafkaRebalance (often one Strimzi started on scaling, `<cluster>-auto-rebalancing-add-brokers` or `-remove-brokers`) is NotReady: Cruise Control refused or aborted it. New brokers carry no partitions, or brokers being removed still hold some, so the scale-out brought no relief or the scale-in is blocked.',
    firstChecks: [
      '`kubectl describe kafkarebalance <name> -n <namespace>`: the NotReady condition\'s reason and message.',
      'Cruise Control logs: `kubectl logs deployment/<cluster>-cruise-control`; a hard goal (rack awareness, disk capacity) that no proposal can satisfy is the usual cause.',
      'Enough metric samples? Right after a restart Cruise Control needs its monitored windows before it proposes.',
    ],
    remediation: [
      'A hard goal cannot be met: add brokers in every zone (rack awareness) or disk (disk capacity), never drop the goal.',
      'Retry: annotate the KafkaRebalance `strimzi.io/rebalance=refresh`, then approve it.',
      'Do not remove brokers until the remove-brokers rebalance is Ready.',
    ],
  },
];
