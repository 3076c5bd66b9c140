import type { ClientAuthentication } from '../client-authentication';
import { KafkaIacError } from '../errors';
import { AclOperation, AclResource } from '../access/acl';
import type { AccessModel } from '../access/access-model';
import type { Principal } from '../access/principal';
import type { DrPairing } from './dr-pairing';
import { MirrorMaker2Topics } from './mirror-maker-2-topics';
import { OffsetSyncsTopicLocation } from './offset-syncs-topic-location';

/** The MirrorMaker 2 principal on one cluster of a DR pairing. */
export interface MirrorMaker2PrincipalOptions {
  /** How MirrorMaker 2 authenticates to this cluster (SCRAM-SHA-512 or mutual TLS; IAM on MSK). */
  readonly authentication: ClientAuthentication;
  /**
   * The principal's name (the KafkaUser, SCRAM user or IAM principal).
   * @default 'mirror-maker-2'
   */
  readonly name?: string;
  /**
   * Where the offset-syncs topic lives; the same value must go to the KafkaMirrorMaker2.
   * @default OffsetSyncsTopicLocation.TARGET
   * @see DR-005
   */
  readonly offsetSyncsTopicLocation?: OffsetSyncsTopicLocation;
  /**
   * The internal topic and group names.
   * @default MirrorMaker2Topics.of(pairing)
   */
  readonly topics?: MirrorMaker2Topics;
}

const ALL_OPS_OF_OWN_TOPIC = [AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.READ, AclOperation.WRITE];

/**
 * The MirrorMaker 2 principals of a pairing, declared in the access models with exactly the
 * rights MirrorMaker 2 needs: never a superuser, never `*` (DR-005, SEC-005). Each is a
 * `PrincipalKind.MIRROR_MAKER_2`, so the renderers label it and SEC-005 allows its one
 * cluster right (Describe).
 * @see https://strimzi.io/docs/operators/latest/deploying#con-mirrormaker-acls-str
 */
export class MirrorMaker2Access {
  /**
   * Declares the principal MirrorMaker 2 uses on the primary (source) cluster, in
   * `pairing.access`. Grants:
   * - Read, Describe and DescribeConfigs on each replicated topic (named);
   * - Describe on each replicated consumer group (named or its granted prefix): the
   *   checkpoint connector reads their committed offsets;
   * - Describe on the cluster (listing consumer groups);
   * - with `OffsetSyncsTopicLocation.SOURCE` only: Create, Describe, DescribeConfigs, Read
   *   and Write on `mm2-offset-syncs.<target alias>.internal`.
   * IAM (MSK): the matching kafka-cluster actions (ReadData, DescribeTopic,
   * DescribeTopicDynamicConfiguration, DescribeGroup, DescribeCluster, Connect).
   */
  public static addSourcePrincipal(pairing: DrPairing, options: MirrorMaker2PrincipalOptions): Principal {
    const topics = options.topics ?? MirrorMaker2Topics.of(pairing);
    const p = pairing.access.addMirrorMaker2(options.name ?? 'mirror-maker-2', {
      authentication: options.authentication, idempotent: false,
      description: `MirrorMaker 2 (${pairing.name}): reads the replicated topics and group offsets`,
    });
    for (const t of pairing.topics) p.addAllow(AclResource.topic(t), [AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS]);
    for (const g of pairing.consumerGroups) p.addAllow(g.isPrefix ? AclResource.groupPrefix(g.name) : AclResource.group(g.name), [AclOperation.DESCRIBE]);
    p.grantDescribeCluster();
    if ((options.offsetSyncsTopicLocation ?? OffsetSyncsTopicLocation.TARGET) === OffsetSyncsTopicLocation.SOURCE) {
      p.addAllow(AclResource.topic(topics.offsetSyncs), ALL_OPS_OF_OWN_TOPIC);
    }
    return p;
  }

  /**
   * Declares the principal MirrorMaker 2 uses on the DR (target) cluster, in `peerAccess` (the
   * access model of `pairing.peer`). Grants:
   * - on each replicated topic's remote name: Write, Describe and Read (Read lets the
   *   checkpoint connector commit translated offsets); with a prefixed policy also Create,
   *   Alter and AlterConfigs, since MirrorMaker 2 creates `<alias>.<topic>` and syncs its
   *   configuration; with identity the topics are declared on the peer (their KafkaTopics are
   *   owned by the Topic Operator), so MirrorMaker 2 neither creates nor alters them;
   * - Read and Describe on each replicated consumer group (offset sync writes their offsets);
   * - Create, Describe, DescribeConfigs, Read and Write on its own internal topics: the Connect
   *   storage topics, `<source alias>.checkpoints.internal` and (location TARGET)
   *   `mm2-offset-syncs.<source alias>.internal`; Read on the Connect group;
   * - Describe on the cluster.
   * With identity names, a replicated topic not declared in `peerAccess` is refused (DR-002).
   */
  public static addTargetPrincipal(pairing: DrPairing, peerAccess: AccessModel, options: MirrorMaker2PrincipalOptions): Principal {
    const path = `${peerAccess.name}/principals/${options.name ?? 'mirror-maker-2'}`;
    if (peerAccess.environment !== pairing.peer) {
      throw KafkaIacError.invalidProp({
        code: 'DR-005', path, prop: 'peerAccess', found: peerAccess.name,
        expected: `the access model of the DR peer '${pairing.peer.name}'`,
        fix: `Pass the AccessModel declared for '${pairing.peer.name}'.`,
      });
    }
    if (pairing.keepsTopicNames) {
      for (const t of pairing.topics) {
        if (!peerAccess.topic(t)) {
          throw KafkaIacError.invalidProp({
            code: 'DR-002', path: `${peerAccess.name}/topics/${t}`, prop: 'topic', found: t,
            expected: `topic '${t}' declared on the DR peer too: with identity names the DR cluster holds it under the same name, with the same settings (HA-002, HA-010)`,
            fix: `Declare it in the peer's access model (peerAccess.addTopic('${t}', ...)), for example by building both models with the same function.`,
          });
        }
      }
    }
    const topics = options.topics ?? MirrorMaker2Topics.of(pairing);
    const p = peerAccess.addMirrorMaker2(options.name ?? 'mirror-maker-2', {
      authentication: options.authentication, idempotent: false,
      description: `MirrorMaker 2 (${pairing.name}): writes the replicated topics and synced offsets`,
    });
    const remoteOps = pairing.keepsTopicNames
      ? [AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.READ]
      : [AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.READ, AclOperation.CREATE, AclOperation.ALTER, AclOperation.ALTER_CONFIGS, AclOperation.DESCRIBE_CONFIGS];
    for (const t of pairing.topics) p.addAllow(AclResource.topic(pairing.remoteTopicName(t)), remoteOps);
    for (const g of pairing.consumerGroups) p.addAllow(g.isPrefix ? AclResource.groupPrefix(g.name) : AclResource.group(g.name), [AclOperation.READ, AclOperation.DESCRIBE]);
    for (const t of topics.targetInternalTopics(options.offsetSyncsTopicLocation ?? OffsetSyncsTopicLocation.TARGET)) {
      p.addAllow(AclResource.topic(t), ALL_OPS_OF_OWN_TOPIC);
    }
    p.addAllow(AclResource.group(topics.connectGroup), [AclOperation.READ, AclOperation.DESCRIBE]);
    p.grantDescribeCluster();
    return p;
  }
}
