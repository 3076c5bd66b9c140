import { KafkaIacError } from '../errors';
import { AclOperation, AclPatternType, AclPermission, AclResource, AclResourceType, type AclEntry } from './acl';
import type { AccessGrant } from './access-grant';
import type { AccessModel } from './access-model';
import { PrincipalKind, type Principal } from './principal';
import type { Topic } from './topic';

/**
 * The ACL operations a consumer-lag reader (KEDA's `kafka` scaler) needs, and nothing more:
 * - Describe on the group: OffsetFetch (the group's committed offsets) and FindCoordinator.
 *   OffsetFetch needs only Describe on the group since Kafka 1.0 (KIP-163).
 * - Describe on each topic: Metadata (the partitions and their leaders), ListOffsets (the
 *   latest offsets) and the topic half of OffsetFetch.
 * KEDA 2.20's scaler (pkg/scalers/kafka_scaler.go) issues exactly these requests:
 * `admin.DescribeTopics`, `admin.ListConsumerGroupOffsets` and `broker.GetAvailableOffsets`.
 * It never reads records and never joins the group, so it gets no Read.
 * @see https://cwiki.apache.org/confluence/display/KAFKA/KIP-163%3A+Lower+the+Minimum+Required+ACL+Permission+of+OffsetFetch
 * @see https://github.com/kedacore/keda/blob/v2.20.2/pkg/scalers/kafka_scaler.go
 */
export const LAG_READER_OPERATIONS: readonly AclOperation[] = [AclOperation.DESCRIBE];

/**
 * The declared topics a consumer group reads, from the access model's consume grants: every
 * principal allowed Read on the group (by name or prefix, never `*`; admins do not count) and the
 * topics of the same grant; a topic prefix resolves to the declared topics that start with it. A
 * group that no consume grant names is refused (`KIAC-SCALING`).
 */
export function topicsConsumedByGroup(model: AccessModel, group: string, path: string): readonly Topic[] {
  const names = new Set<string>();
  let declared = false;
  for (const principal of model.principals) {
    // Admins hold All on every group and topic: that declares no consumer group.
    if (principal.kind === PrincipalKind.ADMIN) continue;
    for (const grant of principal.grants) {
      const readsGroup = grant.acls.some((e) => isAllow(e, AclResourceType.GROUP, AclOperation.READ) && !e.resource.isWildcard && matches(e.resource, group));
      if (!readsGroup) continue;
      declared = true;
      for (const e of grant.acls) {
        if (!isAllow(e, AclResourceType.TOPIC, AclOperation.READ)) continue;
        for (const topic of model.topics) if (matches(e.resource, topic.name)) names.add(topic.name);
      }
    }
  }
  if (!declared) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-SCALING', path, prop: 'group', found: group,
      expected: `a consumer group the access model '${model.name}' declares (topic.grantConsume(principal, { group }))`,
      fix: `Declare the group first, for example access.topic('orders').grantConsume(consumer, { group: '${group}' }), or scale a group that is declared (${declaredGroups(model).map((g) => `'${g}'`).join(', ') || 'none yet'}).`,
    });
  }
  return KafkaIacError.nonEmpty(model.topics.filter((t) => names.has(t.name)), {
    code: 'KIAC-SCALING', path, prop: 'group topics',
    expected: `at least one declared topic consumed by group '${group}', so the scaler knows whose lag to read`,
    fix: `Declare the topics group '${group}' reads with access.addTopic(...) before scaling it.`,
  });
}

/** The consumer groups the access model declares (literal names), sorted. */
export function declaredGroups(model: AccessModel): string[] {
  const out = new Set<string>();
  for (const e of model.acls) {
    if (isAllow(e, AclResourceType.GROUP, AclOperation.READ) && e.resource.patternType === AclPatternType.LITERAL && !e.resource.isWildcard) out.add(e.resource.name);
  }
  return [...out].sort();
}

/**
 * Lets `scaler` read the lag of consumer group `group`: exactly `LAG_READER_OPERATIONS`
 * (Describe) on the group and on each topic the group consumes. Grants:
 * - ACL: allow Describe on group `group`;
 * - ACL: allow Describe on each topic of `topicsConsumedByGroup`;
 * - IAM (MSK): kafka-cluster:Connect and DescribeCluster on the cluster, DescribeGroup on the
 *   group, DescribeTopic on the topics.
 * No Read, no Write, no cluster right: SEC-005 holds for the scaler. A group the model does not
 * declare is refused.
 */
export function grantLagRead(model: AccessModel, scaler: Principal, group: string): AccessGrant {
  const path = `${model.name}/principals/${scaler?.name}`;
  if (!scaler || model.principal(scaler.name) !== scaler) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-SCALING', path, prop: 'scaler', found: scaler?.name,
      expected: `a principal declared in access model '${model.name}'`,
      fix: "Declare the scaler with access.addPrincipal('keda-<group>', { authentication: ClientAuthentication.scramSha512() }) first.",
    });
  }
  const topics = topicsConsumedByGroup(model, group, path);
  const entries: AclEntry[] = [
    { principal: scaler.name, permission: AclPermission.ALLOW, resource: AclResource.group(group), operations: [...LAG_READER_OPERATIONS] },
    ...topics.map((t) => ({ principal: scaler.name, permission: AclPermission.ALLOW, resource: t.aclResource, operations: [...LAG_READER_OPERATIONS] })),
  ];
  return scaler.addGrant(`read the lag of group '${group}'`, entries);
}

/** Whether `scaler` holds Describe on the group and on every topic (what `grantLagRead` grants). */
export function missingLagReadRights(scaler: Principal, group: string, topics: readonly Topic[]): string[] {
  const holds = (type: AclResourceType, name: string): boolean => scaler.acls.some((e) => e.permission === AclPermission.ALLOW
    && e.resource.type === type && matches(e.resource, name)
    && (e.operations.includes(AclOperation.DESCRIBE) || e.operations.includes(AclOperation.READ) || e.operations.includes(AclOperation.ALL)));
  const missing: string[] = [];
  if (!holds(AclResourceType.GROUP, group)) missing.push(`Describe on group '${group}'`);
  for (const t of topics) if (!holds(AclResourceType.TOPIC, t.name)) missing.push(`Describe on topic '${t.name}'`);
  return missing;
}

function isAllow(e: AclEntry, type: AclResourceType, op: AclOperation): boolean {
  return e.permission === AclPermission.ALLOW && e.resource.type === type && (e.operations.includes(op) || e.operations.includes(AclOperation.ALL));
}

function matches(resource: AclResource, name: string): boolean {
  if (resource.patternType === AclPatternType.PREFIX) return name.startsWith(resource.name);
  if (resource.isWildcard) return true;
  return resource.name === name;
}
