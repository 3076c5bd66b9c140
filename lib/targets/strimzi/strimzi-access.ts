import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { AuthenticationMechanism } from '../../model/client-authentication';
import { KafkaIacError } from '../../model/errors';
import { KafkaTopic, KafkaUser, type KafkaTopicSpec, type KafkaUserSpec } from '../../imports/kafka.strimzi.io';

import { AclPermission, AclResourceType, type AclEntry } from '../../model/access/acl';
import type { AccessModel } from '../../model/access/access-model';
import { ClientProperties, type ConsumerGroupProtocol } from '../../contract/client-properties';
import type { Principal } from '../../model/access/principal';
import type { Topic } from '../../model/access/topic';
import { CLUSTER_CA_SECRET_ANNOTATION, CREDENTIALS_SECRET_ANNOTATION, PRINCIPAL_KIND_LABEL, STRIMZI_CLUSTER_LABEL } from '../../contract/vocabulary';
import { RuleTarget } from '../../contract/rule-target';
import { clientPropertiesConfigMap } from '../kubernetes/client-properties-config-map';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** Props of a `StrimziAccess`: the cluster and the access model it renders as KafkaUsers and KafkaTopics. */
export interface StrimziAccessProps {
  /** The access model to render. */
  readonly model: AccessModel;
  /** The `Kafka` resource's name (label `strimzi.io/cluster`). */
  readonly clusterName: string;
  /**
   * `bootstrap.servers` in the published client properties.
   * @default '<clusterName>-kafka-bootstrap.<namespace>.svc:9093'
   */
  readonly bootstrapServers?: string;
  /**
   * The consumer group protocol in the published client properties.
   * @default ConsumerGroupProtocol.CLASSIC
   */
  readonly groupProtocol?: ConsumerGroupProtocol;
}

/**
 * Renders an access model for Strimzi 1.2: a `KafkaUser` per principal (SCRAM-SHA-512, `tls`
 * or, for OAuth principals, no authentication block; `authorization: simple` with its ACLs),
 * a `KafkaTopic` per topic, and per principal a ConfigMap `<principal>-client-properties`
 * with its recommended client properties, also written to `dist/<env>/clients/<principal>.properties`.
 *
 * The operator creates each user's Secret; nothing here carries a password (SEC-009).
 * @see https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaUser-reference
 */
export class StrimziAccess extends KafkaIacConstruct {
  /** KafkaUser objects by principal name. */
  public readonly users: ReadonlyMap<string, KafkaUser>;
  /** KafkaTopic objects by topic name. */
  public readonly topics: ReadonlyMap<string, KafkaTopic>;
  /** Client-properties ConfigMaps by principal name. */
  public readonly clientProperties: ReadonlyMap<string, ApiObject>;

  public constructor(scope: Construct, id: string, props: StrimziAccessProps) {
    super(scope, id);
    const users = new Map<string, KafkaUser>();
    const topics = new Map<string, KafkaTopic>();
    const clients = new Map<string, ApiObject>();
    const { namespace } = this.environment;
    const bootstrap = props.bootstrapServers ?? `${props.clusterName}-kafka-bootstrap.${namespace}.svc:9093`;
    for (const topic of props.model.topics) {
      const rendered = renderKafkaTopic(topic, props.clusterName);
      topics.set(topic.name, new KafkaTopic(this, `Topic-${topic.name}`, { metadata: rendered.metadata, spec: rendered.spec as KafkaTopicSpec }));
    }
    for (const principal of props.model.principals) {
      const rendered = renderKafkaUser(principal, props.clusterName, this.path);
      users.set(principal.name, new KafkaUser(this, `User-${principal.name}`, { metadata: rendered.metadata, spec: rendered.spec as KafkaUserSpec }));
      const client = ClientProperties.forKubernetes(principal, {
        bootstrapServers: bootstrap, groupProtocol: props.groupProtocol,
        clusterCaPath: '/etc/kafka/cluster-ca/ca.crt',
      });
      clients.set(principal.name, clientPropertiesConfigMap(this, this.environment, principal, client, RuleTarget.STRIMZI, {
        [CLUSTER_CA_SECRET_ANNOTATION]: `${props.clusterName}-cluster-ca-cert`, [CREDENTIALS_SECRET_ANNOTATION]: principal.name,
      }));
    }
    this.users = users;
    this.topics = topics;
    this.clientProperties = clients;
  }
}


/** A Kubernetes object name for a Kafka name (lower case, `_` and `.` allowed only as `-`/`.`). */
export function kubernetesNameOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.-]/g, '-').replace(/^[^a-z0-9]+/, '').replace(/[^a-z0-9]+$/, '').slice(0, 253);
}

/** The `KafkaTopic` of a topic. Pure. */
export function renderKafkaTopic(topic: Topic, clusterName: string): Record<string, any> {
  const name = kubernetesNameOf(topic.name);
  const spec: Record<string, any> = { partitions: topic.partitions, replicas: topic.replicationFactor };
  if (name !== topic.name) spec.topicName = topic.name;
  if (Object.keys(topic.settings.config).length > 0) spec.config = { ...topic.settings.config };
  return {
    apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic',
    metadata: { name, labels: { [STRIMZI_CLUSTER_LABEL]: clusterName } },
    spec,
  };
}

/** The `KafkaUser` of a principal. Pure. IAM principals cannot be rendered for Strimzi. */
export function renderKafkaUser(principal: Principal, clusterName: string, path = 'StrimziAccess'): Record<string, any> {
  const mechanism = principal.authentication.mechanism;
  const spec: Record<string, any> = {};
  if (mechanism === AuthenticationMechanism.SCRAM_SHA_512) spec.authentication = { type: 'scram-sha-512' };
  else if (mechanism === AuthenticationMechanism.MUTUAL_TLS) spec.authentication = { type: 'tls' };
  else if (mechanism === AuthenticationMechanism.IAM) {
    throw KafkaIacError.unsupportedAuthentication({
      code: 'SEC-003', path: `${path}/${principal.name}`, prop: 'authentication', found: mechanism,
      offered: ['scram-sha-512', 'tls', 'oauth'], where: 'for a Strimzi KafkaUser', why: 'IAM exists only on MSK',
      fix: `Declare '${principal.name}' with ClientAuthentication.scramSha512() or .mutualTls() for the Strimzi cluster.`,
    });
  }
  spec.authorization = { type: 'simple', acls: principal.acls.map(renderStrimziAcl) };
  return {
    apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaUser',
    metadata: {
      name: principal.name,
      labels: { [STRIMZI_CLUSTER_LABEL]: clusterName, [PRINCIPAL_KIND_LABEL]: principal.kind },
    },
    spec,
  };
}

/** One Strimzi ACL rule. */
export function renderStrimziAcl(entry: AclEntry): Record<string, any> {
  const resource: Record<string, any> = { type: entry.resource.type };
  if (entry.resource.type !== AclResourceType.CLUSTER) {
    resource.name = entry.resource.name;
    resource.patternType = entry.resource.patternType;
  }
  return {
    type: entry.permission === AclPermission.DENY ? 'deny' : 'allow',
    resource,
    operations: [...entry.operations],
    host: '*',
  };
}
