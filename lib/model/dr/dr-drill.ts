import { ENVIRONMENT_LABEL, ROLE_LABEL, ScrapeRole } from '../monitoring/metrics-backend';
import { replicationLatencyByTopic } from '../monitoring/mirror-maker-2-metric-names';
import { KafkaIacError } from '../errors';
import type { DrPairing } from './dr-pairing';
import { ReplicationPolicy } from './replication-policy';

/** What carries out a DR pairing. */
export enum DrReplicationTechnology {
  /** MirrorMaker 2 (Strimzi `KafkaMirrorMaker2`, on Kubernetes, against Strimzi or MSK). */
  MIRROR_MAKER_2 = 'mirror-maker-2',
  /** AWS MSK Replicator (`aws_msk_replicator`), MSK to MSK. */
  MSK_REPLICATOR = 'msk-replicator',
}

/** Props of a `DrDrill`: the pairing it exercises and how it replicates. */
export interface DrDrillProps {
  /** The pairing the drill exercises. */
  readonly pairing: DrPairing;
  readonly technology: DrReplicationTechnology;
  /** The `KafkaMirrorMaker2` name, or the MSK replicator name (`ReplicatorName`). */
  readonly replicationName: string;
  /** The primary's bootstrap servers, as the operator's admin client reaches them. */
  readonly primaryBootstrapServers: string;
  /** The DR peer's bootstrap servers, as the operator's admin client reaches them. */
  readonly peerBootstrapServers: string;
  /**
   * The PromQL (MirrorMaker 2) or CloudWatch metric (Replicator) that shows replication latency.
   * @default - MirrorMaker 2: the MON-010 expression's metric; Replicator: `AWS/Kafka ReplicationLatency`
   */
  readonly latencyQuery?: string;
  /**
   * The MON-010 alerts or alarms that must be quiet before, and fire when replication stops.
   * @default - MirrorMaker 2: `KafkaMirrorMaker2ReplicationBehindRpo`; Replicator: `<name>-MON-010-replication-latency`, `<name>-MON-010-message-lag`
   */
  readonly alertNames?: readonly string[];
  /**
   * The Kubernetes namespace of the MirrorMaker 2 and of the client Deployments.
   * @default - the peer environment's namespace
   */
  readonly namespace?: string;
}

/**
 * The DR drill document of a pairing ("test DR regularly"): the objectives it must meet, the
 * steps of a failover and a failback, and the checks with the exact commands and metrics, as
 * Markdown. Written to `dist/<peer>/dr-drill-<pairing>.md` by `addTo`; StrimziMirrorMaker2 adds
 * it for its pairing. Pure: the same text every time.
 */
export class DrDrill {
  /** The relative path of a pairing's drill document in the peer's dist folder. */
  public static pathOf(pairing: DrPairing): string {
    return `dr-drill-${pairing.name}.md`;
  }

  /** Adds the drill document to the peer environment's output files; returns its relative path. */
  public static addTo(props: DrDrillProps): string {
    const file = DrDrill.pathOf(props.pairing);
    const text = DrDrill.render(props);
    props.pairing.peer.addOutputFile(file, () => text);
    return file;
  }

  /** The drill document, as Markdown. */
  public static render(props: DrDrillProps): string {
    for (const [prop, v] of [['replicationName', props.replicationName], ['primaryBootstrapServers', props.primaryBootstrapServers], ['peerBootstrapServers', props.peerBootstrapServers]] as const) {
      if (typeof v !== 'string' || v.trim() === '') {
        throw KafkaIacError.invalidProp({
          code: 'DR-003', path: `DrDrill ${props.pairing.name}`, prop, found: v,
          expected: 'a non-empty value: the drill commands name it', fix: `Set ${prop}.`,
        });
      }
    }
    return new DrillWriter(props).markdown();
  }
}

class DrillWriter {
  private readonly p: DrPairing;
  private readonly mm2: boolean;
  private readonly ns: string;
  private readonly latency: string;
  private readonly alerts: readonly string[];

