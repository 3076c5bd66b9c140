import { EnvironmentProfile, type Environment } from '../environment';
import { KafkaIacError } from '../errors';
import { AclPermission, AclResourceType } from '../access/acl';
import type { AccessModel } from '../access/access-model';
import { DrDuration } from './dr-duration';
import { DrStrategy } from './dr-strategy';
import { ReplicationGoal } from './replication-goal';
import { ReplicationPolicy } from './replication-policy';

/** Props of a `DrPairing`: the primary environment, its DR peer, and what is replicated. */
export interface DrPairingProps {
  /** The environment that serves traffic: its topics and groups are replicated to the peer. */
  readonly primary: Environment;
  /**
   * The DR peer: another region (DR-001), production profile so that every HA and SEC rule
   * holds on the DR cluster (DR-004). `primary.drPeer({ name, region })` builds one.
   * @see DR-001
   */
  readonly peer: Environment;
  /**
   * The primary's access model: the declared topics and consumer groups, and the principals
   * MirrorMaker 2 runs as. It must belong to `primary`.
   */
  readonly access: AccessModel;
  /**
   * Recovery point objective: how much recent data a failover may lose. MON-010 alerts when
   * replication latency or lag passes it. Required.
   * @see DR-003
   */
  readonly rpo: DrDuration;
  /**
   * Recovery time objective: how long a failover may take, from the decision to clients
   * working in the DR region. Required; the drill measures it.
   * @see DR-003
   */
  readonly rto: DrDuration;
  /**
   * Hot or warm standby.
   * @default DrStrategy.HOT_STANDBY
   */
  readonly strategy?: DrStrategy;
  /**
   * What the replication is for.
   * @default ReplicationGoal.FAILOVER
   */
  readonly goal?: ReplicationGoal;
  /**
   * How replicated topics are named on the peer. Failover needs IDENTITY (consumers switch
   * without renaming); active-active needs PREFIXED (no replication loops).
   * @default - ReplicationPolicy.IDENTITY for failover, ReplicationPolicy.PREFIXED for active-active
   */
  readonly replicationPolicy?: ReplicationPolicy;
  /**
   * The topics that replicate, by name. Each must be declared in `access`.
   * @default - every topic declared in `access`
   * @see DR-002
   */
  readonly topics?: readonly string[];
  /**
   * The consumer groups whose offsets replicate, by name. Each must be a group some principal
   * of `access` is granted (literal names; a granted prefix covers the names that start with it).
   * @default - every group granted in `access` (literal groups and group prefixes)
   * @see DR-002
   */
  readonly consumerGroups?: readonly string[];
  /**
   * Sync committed consumer-group offsets to the peer (MirrorMaker 2
   * `sync.group.offsets.enabled`, MSK Replicator `synchronise_consumer_group_offsets`), so
   * consumers resume where they stopped. Refused off when the goal is failover.
   * @default true
   * @see DR-002
   */
  readonly syncConsumerGroupOffsets?: boolean;
  /**
   * The alias of the primary cluster (MirrorMaker 2 `alias`; the prefix of PREFIXED topic names).
   * @default - the primary environment's name
   */
  readonly primaryAlias?: string;
  /**
   * The alias of the DR cluster.
   * @default - the peer environment's name
   */
  readonly peerAlias?: string;
}

/** A consumer-group selection of the pairing: a literal group or a group prefix. */
export interface DrConsumerGroup {
  /** The group name, or the prefix when `isPrefix`. */
  readonly name: string;
  /** Whether `name` is a prefix (a `groupIsPrefix` grant in the access model). */
  readonly isPrefix: boolean;
}

/** The declared pairing as plain JSON: written next to the replication so that DR rules read it from the output. */
export interface DrPairingDeclaration {
  readonly name: string;
  readonly primary: { readonly environment: string; readonly region: string; readonly alias: string };
  readonly peer: { readonly environment: string; readonly region: string; readonly alias: string; readonly profile: string };
  readonly strategy: string;
  readonly goal: string;
  readonly replicationPolicy: string;
  readonly rpoSeconds: number;
  readonly rtoSeconds: number;
  readonly syncConsumerGroupOffsets: boolean;
  readonly topics: readonly string[];
  readonly consumerGroups: readonly DrConsumerGroup[];
}

