import { AclResource } from './acl';
import { TopicSelection } from './topic-selection';

/** Props of a topic of the access model: partitions, replication and its configuration. */
export interface TopicProps {
  /**
   * Number of partitions (CAP-003 sizes it from throughput and consumers).
   * @default - the model's `defaultPartitions` (6)
   */
  readonly partitions?: number;
  /**
   * Replication factor; at least 3 in staging and production.
   * @default - the cluster default (`default.replication.factor`, 3)
   * @see HA-002
   */
  readonly replicationFactor?: number;
  /**
   * `min.insync.replicas` for this topic; at least 2 in staging and production, and below the
   * replication factor so that one broker can fail without stopping `acks=all` writes.
   * @default - inherited from the cluster (`min.insync.replicas`, 2)
   * @see HA-003
   */
  readonly minInsyncReplicas?: number;
  /**
   * `retention.ms`, in hours. Ignored for retention when `compacted` is set without it.
   * @default - inherited from the cluster (`log.retention.hours`, 168)
   */
  readonly retentionHours?: number;
  /**
   * `cleanup.policy=compact`: keep the latest value per key (state, changelog topics).
   * @default false (`delete`)
   */
  readonly compacted?: boolean;
  /**
   * More topic configuration, written as given (`max.message.bytes`, ...).
   * @default - none
   */
  readonly config?: Readonly<Record<string, string>>;
}

/** The resolved settings of a topic, after inheriting the cluster defaults. */
export interface ResolvedTopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
  /** The effective value (the topic's own or the cluster default). */
  readonly minInsyncReplicas: number;
  /** Whether `min.insync.replicas` is set on the topic itself (otherwise it is inherited). */
  readonly minInsyncReplicasOverridden: boolean;
  /** Topic-level configuration to write (`min.insync.replicas` only when overridden). */
  readonly config: Readonly<Record<string, string>>;
}

/**
 * A declared topic. Create it with `AccessModel.addTopic`; grant access with
 * `grantProduce` / `grantConsume`.
 */
export class Topic extends TopicSelection {
  public readonly aclResource: AclResource;
  protected readonly errorPath: string;

  /** @internal Use `AccessModel.addTopic`. */
  public constructor(
    /** The Kafka topic name. */
    public readonly name: string,
    /** The resolved settings. */
    public readonly settings: ResolvedTopicSettings,
    modelPath: string,
  ) {
    super();
    this.aclResource = AclResource.topic(name);
    this.errorPath = `${modelPath}/topics/${name}`;
  }

  public get partitions(): number {
    return this.settings.partitions;
  }

  public get replicationFactor(): number {
    return this.settings.replicationFactor;
  }

  public get minInsyncReplicas(): number {
    return this.settings.minInsyncReplicas;
  }

  /** True for `cleanup.policy=compact`. */
  public get compacted(): boolean {
    return this.settings.config['cleanup.policy'] === 'compact';
  }
}
