import type { DrPairing } from './dr-pairing';
import { OffsetSyncsTopicLocation } from './offset-syncs-topic-location';

/**
 * The names of the topics and group MirrorMaker 2 uses for one pairing, as Kafka derives them
 * (`DefaultReplicationPolicy`, which `IdentityReplicationPolicy` extends), plus the Kafka
 * Connect group and storage topics of the Connect cluster it runs on. Pure values: the grants
 * (`MirrorMaker2Access`) and the KafkaMirrorMaker2 resource read the same names.
 */
export class MirrorMaker2Topics {
  /** The names for `pairing`, with the Connect cluster named `connectName` (default `mm2-<pairing>`). */
  public static of(pairing: DrPairing, connectName?: string): MirrorMaker2Topics {
    return new MirrorMaker2Topics(pairing, connectName ?? `mm2-${pairing.name}`);
  }

  /**
   * `mm2-offset-syncs.<target alias>.internal`: the offset-syncs topic with
   * `offset-syncs.topic.location: source` (Kafka's default). With `target` the name differs:
   * use `offsetSyncsTopic(location)`.
   */
  public readonly offsetSyncs: string;
  private readonly offsetSyncsOnTarget: string;
  /** `<source alias>.checkpoints.internal`, on the target: translated consumer-group offsets. */
  public readonly checkpoints: string;
  /** `heartbeats`: written by a heartbeat connector (not run by Strimzi v1 mirrors; see README.md, "Disaster recovery"). */
  public readonly heartbeats = 'heartbeats';
  /** The Kafka Connect group (`spec.target.groupId`). */
  public readonly connectGroup: string;
  /** Connect's config storage topic. */
  public readonly connectConfigs: string;
  /** Connect's offset storage topic (source connector positions). */
  public readonly connectOffsets: string;
  /** Connect's status storage topic. */
  public readonly connectStatus: string;

  private constructor(pairing: DrPairing, connectName: string) {
    this.offsetSyncs = `mm2-offset-syncs.${pairing.peerAlias}.internal`;
    this.offsetSyncsOnTarget = `mm2-offset-syncs.${pairing.primaryAlias}.internal`;
    this.checkpoints = `${pairing.primaryAlias}.checkpoints.internal`;
    this.connectGroup = connectName;
    this.connectConfigs = `${connectName}-configs`;
    this.connectOffsets = `${connectName}-offsets`;
    this.connectStatus = `${connectName}-status`;
  }

  /**
   * The offset-syncs topic for a location. Kafka names it after the *other* cluster:
   * `mm2-offset-syncs.<target alias>.internal` on the source, `mm2-offset-syncs.<source
   * alias>.internal` on the target (apache/kafka connect/mirror MirrorSourceConfig and
   * MirrorCheckpointConfig `offsetSyncsTopic()`: `otherClusterAlias = "source".equals(location)
   * ? targetClusterAlias() : sourceClusterAlias()`, then `ReplicationPolicy.offsetSyncsTopic`).
   */
  public offsetSyncsTopic(location: OffsetSyncsTopicLocation): string {
    return location === OffsetSyncsTopicLocation.SOURCE ? this.offsetSyncs : this.offsetSyncsOnTarget;
  }

  /** Connect's three storage topics. */
  public get connectStorage(): readonly string[] {
    return [this.connectConfigs, this.connectOffsets, this.connectStatus];
  }

  /** The internal topics that live on the target for this offset-syncs location. */
  public targetInternalTopics(location: OffsetSyncsTopicLocation): readonly string[] {
    return [...this.connectStorage, this.checkpoints, ...(location === OffsetSyncsTopicLocation.TARGET ? [this.offsetSyncsOnTarget] : [])];
  }
}