const ALIAS = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * A DR pairing: a primary environment, its DR peer in another region, and what replicates
 * between them, with the recovery objectives. Provider-neutral (no cdktf or cdk8s types):
 * the MirrorMaker 2 construct (`KafkaMirrorMaker2Replication`) and the MSK Replicator read it.
 *
 * What a replication construct needs, in one place:
 * - `primary.region` / `peer.region`, `primaryAlias` / `peerAlias`;
 * - `topics` (names) and `topicRegexes` (anchored, escaped: MM2 `topicsPattern`, Replicator
 *   `topics_to_replicate`);
 * - `consumerGroups` and `consumerGroupRegexes` (MM2 `groupsPattern`, Replicator
 *   `consumer_groups_to_replicate`);
 * - `rpo.seconds` / `rpo.milliseconds` (MON-010 thresholds), `rto.seconds`;
 * - `replicationPolicy` (`keepsTopicNames`), `syncConsumerGroupOffsets`;
 * - `declaration`: the plain-JSON form that replication constructs write into their output
 *   (annotation or `terraform_data`), which the DR rules check the replication against.
 *
 * Refused at construction, each with its rule ID: a peer in the same region (DR-001), a
 * development primary (DR-001), a peer without the production profile (DR-004), a missing RPO
 * or RTO (DR-003), a topic or group that is not declared, offset sync off while failover is
 * the goal, a policy that does not suit the goal (DR-002).
 *
 * @example
 * const dr = production.drPeer({ name: 'dr', region: 'us-west-2' });
 * const pairing = new DrPairing({ primary: production, peer: dr, access, rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30) });
 */
export class DrPairing {
  public readonly primary: Environment;
  public readonly peer: Environment;
  public readonly access: AccessModel;
  public readonly rpo: DrDuration;
  public readonly rto: DrDuration;
  public readonly strategy: DrStrategy;
  public readonly goal: ReplicationGoal;
  public readonly replicationPolicy: ReplicationPolicy;
  /** The replicated topic names, in declaration order. */
  public readonly topics: readonly string[];
  /** The consumer groups whose offsets replicate. */
  public readonly consumerGroups: readonly DrConsumerGroup[];
  public readonly syncConsumerGroupOffsets: boolean;
  public readonly primaryAlias: string;
  public readonly peerAlias: string;

  public constructor(props: DrPairingProps) {
    const path = `DrPairing ${props?.primary?.name}->${props?.peer?.name}`;
    this.primary = props.primary;
    this.peer = props.peer;
    this.access = props.access;
    checkRegions(path, props.primary, props.peer);
    checkProfiles(path, props.primary, props.peer);
    if (props.access.environment !== props.primary) {
      throw KafkaIacError.invalidProp({
        code: 'DR-002', path, prop: 'access', found: props.access.name,
        expected: `the access model of the primary environment '${props.primary.name}'`,
        fix: `Pass the AccessModel declared for '${props.primary.name}' (new AccessModel({ environment: ${props.primary.name} })).`,
      });
    }
    this.rpo = required(path, 'rpo', props.rpo, 'how much data a failover may lose; MON-010 alerts when replication falls behind it', 'rpo: DrDuration.minutes(5)');
    this.rto = required(path, 'rto', props.rto, 'how long a failover may take; the DR drill measures it', 'rto: DrDuration.minutes(30)');
    if (this.rpo.seconds > this.rto.seconds) {
      throw KafkaIacError.invalidProp({
        code: 'DR-003', path, prop: 'rpo', found: this.rpo.toString(),
        expected: `at most the RTO (${this.rto.toString()}): MON-010 alerts only once replication is an RPO behind, so an RPO above the RTO lets a failover finish before the lag is ever alerted on`,
        fix: `Lower the RPO to ${this.rto.toString()} or less, or raise the RTO to at least ${this.rpo.toString()}.`,
      });
    }
    this.strategy = props.strategy ?? DrStrategy.HOT_STANDBY;
    if (!Object.values(DrStrategy).includes(this.strategy)) {
      throw KafkaIacError.invalidProp({ code: 'DR-001', path, prop: 'strategy', found: this.strategy, expected: 'hot-standby or warm-standby', fix: 'Set strategy: DrStrategy.HOT_STANDBY or DrStrategy.WARM_STANDBY.' });
    }
    this.goal = props.goal ?? ReplicationGoal.FAILOVER;
    this.replicationPolicy = props.replicationPolicy ?? (this.goal === ReplicationGoal.FAILOVER ? ReplicationPolicy.IDENTITY : ReplicationPolicy.PREFIXED);
    checkPolicy(path, this.goal, this.replicationPolicy);
    this.syncConsumerGroupOffsets = props.syncConsumerGroupOffsets ?? true;
    if (this.goal === ReplicationGoal.FAILOVER && !this.syncConsumerGroupOffsets) {
      throw KafkaIacError.invalidProp({
        code: 'DR-002', path, prop: 'syncConsumerGroupOffsets', found: false,
        expected: 'true while the goal is failover: without synced offsets, consumers in the DR region restart from auto.offset.reset (re-reading or skipping records)',
        fix: 'Remove syncConsumerGroupOffsets: false, or declare goal: ReplicationGoal.ACTIVE_ACTIVE if the peer never takes over consumers.',
      });
    }
    this.topics = selectTopics(path, props.access, props.topics);
    this.consumerGroups = selectGroups(path, props.access, props.consumerGroups);
    this.primaryAlias = alias(path, 'primaryAlias', props.primaryAlias ?? props.primary.name);
    this.peerAlias = alias(path, 'peerAlias', props.peerAlias ?? props.peer.name);
    if (this.primaryAlias === this.peerAlias) {
      throw KafkaIacError.invalidProp({
        code: 'DR-001', path, prop: 'peerAlias', found: this.peerAlias, expected: `an alias other than the primary's ('${this.primaryAlias}')`,
        fix: 'Give the two clusters different aliases (by default the environment names).',
      });
    }
  }

