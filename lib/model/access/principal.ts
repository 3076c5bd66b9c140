import type { ClientAuthentication } from '../client-authentication';
import { AuthenticationMechanism } from '../client-authentication';
import { AclOperation, AclPermission, AclResource, AclResourceType, type AclEntry } from './acl';
import { AccessGrant } from './access-grant';

/** What a principal is, which decides the cluster-level rights it may hold (SEC-005). */
export enum PrincipalKind {
  /** An application: producer and/or consumer on named topics. No cluster right except IdempotentWrite. */
  APPLICATION = 'application',
  /** A declared administrator: the only kind that gets cluster-wide rights. */
  ADMIN = 'admin',
  /** A MirrorMaker 2 principal: like an application, and may also Describe the cluster. */
  MIRROR_MAKER_2 = 'mirror-maker-2',
}

/** How a principal (a client identity) authenticates and what it is. */
export interface PrincipalProps {
  /**
   * How the principal authenticates. SCRAM-SHA-512 and mutual TLS render on every target,
   * IAM only on MSK, OAuth bearer only on Strimzi.
   * @see SEC-003
   */
  readonly authentication: ClientAuthentication;
  /**
   * Whether the principal produces idempotently; its produce grants then include
   * IdempotentWrite on the cluster (IAM: WriteDataIdempotently).
   * @default true
   * @see HA-004
   */
  readonly idempotent?: boolean;
  /**
   * What the principal is for, shown in reports and docs.
   * @default - none
   */
  readonly description?: string;
}

/** Records a new ACL entry after the model's SEC-005 checks; supplied by the AccessModel. */
export type AclRecorder = (principal: Principal, entry: AclEntry) => void;

/**
 * A Kafka principal of the access model: a user that authenticates and receives ACLs.
 * Create it with `AccessModel.addPrincipal`, `addAdmin` or `addMirrorMaker2`.
 */
export class Principal {
  public readonly name: string;
  public readonly kind: PrincipalKind;
  public readonly authentication: ClientAuthentication;
  public readonly idempotent: boolean;
  public readonly description?: string;
  private readonly entries: AclEntry[] = [];
  private readonly grantList: AccessGrant[] = [];

  /** @internal Use `AccessModel.addPrincipal`. */
  public constructor(name: string, kind: PrincipalKind, props: PrincipalProps, private readonly recorder: AclRecorder) {
    this.name = name;
    this.kind = kind;
    this.authentication = props.authentication;
    this.idempotent = props.idempotent ?? true;
    this.description = props.description;
  }

  /** The ACL entries of this principal, in declaration order. */
  public get acls(): readonly AclEntry[] {
    return this.entries;
  }

  /** The grants made to this principal. */
  public get grants(): readonly AccessGrant[] {
    return this.grantList;
  }

  /** True when the principal may write to at least one topic. */
  public get isProducer(): boolean {
    return this.entries.some((e) => e.permission === AclPermission.ALLOW && e.resource.type === AclResourceType.TOPIC
      && (e.operations.includes(AclOperation.WRITE) || e.operations.includes(AclOperation.ALL)));
  }

  /** True when the principal may read at least one topic. */
  public get isConsumer(): boolean {
    return this.entries.some((e) => e.permission === AclPermission.ALLOW && e.resource.type === AclResourceType.TOPIC
      && (e.operations.includes(AclOperation.READ) || e.operations.includes(AclOperation.ALL)));
  }

  /** The consumer groups this principal may use (names or prefixes). */
  public get groups(): readonly string[] {
    return this.entries.filter((e) => e.permission === AclPermission.ALLOW && e.resource.type === AclResourceType.GROUP).map((e) => e.resource.name);
  }

  /**
   * The Kafka principal string brokers see: `User:<name>` for SCRAM and OAuth,
   * `User:CN=<name>` for mutual TLS (the certificate's subject). IAM principals have no Kafka
   * ACL principal: their rights are IAM policies.
   */
  public get kafkaPrincipal(): string {
    return this.authentication.mechanism === AuthenticationMechanism.MUTUAL_TLS ? `User:CN=${this.name}` : `User:${this.name}`;
  }

  /**
   * Allows `operations` on `resource`. A non-admin may not get a cluster-level right except
   * IdempotentWrite (and Describe for MirrorMaker 2), nor `*` in staging and production (SEC-005).
   * Grants: exactly the operations given; on MSK IAM, the actions of `mskIamActionsOf` plus
   * Connect and DescribeCluster.
   */
  public addAllow(resource: AclResource, operations: AclOperation[]): AccessGrant {
    return this.addGrant(`allow ${operations.join(',')} on ${resource.toString()}`, [
      { principal: this.name, permission: AclPermission.ALLOW, resource, operations: [...operations] },
    ]);
  }

  /**
   * Denies `operations` on `resource`, even when another ACL allows them (deny wins in Kafka
   * and in IAM). Rendered as a `type: deny` KafkaUser ACL, a `--deny-principal` line, and an
   * IAM `Deny` statement with the same actions.
   */
  public addDeny(resource: AclResource, operations: AclOperation[]): AccessGrant {
    return this.addGrant(`deny ${operations.join(',')} on ${resource.toString()}`, [
      { principal: this.name, permission: AclPermission.DENY, resource, operations: [...operations] },
    ]);
  }

  /**
   * MirrorMaker 2 only: Describe on the cluster (IAM: kafka-cluster:DescribeCluster).
   * Any other principal is refused (SEC-005).
   */
  public grantDescribeCluster(): AccessGrant {
    return this.addAllow(AclResource.cluster(), [AclOperation.DESCRIBE]);
  }

  /** @internal Records a grant's entries through the model's checks. */
  public addGrant(description: string, entries: readonly AclEntry[]): AccessGrant {
    for (const e of entries) this.recorder(this, e);
    this.entries.push(...entries);
    const grant = new AccessGrant(this.name, description, entries);
    this.grantList.push(grant);
    return grant;
  }
}
