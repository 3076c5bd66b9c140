import { describe, expect, it } from 'vitest';
import {
  isIamActionPattern, isNonAdminAclOperation, kafkaClusterActionsMatching, nonAdminAclOperations, nonAdminIamActions,
} from '../../../lib/model/access/least-privilege';

describe('the non-admin table of SEC-005', () => {
  it('gives an application Read/Write/Describe on topics, Read/Describe on groups, Write/Describe on transactional ids, IdempotentWrite on the cluster', () => {
    expect(nonAdminAclOperations('application', 'topic')).toEqual(['Read', 'Write', 'Describe']);
    expect(nonAdminAclOperations('application', 'group')).toEqual(['Read', 'Describe']);
    expect(nonAdminAclOperations('application', 'transactionalId')).toEqual(['Write', 'Describe']);
    expect(nonAdminAclOperations('application', 'cluster')).toEqual(['IdempotentWrite']);
    expect(nonAdminAclOperations('application', 'delegationToken')).toEqual([]);
  });

  it('gives MirrorMaker 2 also DescribeConfigs, Create, Alter and AlterConfigs on topics and Describe on the cluster, never Delete or All', () => {
    expect(nonAdminAclOperations('mirror-maker-2', 'topic')).toEqual(['Read', 'Write', 'Describe', 'DescribeConfigs', 'Create', 'Alter', 'AlterConfigs']);
    expect(nonAdminAclOperations('mirror-maker-2', 'cluster')).toEqual(['IdempotentWrite', 'Describe']);
    for (const op of ['Delete', 'All', 'ClusterAction']) expect(isNonAdminAclOperation('mirror-maker-2', 'topic', op), op).toBe(false);
  });

  it('treats an unknown kind as an application and compares operations case-insensitively, as kafka-acls.sh does', () => {
    expect(isNonAdminAclOperation('operator', 'topic', 'Create')).toBe(false);
    expect(isNonAdminAclOperation('application', 'topic', 'READ')).toBe(true);
    expect(isNonAdminAclOperation('application', 'topic', 'all')).toBe(false);
  });

  it('derives the IAM actions from the ACL table: exactly the documented non-admin actions', () => {
    expect(nonAdminIamActions('application')).toEqual([
      'kafka-cluster:AlterGroup', 'kafka-cluster:AlterTransactionalId', 'kafka-cluster:Connect', 'kafka-cluster:DescribeCluster',
      'kafka-cluster:DescribeGroup', 'kafka-cluster:DescribeTopic', 'kafka-cluster:DescribeTransactionalId', 'kafka-cluster:ReadData',
      'kafka-cluster:WriteData', 'kafka-cluster:WriteDataIdempotently',
    ]);
    const mm2 = nonAdminIamActions('mirror-maker-2');
    expect(mm2.filter((a) => !nonAdminIamActions('application').includes(a))).toEqual([
      'kafka-cluster:AlterTopic', 'kafka-cluster:AlterTopicDynamicConfiguration', 'kafka-cluster:CreateTopic', 'kafka-cluster:DescribeTopicDynamicConfiguration',
    ]);
    expect(mm2).not.toContain('kafka-cluster:DeleteTopic');
    expect(mm2).not.toContain('kafka-cluster:AlterCluster');
  });

  it('gives every kind other than MirrorMaker 2 the application actions, the same on every call, and a caller cannot change them', () => {
    const application = [...nonAdminIamActions('application')];
    for (const kind of ['operator', 'admin', '']) expect(nonAdminIamActions(kind), kind).toEqual(application);
    expect(nonAdminIamActions('application')).toBe(nonAdminIamActions('application'));
    expect(() => (nonAdminIamActions('mirror-maker-2') as string[]).push('kafka-cluster:*')).toThrow(TypeError);
    expect(nonAdminIamActions('mirror-maker-2')).not.toContain('kafka-cluster:*');
    expect(nonAdminIamActions('application')).toEqual(application);
  });

  it('expands IAM action patterns to the kafka-cluster actions they grant', () => {
    expect(kafkaClusterActionsMatching('*')).toHaveLength(19);
    expect(kafkaClusterActionsMatching('kafka-cluster:*Topic*')).toEqual([
      'kafka-cluster:CreateTopic', 'kafka-cluster:DescribeTopic', 'kafka-cluster:AlterTopic', 'kafka-cluster:DeleteTopic',
      'kafka-cluster:DescribeTopicDynamicConfiguration', 'kafka-cluster:AlterTopicDynamicConfiguration',
    ]);
    expect(kafkaClusterActionsMatching('KAFKA-CLUSTER:deletegroup')).toEqual(['kafka-cluster:DeleteGroup']);
    expect(kafkaClusterActionsMatching('kafka:*')).toEqual([]);
    expect(kafkaClusterActionsMatching('s3:GetObject')).toEqual([]);
    expect([isIamActionPattern('kafka:*'), isIamActionPattern('kafka-cluster:Read?ata'), isIamActionPattern('kafka-cluster:ReadData')]).toEqual([true, true, false]);
  });
});