  /** `<primary>-to-<peer>`: names the replication and its drill document. */
  public get name(): string {
    return `${this.primary.name}-to-${this.peer.name}`;
  }

  /** True when replicated topics keep their names (identity policy). */
  public get keepsTopicNames(): boolean {
    return this.replicationPolicy === ReplicationPolicy.IDENTITY;
  }

  /** True when the goal is failover. */
  public get isFailover(): boolean {
    return this.goal === ReplicationGoal.FAILOVER;
  }

  /** The name a source topic gets on the peer: the same name (identity) or `<primaryAlias>.<topic>`. */
  public remoteTopicName(topic: string): string {
    return this.keepsTopicNames ? topic : `${this.primaryAlias}.${topic}`;
  }

  /** One anchored regular expression per replicated topic (dots escaped): `^orders$`, `^audit\.events$`. */
  public get topicRegexes(): readonly string[] {
    return this.topics.map(exactNameRegex);
  }

  /** One anchored regular expression per replicated group: `^billing$`, or `^audit-.*` for a prefix. */
  public get consumerGroupRegexes(): readonly string[] {
    return this.consumerGroups.map(consumerGroupRegex);
  }

  /** The declared pairing as plain JSON (pure: the same object every time). */
  public get declaration(): DrPairingDeclaration {
    return {
      name: this.name,
      primary: { environment: this.primary.name, region: this.primary.region, alias: this.primaryAlias },
      peer: { environment: this.peer.name, region: this.peer.region, alias: this.peerAlias, profile: this.peer.profile },
      strategy: this.strategy,
      goal: this.goal,
      replicationPolicy: this.replicationPolicy,
      rpoSeconds: this.rpo.seconds,
      rtoSeconds: this.rto.seconds,
      syncConsumerGroupOffsets: this.syncConsumerGroupOffsets,
      topics: [...this.topics],
      consumerGroups: this.consumerGroups.map((g) => ({ ...g })),
    };
  }
}

/** Escapes a Kafka name for a Java/JS regular expression. */
export function escapeRegex(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as an anchored regular expression that matches it and nothing else: `^audit\.events$`. */
export function exactNameRegex(name: string): string {
  return `^${escapeRegex(name)}$`;
}

/** A consumer-group selection as an anchored regular expression, `.*` after a prefix: `^billing$`, `^audit-.*`. */
export function consumerGroupRegex(group: { readonly name: string; readonly isPrefix?: boolean }): string {
  return group.isPrefix ? `^${escapeRegex(group.name)}.*` : exactNameRegex(group.name);
}

function checkRegions(path: string, primary: Environment, peer: Environment): void {
  if (peer.region === primary.region) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'peer.region', found: peer.region,
      expected: `a region other than ${primary.region}, the region of '${primary.name}': a regional outage must not take both clusters`,
      fix: `Create the peer in another region: ${primary.name}.drPeer({ name: '${peer.name}', region: 'us-west-2' }).`,
    });
  }
}

function checkProfiles(path: string, primary: Environment, peer: Environment): void {
  if (!primary.isProductionLike) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'primary.profile', found: primary.profile,
      expected: 'a staging or production primary: development environments do not declare DR peers',
      fix: `Declare the pairing for a production (or staging) environment, not '${primary.name}'.`,
    });
  }
  if (peer.profile !== EnvironmentProfile.PRODUCTION) {
    throw KafkaIacError.invalidProp({
      code: 'DR-004', path, prop: 'peer.profile', found: peer.profile,
      expected: 'production: the DR cluster follows every HA and SEC rule, as the cluster it replaces',
      fix: `Create the peer with ${primary.name}.drPeer({ name: '${peer.name}', region: '${peer.region}' }) (production profile).`,
    });
  }
}

function required(path: string, prop: string, value: DrDuration | undefined, what: string, example: string): DrDuration {
  if (!(value instanceof DrDuration)) {
    throw KafkaIacError.invalidProp({
      code: 'DR-003', path, prop, found: value,
      expected: `a declared ${prop.toUpperCase()} (${what})`,
      fix: `Declare it, for example ${example}.`,
    });
  }
  return value;
}