  public constructor(private readonly props: DrDrillProps) {
    this.p = props.pairing;
    this.mm2 = props.technology === DrReplicationTechnology.MIRROR_MAKER_2;
    this.ns = props.namespace ?? props.pairing.peer.namespace;
    this.latency = props.latencyQuery ?? (this.mm2
      ? replicationLatencyByTopic({ [ENVIRONMENT_LABEL]: this.p.peer.name, [ROLE_LABEL]: ScrapeRole.MIRROR_MAKER_2 })
      : `AWS/Kafka ReplicationLatency (Maximum, 60 s) with dimension ReplicatorName=${props.replicationName}, region ${this.p.peer.region}`);
    this.alerts = props.alertNames ?? (this.mm2
      ? ['KafkaMirrorMaker2ReplicationBehindRpo']
      : [`${props.replicationName}-MON-010-replication-latency`, `${props.replicationName}-MON-010-message-lag`]);
  }

  public markdown(): string {
    return [
      ...this.header(), ...this.objectives(), ...this.preChecks(), ...this.failover(), ...this.offsetChecks(),
      ...this.failback(), ...this.checkTable(), ...this.record(),
    ].join('\n') + '\n';
  }

  private get primaryAdmin(): string {
    return `--bootstrap-server ${this.props.primaryBootstrapServers} --command-config ${this.p.primary.name}-admin.properties`;
  }

  private get peerAdmin(): string {
    return `--bootstrap-server ${this.props.peerBootstrapServers} --command-config ${this.p.peer.name}-admin.properties`;
  }

  private get rpoMs(): number {
    return this.p.rpo.milliseconds;
  }

  private header(): string[] {
    const p = this.p;
    const groups = p.consumerGroups.map((g) => (g.isPrefix ? `\`${g.name}*\`` : `\`${g.name}\``)).join(', ') || 'none';
    return [
      `# DR drill: ${p.primary.name} → ${p.peer.name}`,
      '',
      'Run this drill regularly (at least once a quarter, and after every change to the pairing) and record the result at the end. It proves the declared RPO and RTO (DR-003) on the real clusters. Generated by kafka-iac from the DR pairing; do not edit, change the pairing instead.',
      '',
      '| | |',
      '|---|---|',
      `| Primary | \`${p.primary.name}\` in ${p.primary.region} (alias \`${p.primaryAlias}\`), \`${this.props.primaryBootstrapServers}\` |`,
      `| DR peer | \`${p.peer.name}\` in ${p.peer.region} (alias \`${p.peerAlias}\`, profile ${p.peer.profile}), \`${this.props.peerBootstrapServers}\` |`,
      `| Strategy | ${p.strategy}${p.strategy === 'warm-standby' ? ' (clients and extra capacity start at failover)' : ' (the DR cluster runs at full size)'} |`,
      `| Goal | ${p.goal} |`,
      `| Replication | ${this.mm2 ? `MirrorMaker 2 \`KafkaMirrorMaker2/${this.props.replicationName}\` in namespace \`${this.ns}\`` : `MSK Replicator \`${this.props.replicationName}\` in ${p.peer.region}`} |`,
      `| Topic names | ${p.replicationPolicy === ReplicationPolicy.IDENTITY ? 'identity: the same names on the DR cluster' : `prefixed: \`${p.primaryAlias}.<topic>\` on the DR cluster`} |`,
      `| Topics | ${p.topics.map((t) => `\`${t}\``).join(', ')} |`,
      `| Consumer groups (offsets synced: ${p.syncConsumerGroupOffsets ? 'yes' : 'no'}) | ${groups} |`,
      '',
      'The commands use the Kafka 4 command-line tools with an admin client configuration per cluster',
      `(\`${p.primary.name}-admin.properties\`, \`${p.peer.name}-admin.properties\`: TLS and the admin's credentials, read from the Secret store, never written here).`,
      '',
    ];
  }

