import type { Runbook } from './runbook';
import { SloRunbook } from './service-level-objective';

/** The runbooks every generated alert links to. */
export const KAFKA_RUNBOOKS: readonly Runbook[] = [
  {
    slug: 'broker-down', title: 'Kafka broker down or not scraped', ruleIds: ['MON-001'], related: ['disk-full'],
    meaning: 'A Kafka node (broker or KRaft controller) does not answer its metrics scrape, or fewer nodes than expected are up. Its partitions run with one replica fewer; one more failure stops acks=all writes for partitions that lose their min ISR.',
    firstChecks: [
      'Is the pod running? `kubectl -n <namespace> get pods -l kafka-iac.dev/cluster=<cluster>` (on MSK: the cluster state and the broker list in the console or `aws kafka list-nodes`).',
      'Recent events and restarts: `kubectl describe pod <pod>`; look for OOMKilled, failed probes, unschedulable (zone capacity, PVC bound to another zone).',
      'If the pod runs but the target is down: the metrics port, the PodMonitor selector, and NetworkPolicies that admit Prometheus (on MSK: security group ingress on 11001/11002).',
    ],
    remediation: [
      'A crash loop: read the broker log (`kubectl logs <pod> --previous`); a corrupt log segment or a full disk (see disk-full) are common causes.',
      'Unschedulable: add capacity in the pod\'s zone; the PVC pins the pod to its zone.',
      'Never delete a PVC to "fix" a broker: the data is the replica.',
    ],
  },
  {
    slug: 'consumer-lag', title: 'Consumer group lag', ruleIds: ['MON-002', 'MON-003', 'SLO-002'],
    meaning: 'A consumer group is behind the end of a topic by more messages than the threshold. Consumers are too slow, stuck on a poison message, rebalancing in a loop, or down. Past the retention period, unread messages are deleted.',
    firstChecks: [
      'Is lag growing or flat? A flat high lag with no consumption means stuck or dead consumers.',
      '`kafka-consumer-groups.sh --describe --group <group>`: members, assigned partitions, per-partition lag; one hot partition points at key skew.',
      'Consumer logs for exceptions and rebalances; producer rate for a traffic spike.',
    ],
    remediation: [
      'Scale consumers up to the partition count; beyond it, add partitions (CAP-003) in a planned change.',
      'Fix or skip the poison message in the consumer, not by resetting offsets blindly.',
      'If lag will outlive retention, extend `retention.ms` of the topic temporarily.',
    ],
  },
  {
    slug: 'disk-full', title: 'Kafka data volume filling up', ruleIds: ['MON-004', 'MON-005'],
    meaning: 'A broker\'s data volume is above the warning (70%) or critical (85%) threshold. A full log directory takes the broker offline and its partitions go under-replicated or offline.',
    firstChecks: [
      'Which topics grew? Per-topic log size (`kafka_log_log_size`) or `kafka-log-dirs.sh --describe`.',
      'Is retention working? A topic with `retention.ms=-1` or compaction stuck keeps everything.',
      'Is the load balanced? One broker far above the others points at partition skew.',
    ],
    remediation: [
      'Grow the volume: on Kubernetes expand the PVC (the StorageClass allows expansion); on MSK storage autoscaling (CAP-004) or update the broker volume size.',
      'Lower retention of the offending topic, or reassign partitions to emptier brokers (Cruise Control on Strimzi).',
      'Re-plan capacity (CAP-001): messages/s × size × retention × RF + 20%.',
    ],
  },
  {
    slug: 'under-replicated-partitions', title: 'Under-replicated partitions', ruleIds: ['MON-006', 'SLO-003'], related: ['broker-down'],
    meaning: 'Partitions have fewer in-sync replicas than their replication factor for longer than a rolling restart takes. The cluster is one failure closer to unavailable partitions.',
    firstChecks: [
      'Is a broker down or restarting? (see broker-down). A rolling restart explains a few minutes.',
      'Which brokers lead the under-replicated partitions: `kafka-topics.sh --describe --under-replicated-partitions`.',
      'Follower fetch: network saturation (MON-007), disk latency, or a slow broker (request latency, MON-008).',
    ],
    remediation: [
      'Bring the missing broker back; replicas catch up by themselves.',
      'If one follower is slow, look at its disk and network; move leadership off it (`kafka-leader-election.sh --election-type preferred`).',
      'Never enable unclean leader election (HA-008) to clear the alert.',
    ],
  },
  {
    slug: 'under-min-isr', title: 'Partitions under their min ISR', ruleIds: ['MON-012'], related: ['broker-down'],
    meaning: 'Partitions have fewer in-sync replicas than `min.insync.replicas` (2). Producers with acks=all get NotEnoughReplicas errors for them: writes are failing now.',
    firstChecks: [
      'How many brokers are down? Two replicas of the same partition are out.',
      'Under-replicated partitions and broker-down alerts point at the cause.',
    ],
    remediation: [
      'Restore the brokers first; writes resume when the ISR reaches 2.',
      'Do not lower `min.insync.replicas` to 1 to make writes pass: that trades the outage for data loss.',
    ],
  },
  {
    slug: 'network-saturation', title: 'Broker network near capacity', ruleIds: ['MON-007'],
    meaning: 'A broker\'s bytes in and out (client and replication) exceed 80% of its network capacity. Latency rises and followers fall behind as the link saturates.',
    firstChecks: [
      'Which topics and clients drive the traffic (per-topic BytesIn/BytesOut)?',
      'Is leadership balanced across brokers? One broker leading many hot partitions saturates first.',
    ],
    remediation: [
      'Rebalance leaders and partitions; add brokers (CAP-002) or move to a larger instance type.',
      'Use client quotas for a noisy client; compression (lz4, PERF-002) cuts bytes on the wire.',
    ],
  },
  {
    slug: 'request-latency', title: 'High produce or fetch latency (P99)', ruleIds: ['MON-008', 'SLO-001'],
    meaning: 'The 99th percentile total time of produce or consumer fetch requests is above 100 ms. Producers slow down and time out; the message-delivery SLO burns. On CloudWatch (MSK) this uses the mean, which CloudWatch provides, not the P99.',
    firstChecks: [
      'Which part of the request time grew: request queue, local (disk), remote (waiting for followers with acks=all), response queue?',
      'Remote time high: a slow follower (under-replicated partitions, network). Local time high: disk. Queue time high: too few network or I/O threads (PERF-001).',
    ],
    remediation: [
      'Fix the slow follower or disk; raise `num.io.threads` / `num.network.threads` if queues are the bottleneck.',
      'Batch on the producer (`linger.ms` 5-10, `batch.size` 32-64 KiB) to cut request count.',
    ],
  },
  {
    slug: 'offline-partitions', title: 'Offline partitions', ruleIds: ['MON-009'], related: ['broker-down', 'controller-problems'],
    meaning: 'Partitions have no leader: every producer and consumer of them fails. All replicas of the partition are down or out of the ISR.',
    firstChecks: [
      '`kafka-topics.sh --describe --unavailable-partitions`: which partitions and which brokers hold their replicas.',
      'Are those brokers down (broker-down)? Is the controller healthy (controller-problems)?',
    ],
    remediation: [
      'Restore a broker that holds an in-sync replica; the controller elects it leader.',
      'Unclean leader election loses data and is off by rule (HA-008); only a written, reviewed decision may use it for a single partition.',
    ],
  },
  {
    slug: 'controller-problems', title: 'KRaft controller problems', ruleIds: ['MON-009'],
    meaning: 'The cluster does not have exactly one active KRaft controller (or a broker knows none). With none, leader elections, topic and ACL changes stop; two is a split brain.',
    firstChecks: [
      'Quorum state: `kafka-metadata-quorum.sh --bootstrap-server <b> describe --status` (leader, epoch, voters, lag).',
      'Are a majority of the controllers up (2 of 3, 3 of 5)? Controller pods, their disks, and the network between zones.',
    ],
    remediation: [
      'Restore the controllers until a majority is up; the quorum elects a leader by itself.',
      'Never add or remove voters while the quorum is unhealthy.',
    ],
  },
  {
    slug: 'mirrormaker2-replication-lag', title: 'MirrorMaker 2 behind the RPO or down', ruleIds: ['MON-010'],
    meaning: 'MirrorMaker 2 replication latency to the DR cluster exceeds the declared RPO (KafkaMirrorMaker2ReplicationBehindRpo), or no MirrorSourceConnector task is running at all (KafkaMirrorMaker2Down: pods down or not scraped, tasks failed or paused, so the latency series is gone). Either way a failover now loses more data than promised (DR-003). KafkaMirrorMaker2CheckpointsDown: no MirrorCheckpointConnector task runs, so consumer group offsets are no longer translated and failed-over consumers restart from stale positions.',
    firstChecks: [
      'Are the MirrorMaker 2 pods running and scraped? `kubectl -n <namespace> get pods -l strimzi.io/kind=KafkaMirrorMaker2` and `up{kafka_role="mirrormaker2"}`.',
      'Connector and task status of the MirrorSourceConnector and MirrorCheckpointConnector; failed tasks and their errors: `kubectl -n <namespace> get kafkamirrormaker2 <name> -o jsonpath=\'{.status.connectors}\'` and `kafka_connect_connector_task_status{status="failed"}`.',
      'Network between regions, and the target cluster\'s health (under-min-ISR, disk).',
      'Is the primary itself down? Then this is no longer a lag problem: decide on failover (below).',
    ],
    remediation: [
      'Restart failed tasks; raise `tasks.max` up to the source partition count.',
      'If the source is producing faster than the link carries, add bandwidth or narrow the replicated topics.',
      'Fail over (primary lost, decision taken): follow `dr-drill-<pairing>.md` section 2 in the DR environment\'s dist folder: stop producers and consumers on the primary, wait until the DR cluster has caught up (newest record timestamps, or the replicator MessageLag; never equal end offsets, which replication does not preserve), stop the replication, switch consumers, then producers, to the DR cluster.',
      'Check offsets before switching consumers: `kafka-consumer-groups.sh --describe --group <group>` on the DR cluster shows an offset for every replicated group, not ahead of the source\'s; the checkpoints topic `<source alias>.checkpoints.internal` carries the translations (`RemoteClusterUtils.translateOffsets` reads them). Never let `auto.offset.reset` choose.',
      'Fail back: declare the reverse pairing, replicate the DR cluster into the restored primary until it is within the RPO, switch the clients back the same way, then restore the forward replication (`dr-drill-<pairing>.md` section 4).',
    ],
  },
  {
    slug: 'certificate-expiry', title: 'TLS certificate expires soon', ruleIds: ['MON-011', 'SEC-010'],
    meaning: 'A certificate used by brokers or clients expires in less than 30 days. After expiry, TLS handshakes fail and clients cannot connect.',
    firstChecks: [
      'Which certificate: the cluster CA, the clients CA, or a cert-manager Certificate? Its issuer and renewal status.',
      'Did automatic renewal fail (operator logs, `kubectl describe certificate`)?',
    ],
    remediation: [
      'Strimzi: let the operator renew (or trigger with the `strimzi.io/force-renew` annotation) inside the maintenance window.',
      'cert-manager: fix the issuer, then `cmctl renew <certificate>`.',
    ],
  },
  {
    slug: SloRunbook.BURN_RATE, title: 'SLO error budget burning too fast', ruleIds: ['SLO-001', 'SLO-002', 'SLO-003'], related: ['request-latency', 'consumer-lag', 'under-replicated-partitions'],
    meaning: 'An SLO is failing fast enough over both a long and a short window that the stated share of its error budget is gone within the long window. Page alerts (14.4x, 6x for 30 days) need action now; ticket alerts (3x, 1x) within working hours.',
    firstChecks: [
      'Which SLO (`slo` label) and which indicator: latency (request-latency), lag (consumer-lag), or replication (under-replicated-partitions).',
      'What changed in the long window: deploys, traffic, broker restarts.',
    ],
    remediation: [
      'Follow the runbook of the indicator\'s alert; roll back the change that started the burn.',
      'If the objective itself is wrong, change it in code with a reviewed commit, never by silencing the alert.',
    ],
  },
  {
    slug: SloRunbook.ERROR_BUDGET, title: 'SLO error budget running out', ruleIds: ['SLO-001', 'SLO-002', 'SLO-003'],
    meaning: 'Less than 50% (warning) or 20% (critical) of the SLO\'s error budget for the period remains.',
    firstChecks: ['Which incidents spent the budget (the burn-rate alerts of the period).'],
    remediation: [
      'Freeze risky changes (version upgrades, config rollouts) until the budget recovers.',
      'Plan the reliability work that removes the top cause of budget spend.',
    ],
  },
];
