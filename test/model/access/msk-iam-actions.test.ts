import { describe, expect, it } from 'vitest';
import { AclOperation, AclPermission, AclResource, AclResourceType, type AclEntry } from '../../../lib/model/access/acl';
import { mskIamActionsOf } from '../../../lib/model/access/msk-iam-actions';

const entry = (resource: AclResource, operations: AclOperation[]): AclEntry => ({ principal: 'app', permission: AclPermission.ALLOW, resource, operations });

describe('mskIamActionsOf', () => {
  it('gives the sorted, deduplicated actions of the operations on the resource type, whatever the order of the operations', () => {
    expect(mskIamActionsOf(entry(AclResource.topic('orders'), [AclOperation.WRITE, AclOperation.DESCRIBE]))).toEqual(['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData']);
    expect(mskIamActionsOf(entry(AclResource.topic('orders'), [AclOperation.DESCRIBE, AclOperation.WRITE, AclOperation.WRITE]))).toEqual(['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData']);
    // Read on a group is AlterGroup and DescribeGroup; Describe adds nothing new.
    expect(mskIamActionsOf(entry(AclResource.group('billing'), [AclOperation.READ, AclOperation.DESCRIBE]))).toEqual(['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup']);
    expect(mskIamActionsOf(entry(AclResource.cluster(), [AclOperation.IDEMPOTENT_WRITE]))).toEqual(['kafka-cluster:WriteDataIdempotently']);
    expect(mskIamActionsOf(entry(AclResource.any(AclResourceType.TRANSACTIONAL_ID), [AclOperation.READ]))).toEqual([]);
  });

  it('answers each call with a list of its own: changing one answer changes no later one', () => {
    const first = mskIamActionsOf(entry(AclResource.topic('a'), [AclOperation.READ, AclOperation.DESCRIBE]));
    first.push('kafka-cluster:*');
    first.sort().reverse();
    expect(mskIamActionsOf(entry(AclResource.topic('b'), [AclOperation.READ, AclOperation.DESCRIBE]))).toEqual(['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData']);
  });

  it('tells operation lists apart that would read alike joined together, and the same operations on different resource types', () => {
    const joined = mskIamActionsOf(entry(AclResource.topic('a'), ['Read Write' as AclOperation]));
    expect(joined).toEqual([]);
    expect(mskIamActionsOf(entry(AclResource.topic('a'), [AclOperation.READ, AclOperation.WRITE]))).toEqual(['kafka-cluster:ReadData', 'kafka-cluster:WriteData']);
    expect(mskIamActionsOf(entry(AclResource.transactionalId('t'), [AclOperation.WRITE]))).toEqual(['kafka-cluster:AlterTransactionalId']);
    expect(mskIamActionsOf(entry(AclResource.topic('t'), [AclOperation.WRITE]))).toEqual(['kafka-cluster:WriteData']);
  });
});