function checkPolicy(path: string, goal: ReplicationGoal, policy: ReplicationPolicy): void {
  if (!Object.values(ReplicationPolicy).includes(policy)) {
    throw KafkaIacError.invalidProp({ code: 'DR-002', path, prop: 'replicationPolicy', found: policy, expected: 'identity or prefixed', fix: 'Set replicationPolicy: ReplicationPolicy.IDENTITY.' });
  }
  if (goal === ReplicationGoal.FAILOVER && policy !== ReplicationPolicy.IDENTITY) {
    throw KafkaIacError.invalidProp({
      code: 'DR-002', path, prop: 'replicationPolicy', found: policy,
      expected: 'identity while the goal is failover: consumers switch to the DR cluster with the same topic names and offsets',
      fix: 'Remove replicationPolicy (identity is the default for failover), or declare goal: ReplicationGoal.ACTIVE_ACTIVE.',
    });
  }
  if (goal === ReplicationGoal.ACTIVE_ACTIVE && policy !== ReplicationPolicy.PREFIXED) {
    throw KafkaIacError.invalidProp({
      code: 'DR-002', path, prop: 'replicationPolicy', found: policy,
      expected: 'prefixed while the goal is active-active: with identity names, records replicated each way would loop between the clusters',
      fix: 'Remove replicationPolicy (prefixed is the default for active-active), or declare goal: ReplicationGoal.FAILOVER.',
    });
  }
}

function selectTopics(path: string, access: AccessModel, names: readonly string[] | undefined): readonly string[] {
  if (names === undefined) {
    return KafkaIacError.nonEmpty(access.topics.map((t) => t.name), {
      code: 'DR-002', path, prop: 'topics', expected: `at least one topic declared in ${access.name}`,
      fix: "Declare the topics in the access model (access.addTopic('orders')) before pairing.",
    });
  }
  KafkaIacError.nonEmpty(names, {
    code: 'DR-002', path, prop: 'topics', expected: 'at least one topic to replicate',
    fix: 'Leave topics unset to replicate every declared topic, or name them.',
  });
  const seen = new Set<string>();
  for (const name of names) {
    if (!access.topic(name)) {
      throw KafkaIacError.invalidProp({
        code: 'DR-002', path: `${path}/topics/${name}`, prop: 'topic', found: name,
        expected: `a topic declared in ${access.name} (${access.topics.map((t) => t.name).join(', ') || 'none declared'})`,
        fix: `Declare it first (access.addTopic('${name}')), or remove it from topics.`,
      });
    }
    if (seen.has(name)) throw KafkaIacError.duplicate('DR-002', `${path}/topics`, 'replicated topic', name);
    seen.add(name);
  }
  return [...names];
}

/** The groups granted in the model: literal names and prefixes, without duplicates, in grant order. */
function declaredGroups(access: AccessModel): DrConsumerGroup[] {
  const out: DrConsumerGroup[] = [];
  for (const e of access.acls) {
    if (e.permission !== AclPermission.ALLOW || e.resource.type !== AclResourceType.GROUP || e.resource.isWildcard) continue;
    if (!out.some((g) => g.name === e.resource.name && g.isPrefix === e.resource.isPrefix)) out.push({ name: e.resource.name, isPrefix: e.resource.isPrefix });
  }
  return out;
}

function selectGroups(path: string, access: AccessModel, names: readonly string[] | undefined): readonly DrConsumerGroup[] {
  const declared = declaredGroups(access);
  if (names === undefined) return declared;
  const seen = new Set<string>();
  const out: DrConsumerGroup[] = [];
  for (const name of names) {
    const literal = declared.find((g) => !g.isPrefix && g.name === name);
    const byPrefix = declared.find((g) => g.isPrefix && name.startsWith(g.name));
    if (!literal && !byPrefix) {
      throw KafkaIacError.invalidProp({
        code: 'DR-002', path: `${path}/consumerGroups/${name}`, prop: 'consumer group', found: name,
        expected: `a group granted in ${access.name} (${declared.map((g) => (g.isPrefix ? `${g.name}*` : g.name)).join(', ') || 'none granted'})`,
        fix: `Grant the group to its consumer first (topic.grantConsume(principal, { group: '${name}' })), or remove it from consumerGroups.`,
      });
    }
    if (seen.has(name)) throw KafkaIacError.duplicate('DR-002', `${path}/consumerGroups`, 'replicated consumer group', name);
    seen.add(name);
    out.push({ name, isPrefix: false });
  }
  return out;
}

function alias(path: string, prop: string, value: string): string {
  if (!ALIAS.test(value)) {
    throw KafkaIacError.grammar({
      code: 'DR-001', path, prop, found: value, grammar: 'letters, digits, _ and -, starting with a letter or digit, at most 64 characters',
      fix: "Use a short cluster alias such as 'primary' or 'us-east-1'.",
    });
  }
  return value;
}