  private objectives(): string[] {
    const p = this.p;
    return [
      '## Expected objectives',
      '',
      `- **RPO ${p.rpo}** (${this.rpoMs} ms): at the moment of failover, the DR cluster lacks at most the records of the last ${p.rpo}. Replication latency stays below ${this.rpoMs} ms; MON-010 (${this.alerts.map((a) => `\`${a}\``).join(', ')}) fires above it.`,
      `- **RTO ${p.rto}** (${p.rto.seconds} s): from the decision to fail over (T1) to consumers and producers working against the DR cluster (T2).`,
      `- Consumers resume from their synced offsets: no group restarts from \`auto.offset.reset\`; re-delivered records are at most one checkpoint interval's worth (duplicates, never gaps).`,
      '',
    ];
  }

  private preChecks(): string[] {
    const p = this.p;
    const lines = ['## 1. Before the drill: replication is healthy', ''];
    if (this.mm2) {
      lines.push(
        `1. MirrorMaker 2 is ready and both connectors run:`,
        '   ```sh',
        `   kubectl -n ${this.ns} get kafkamirrormaker2 ${this.props.replicationName} -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'   # True`,
        `   kubectl -n ${this.ns} get kafkamirrormaker2 ${this.props.replicationName} -o jsonpath='{range .status.connectors[*]}{.name}{" "}{.connector.state}{" "}{.tasks[*].state}{"\\n"}{end}'   # RUNNING`,
        '   ```',
      );
    } else {
      lines.push(
        `1. The replicator runs:`,
        '   ```sh',
        `   aws kafka list-replicators --region ${p.peer.region} --replicator-name-filter ${this.props.replicationName}   # ReplicatorState RUNNING`,
        '   ```',
      );
    }
    lines.push(
      `2. Replication latency is below the RPO (${this.rpoMs} ms) on every topic:`,
      ...(this.mm2
        ? ['   ```promql', `   ${this.latency} < ${this.rpoMs}`, '   ```']
        : ['   ```sh', `   aws cloudwatch get-metric-statistics --region ${p.peer.region} --namespace AWS/Kafka --metric-name ReplicationLatency --dimensions Name=ReplicatorName,Value=${this.props.replicationName} --statistics Maximum --period 60 --start-time "$(date -u -d '-15 min' +%FT%TZ)" --end-time "$(date -u +%FT%TZ)"`, `   aws cloudwatch get-metric-statistics --region ${p.peer.region} --namespace AWS/Kafka --metric-name MessageLag --dimensions Name=ReplicatorName,Value=${this.props.replicationName} --statistics Maximum --period 60 --start-time "$(date -u -d '-15 min' +%FT%TZ)" --end-time "$(date -u +%FT%TZ)"`, '   ```']),
      `   and ${this.alerts.map((a) => `\`${a}\``).join(', ')} ${this.alerts.length > 1 ? 'are' : 'is'} not firing.`,
      `3. Every replicated topic exists on the DR cluster with the source's partition count:`,
      '   ```sh',
      ...p.topics.map((t) => `   kafka-topics.sh ${this.peerAdmin} --describe --topic ${p.remoteTopicName(t)}`),
      '   ```',
    );
    if (this.mm2) {
      lines.push(
        `4. Checkpoints arrive (translated offsets of the replicated groups):`,
        '   ```sh',
        `   kafka-console-consumer.sh ${this.peerAdmin} --topic ${p.primaryAlias}.checkpoints.internal --from-beginning --max-messages 20 --formatter org.apache.kafka.connect.mirror.formatters.CheckpointFormatter`,
        '   ```',
      );
    }
    lines.push('');
    return lines;
  }

  private failover(): string[] {
    const p = this.p;
    const lines = [
      '## 2. Fail over',
      '',
      '1. Announce the drill; note **T1**, the time of the decision.',
      `2. Stop the producers on ${p.primary.name} (scale their Deployments to 0). In a real outage they are already down: skip to step 4 and accept the loss the last latency reading showed.`,
      ...this.caughtUp(),
      `4. Stop the consumers on ${p.primary.name}, then wait one checkpoint interval (60 s, or the RPO when shorter) so their last commits are synced.`,
      '5. Check the offsets before switching any consumer (section 3). Do not go on while a group is missing or behind its source commit by more than one checkpoint interval.',
    ];
    if (p.strategy === 'warm-standby') {
      lines.push(`6. Warm standby: scale the ${p.peer.name} clients (and the DR cluster, if it runs smaller) to production size now.`);
    } else {
      lines.push(`6. Hot standby: the DR cluster already runs at production size; nothing to scale.`);
    }
    lines.push(
      `7. Stop replication from the (lost) primary, so nothing writes the DR topics but your producers:`,
      '   ```sh',
      this.mm2
        ? `   kubectl -n ${this.ns} scale kafkamirrormaker2 ${this.props.replicationName} --replicas=0   # then set replicas: 0 in code, or the next deploy restarts it`
        : `   aws kafka delete-replicator --region ${p.peer.region} --replicator-arn <arn of ${this.props.replicationName}>   # then remove it from code; a replicator cannot be paused`,
      '   ```',
      `8. Switch the consumers to ${p.peer.name}: the same \`group.id\`${p.keepsTopicNames ? ' and topic names' : `, topics \`${p.primaryAlias}.<topic>\` (or a pattern)`}, the DR client properties (\`dist/${p.peer.name}/clients/<principal>.properties\`). They resume from the synced offsets.`,
      `9. Switch the producers to ${p.peer.name}.`,
      `10. Note **T2**, when the first consumer processes records in ${p.peer.name} and \`kafka-consumer-groups.sh ${this.peerAdmin} --describe --group <group>\` shows the lag falling. **RTO = T2 − T1** must be at most ${p.rto}.`,
      '',
    );
    return lines;
  }

  /**
   * Failover step 3: wait until the DR cluster has caught up. Never by comparing end offsets:
   * neither replication preserves them. MirrorMaker 2 writes each record at the target's next
   * offset and copies its timestamp (apache/kafka MirrorSourceTask.convertRecord: `new
   * SourceRecord(..., record.timestamp(), headers)`); MSK Replicator translates offsets too and
   * reports the messages not yet replicated as `MessageLag`.
   */
  private caughtUp(): string[] {
    const p = this.p;
    if (this.mm2) {
      return [
        `3. Wait until the DR cluster has caught up. Offsets differ between the clusters (MirrorMaker 2 writes each record at the DR partition's next offset), so compare the newest record's timestamp, which MirrorMaker 2 copies: for each partition N, read the latest offset L and print the record at L-1 on both clusters; the timestamps must be equal.`,
        '   ```sh',
        ...p.topics.flatMap((t) => [
          `   kafka-get-offsets.sh ${this.primaryAdmin} --topic ${t} --time latest`,
          `   kafka-console-consumer.sh ${this.primaryAdmin} --topic ${t} --partition N --offset <L-1> --max-messages 1 --property print.timestamp=true --property print.value=false`,
          `   kafka-get-offsets.sh ${this.peerAdmin} --topic ${p.remoteTopicName(t)} --time latest`,
          `   kafka-console-consumer.sh ${this.peerAdmin} --topic ${p.remoteTopicName(t)} --partition N --offset <L-1> --max-messages 1 --property print.timestamp=true --property print.value=false`,
        ]),
        '   ```',
        `   The time between the primary's newest timestamp and the DR cluster's at T1 is the data a real failover would have lost; it must be within the RPO (${p.rpo}).`,
      ];
    }
    return [
      `3. Wait until the DR cluster has caught up: the replicator's MessageLag (messages not yet replicated) is 0. Do not compare end offsets: MSK Replicator does not preserve them.`,
      '   ```sh',
      `   aws cloudwatch get-metric-statistics --region ${p.peer.region} --namespace AWS/Kafka --metric-name MessageLag --dimensions Name=ReplicatorName,Value=${this.props.replicationName} --statistics Maximum --period 60 --start-time "$(date -u -d '-5 min' +%FT%TZ)" --end-time "$(date -u +%FT%TZ)"`,
      '   ```',
      `   The MessageLag and ReplicationLatency at T1 are the data a real failover would have lost; the latency must be within the RPO (${p.rpo}).`,
    ];
  }

  private offsetChecks(): string[] {
    const p = this.p;
    const literal = p.consumerGroups.filter((g) => !g.isPrefix).map((g) => g.name);
    const prefixes = p.consumerGroups.filter((g) => g.isPrefix).map((g) => g.name);
    return [
      '## 3. Check offsets before switching consumers',
      '',
      `For each replicated group, the committed offsets on ${p.peer.name} must exist and must not be ahead of the source's (translation is conservative: behind means duplicates, ahead would mean gaps).`,
      '',
      '```sh',
      ...literal.flatMap((g) => [
        `kafka-consumer-groups.sh ${this.primaryAdmin} --describe --group ${g}`,
        `kafka-consumer-groups.sh ${this.peerAdmin} --describe --group ${g}`,
      ]),
      ...prefixes.map((g) => `kafka-consumer-groups.sh ${this.peerAdmin} --list | grep '^${g}'   # then --describe each group, on both clusters`),
      '```',
      '',
      this.mm2
        ? `Offsets are written to the DR groups only while those groups have no active member on ${p.peer.name} (MirrorMaker 2 never overwrites a live group). A group that shows no offsets: check \`sync.group.offsets.enabled\` and the checkpoints topic (section 1, step 4). From Java, \`RemoteClusterUtils.translateOffsets(<${p.peer.name} client config>, "${p.primaryAlias}", "<group>", Duration.ofSeconds(30))\` gives the same translated offsets from the checkpoints.`
        : `MSK Replicator commits the translated offsets of the replicated groups on ${p.peer.name} while the groups have no active member there. A group that shows no offsets: check that it matches \`consumer_groups_to_replicate\` and that \`synchronise_consumer_group_offsets\` is true.`,
      '',
      `If a group must start elsewhere, reset it explicitly on ${p.peer.name} (\`kafka-consumer-groups.sh ${this.peerAdmin} --group <group> --reset-offsets --to-datetime <T1 in ISO-8601> --topic <topic> --execute\`), never by letting \`auto.offset.reset\` decide.`,
      '',
    ];
  }

  private failback(): string[] {
    const p = this.p;
    return [
      '## 4. Fail back',
      '',
      `1. Restore ${p.primary.name}; keep its clients stopped.`,
      `2. Declare the reverse pairing (${p.peer.name} → ${p.primary.name}) in code and deploy its replication next to ${p.primary.name}. With identity names, the forward replication must stay stopped (step 2.7): two identity flows between the same topics loop records.`,
      `3. Wait until the reverse replication latency is below the RPO and the DR cluster's newest records have reached ${p.primary.name} (section 2, step 3, with the clusters swapped; never by comparing end offsets).`,
      `4. Stop the producers on ${p.peer.name}, wait one checkpoint interval, check the offsets on ${p.primary.name} (section 3, swapped), switch consumers, then producers back.`,
      `5. Remove the reverse pairing and restore the forward replication (${this.mm2 ? 'replicas back in code' : 'the replicator back in code'}); it starts again from its stored positions${this.mm2 ? '' : ' (a new replicator starts at EARLIEST: expect a catch-up)'}. Check section 1 again.`,
      '',
    ];
  }

  private checkTable(): string[] {
    const p = this.p;
    return [
      '## 5. Checks',
      '',
      '| check | command or metric | expected |',
      '|---|---|---|',
      `| replication latency before the drill | ${this.mm2 ? `\`${this.latency}\`` : this.latency} | < ${this.rpoMs} ms |`,
      `| MON-010 quiet before, firing once replication stops | ${this.alerts.map((a) => `\`${a}\``).join(', ')} | quiet; fires within 1 min after latency passes ${this.rpoMs} ms |`,
      `| data at T1 | ${this.mm2 ? 'newest record timestamp per partition on both clusters (section 2, step 3)' : 'replicator MessageLag and ReplicationLatency'} | within ${p.rpo} (offsets are not compared: replication does not preserve them) |`,
      `| offsets synced | \`kafka-consumer-groups.sh --describe --group <group>\` on ${p.peer.name} | every replicated group present, not ahead of the source |`,
      `| RTO | T2 − T1 | ≤ ${p.rto} |`,
      `| DR cluster rules | \`dist/${p.peer.name}/report.md\` | no HA or SEC violation (DR-004) |`,
      '',
    ];
  }

  private record(): string[] {
    return [
      '## 6. Record',
      '',
      '| date | T1 | T2 | RTO measured | records behind at T1 | groups without offsets | result |',
      '|---|---|---|---|---|---|---|',
      '| | | | | | | pass / fail |',
    ];
  }
}
