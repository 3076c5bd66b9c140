import { describe, expect, it } from 'vitest';
import { Environment } from '../../../lib/model/environment';
import { AclOperation, AclResource, AclResourceType } from '../../../lib/model/access/acl';
import { AccessModel } from '../../../lib/model/access/access-model';
import { mskArnPrefixesOf, renderMskIamPolicy } from '../../../lib/targets/msk/msk-iam-policy';
import { scram } from '../../support/access-fixtures';

const production = () => Environment.production({ name: 'production', region: 'us-east-1' });
const development = () => Environment.development({ name: 'development', region: 'us-east-1' });
const ARN = 'arn:aws:kafka:us-east-1:123456789012:cluster/prod/abcd-1234';
const arns = mskArnPrefixesOf(ARN);

/** The ACLs of a grant as comparable plain values. */
function plain(grant: { acls: readonly { permission: string; resource: AclResource; operations: readonly string[] }[] }) {
  return grant.acls.map((e) => ({ permission: e.permission, type: e.resource.type, name: e.resource.name, pattern: e.resource.patternType, operations: [...e.operations] }));
}

describe('grants: exact ACL operations and IAM actions', () => {
  it('grantProduce gives Write+Describe on the topic and IdempotentWrite on the cluster', () => {
    const access = new AccessModel({ environment: production() });
    const orders = access.addTopic('orders');
    const checkout = access.addPrincipal('checkout', { authentication: scram() });
    const grant = orders.grantProduce(checkout);
    expect(plain(grant)).toEqual([
      { permission: 'allow', type: 'topic', name: 'orders', pattern: 'literal', operations: ['Write', 'Describe'] },
      { permission: 'allow', type: 'cluster', name: 'kafka-cluster', pattern: 'literal', operations: ['IdempotentWrite'] },
    ]);
    expect(grant.iamStatements).toEqual([
      { resource: 'cluster', actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'] },
      { resource: "topic 'orders'", actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'] },
    ]);
    expect(renderMskIamPolicy(checkout, arns).Statement).toEqual([
      { Sid: 'AllowCluster', Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'], Resource: [ARN] },
      { Sid: 'Allowtopicorders', Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], Resource: ['arn:aws:kafka:us-east-1:123456789012:topic/prod/abcd-1234/orders'] },
    ]);
  });

  it('grantProduce with a transactional id adds Write+Describe on it (IAM AlterTransactionalId, DescribeTransactionalId), IdempotentWrite once', () => {
    const access = new AccessModel({ environment: production() });
    const checkout = access.addPrincipal('checkout', { authentication: scram() });
    access.addTopic('orders').grantProduce(checkout);
    const grant = access.addTopic('payments').grantProduce(checkout, { transactionalId: 'checkout-tx' });
    expect(plain(grant)).toEqual([
      { permission: 'allow', type: 'topic', name: 'payments', pattern: 'literal', operations: ['Write', 'Describe'] },
      { permission: 'allow', type: 'transactionalId', name: 'checkout-tx', pattern: 'literal', operations: ['Write', 'Describe'] },
    ]);
    expect(grant.iamStatements.find((s) => s.resource === "transactionalId 'checkout-tx'")?.actions)
      .toEqual(['kafka-cluster:AlterTransactionalId', 'kafka-cluster:DescribeTransactionalId']);
    expect(checkout.acls.filter((e) => e.resource.type === AclResourceType.CLUSTER)).toHaveLength(1);
  });

  it('a non-idempotent producer gets no cluster right at all', () => {
    const access = new AccessModel({ environment: production() });
    const legacy = access.addPrincipal('legacy', { authentication: scram(), idempotent: false });
    expect(plain(access.addTopic('orders').grantProduce(legacy))).toEqual([
      { permission: 'allow', type: 'topic', name: 'orders', pattern: 'literal', operations: ['Write', 'Describe'] },
    ]);
  });

  it('grantConsume gives Read+Describe on the topic and Read on the named group (IAM ReadData, AlterGroup, DescribeGroup)', () => {
    const access = new AccessModel({ environment: production() });
    const billing = access.addPrincipal('billing', { authentication: scram() });
    const grant = access.addTopic('orders').grantConsume(billing, { group: 'billing' });
    expect(plain(grant)).toEqual([
      { permission: 'allow', type: 'topic', name: 'orders', pattern: 'literal', operations: ['Read', 'Describe'] },
      { permission: 'allow', type: 'group', name: 'billing', pattern: 'literal', operations: ['Read'] },
    ]);
    expect(grant.iamStatements).toEqual([
      { resource: 'cluster', actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'] },
      { resource: "topic 'orders'", actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'] },
      { resource: "group 'billing'", actions: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'] },
    ]);
  });

  it('a prefixed grant renders as a prefix pattern and an ARN ending in <prefix>*', () => {
    const access = new AccessModel({ environment: production() });
    const auditor = access.addPrincipal('auditor', { authentication: scram() });
    const grant = access.topicsWithPrefix('audit.').grantConsume(auditor, { group: 'auditor' });
    expect(plain(grant)[0]).toEqual({ permission: 'allow', type: 'topic', name: 'audit.', pattern: 'prefix', operations: ['Read', 'Describe'] });
    const topicStatement = renderMskIamPolicy(auditor, arns).Statement.find((s) => s.Resource[0].includes(':topic/'));
    expect(topicStatement?.Resource).toEqual(['arn:aws:kafka:us-east-1:123456789012:topic/prod/abcd-1234/audit.*']);
  });

  it('addAdmin grants every cluster operation but ClusterAction, and All on every topic, group and transactional id', () => {
    const access = new AccessModel({ environment: production() });
    const admin = access.addAdmin('kafka-admin', { authentication: scram() });
    expect(plain(admin.grants[0]).map((e) => `${e.type}:${e.name}:${e.operations.join(',')}`))
      .toEqual(['cluster:kafka-cluster:Alter,AlterConfigs,Create,Describe,DescribeConfigs,IdempotentWrite', 'topic:*:All', 'group:*:All', 'transactionalId:*:All']);
    const policy = renderMskIamPolicy(admin, arns);
    expect(policy.Statement[0].Action).toContain('kafka-cluster:AlterCluster');
    expect(policy.Statement.map((s) => s.Resource[0])).toEqual([
      ARN, 'arn:aws:kafka:us-east-1:123456789012:topic/prod/abcd-1234/*',
      'arn:aws:kafka:us-east-1:123456789012:group/prod/abcd-1234/*',
      'arn:aws:kafka:us-east-1:123456789012:transactional-id/prod/abcd-1234/*',
    ]);
  });

  it('lets MirrorMaker 2 Describe the cluster (IAM DescribeCluster)', () => {
    const access = new AccessModel({ environment: production() });
    const mm2 = access.addMirrorMaker2('mirror-maker', { authentication: scram() });
    const grant = mm2.grantDescribeCluster();
    expect(plain(grant)).toEqual([{ permission: 'allow', type: 'cluster', name: 'kafka-cluster', pattern: 'literal', operations: ['Describe'] }]);
    expect(grant.iamStatements).toEqual([{ resource: 'cluster', actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'] }]);
  });

  it('renders a deny rule as a deny ACL and an IAM Deny statement', () => {
    const access = new AccessModel({ environment: production() });
    const billing = access.addPrincipal('billing', { authentication: scram() });
    access.topicsWithPrefix('payments.').grantConsume(billing, { group: 'billing' });
    const deny = billing.addDeny(AclResource.topic('payments.cards'), [AclOperation.READ]);
    expect(plain(deny)).toEqual([{ permission: 'deny', type: 'topic', name: 'payments.cards', pattern: 'literal', operations: ['Read'] }]);
    expect(renderMskIamPolicy(billing, arns).Statement.find((s) => s.Effect === 'Deny')).toEqual({
      Sid: 'Denytopicpaymentscards', Effect: 'Deny', Action: ['kafka-cluster:ReadData'],
      Resource: ['arn:aws:kafka:us-east-1:123456789012:topic/prod/abcd-1234/payments.cards'],
    });
  });

  it('topics inherit the cluster defaults and write only what they override', () => {
    const access = new AccessModel({ environment: production() });
    const orders = access.addTopic('orders', { partitions: 12 });
    const state = access.addTopic('order-state', { compacted: true, minInsyncReplicas: 2, retentionHours: 24 });
    expect(orders.settings).toEqual({ partitions: 12, replicationFactor: 3, minInsyncReplicas: 2, minInsyncReplicasOverridden: false, config: {} });
    expect(state.settings.config).toEqual({ 'min.insync.replicas': '2', 'retention.ms': '86400000', 'cleanup.policy': 'compact' });
    expect(state.compacted).toBe(true);
  });
});

describe('bad input is refused with the rule ID, the principal and the fix', () => {
  it('fails SEC-005 when a non-admin is granted every topic in production', () => {
    const access = new AccessModel({ environment: production() });
    const billing = access.addPrincipal('billing', { authentication: scram() });
    expect(() => access.anyTopic().grantConsume(billing, { group: 'billing' }))
      .toThrow(/^SEC-005 \[production\/access\/principals\/billing\] .*'\*'.*Grant 'billing' access to named resources/);
  });

  it('fails SEC-005 when a non-admin is granted every group in staging', () => {
    const access = new AccessModel({ environment: Environment.staging({ name: 'staging', region: 'us-east-1' }) });
    const billing = access.addPrincipal('billing', { authentication: scram() });
    expect(() => access.addTopic('orders').grantConsume(billing, { group: '*' })).toThrow(/SEC-005 \[staging\/access\/principals\/billing\]/);
  });

  it('allows a * grant to a non-admin in development', () => {
    const access = new AccessModel({ environment: development() });
    const tool = access.addPrincipal('tool', { authentication: scram() });
    expect(plain(access.anyTopic().grantConsume(tool, { group: 'tool' }))[0].name).toBe('*');
  });

  it('fails SEC-005 when a consumer has no group', () => {
    const access = new AccessModel({ environment: production() });
    const billing = access.addPrincipal('billing', { authentication: scram() });
    expect(() => access.addTopic('orders').grantConsume(billing, {} as never))
      .toThrow(/^SEC-005 \[production\/access\/topics\/orders\/consumers\/billing\] group is not set; .*Name the group/);
  });

  it('fails HA-002 when a production topic has replication factor 1', () => {
    const access = new AccessModel({ environment: production() });
    expect(() => access.addTopic('orders', { replicationFactor: 1 }))
      .toThrow(/^HA-002 \[production\/access\/topics\/orders\] replicationFactor is 1; expected at least 3 in production\. Set replicationFactor: 3/);
  });

  it('fails HA-003 when min ISR is not below the replication factor', () => {
    const access = new AccessModel({ environment: production() });
    expect(() => access.addTopic('orders', { minInsyncReplicas: 3 }))
      .toThrow(/^HA-003 \[production\/access\/topics\/orders\] minInsyncReplicas is 3; expected below the replication factor \(3\).*Set minInsyncReplicas: 2/);
  });

  it('fails SEC-003 when a principal has no authentication mechanism', () => {
    const access = new AccessModel({ environment: production() });
    expect(() => access.addPrincipal('orphan', {} as never))
      .toThrow(/^SEC-003 \[production\/access\/principals\/orphan\] authentication is not set; .*ClientAuthentication\.scramSha512\(\)/);
  });

  it('fails SEC-005 when a principal name is declared twice', () => {
    const access = new AccessModel({ environment: production() });
    access.addPrincipal('billing', { authentication: scram() });
    expect(() => access.addAdmin('billing', { authentication: scram() }))
      .toThrow(/^SEC-005 \[production\/access\/principals\/billing\] name is 'billing'; expected unique principal names.*Declare principal 'billing' once/);
  });

  it('fails SEC-005 when a non-admin asks for a cluster right other than IdempotentWrite', () => {
    const access = new AccessModel({ environment: development() });
    const app = access.addPrincipal('app', { authentication: scram() });
    expect(() => app.addAllow(AclResource.cluster(), [AclOperation.ALTER]))
      .toThrow(/^SEC-005 \[development\/access\/principals\/app\] cluster operation is 'Alter'/);
    expect(() => app.grantDescribeCluster()).toThrow(/SEC-005 .*cluster operation is 'Describe'/);
    expect(app.acls).toHaveLength(0);
  });

  it('fails SEC-005 when a non-admin application is allowed Delete, Create, Alter or All on a named topic, or All on its group', () => {
    const access = new AccessModel({ environment: production() });
    const billing = access.addPrincipal('billing', { authentication: scram() });
    expect(() => billing.addAllow(AclResource.topic('orders'), [AclOperation.READ, AclOperation.DELETE]))
      .toThrow(/^SEC-005 \[production\/access\/principals\/billing\] operation on topic 'orders' is 'Delete'; expected only Read, Write, Describe on a topic for non-admin principal 'billing' \(application\)/);
    for (const op of [AclOperation.CREATE, AclOperation.ALTER, AclOperation.ALTER_CONFIGS, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALL]) {
      expect(() => billing.addAllow(AclResource.topic('orders'), [op]), op).toThrow(new RegExp(`^SEC-005 \\[production/access/principals/billing\\] operation on topic 'orders' is '${op}'`));
    }
    expect(() => billing.addAllow(AclResource.group('billing'), [AclOperation.ALL]))
      .toThrow(/^SEC-005 \[production\/access\/principals\/billing\] operation on group 'billing' is 'All'; expected only Read, Describe on a group/);
    expect(() => billing.addAllow(AclResource.transactionalId('billing-tx'), [AclOperation.ALTER]))
      .toThrow(/operation on transactionalId 'billing-tx' is 'Alter'; expected only Write, Describe/);
    expect(billing.acls).toHaveLength(0);
  });

  it('refuses Delete on topics in development too (operations are not relaxed by the profile)', () => {
    const access = new AccessModel({ environment: development() });
    const tool = access.addPrincipal('tool', { authentication: scram() });
    expect(() => tool.addAllow(AclResource.topic('orders'), [AclOperation.DELETE])).toThrow(/^SEC-005 \[development\/access\/principals\/tool\] operation on topic 'orders' is 'Delete'/);
  });

  it('accepts the non-admin table: Read/Write/Describe on topics, Read/Describe on groups, Write/Describe on transactional ids, and any deny', () => {
    const access = new AccessModel({ environment: production() });
    const app = access.addPrincipal('app', { authentication: scram() });
    app.addAllow(AclResource.topic('orders'), [AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE]);
    app.addAllow(AclResource.groupPrefix('app-'), [AclOperation.READ, AclOperation.DESCRIBE]);
    app.addAllow(AclResource.transactionalId('app-tx'), [AclOperation.WRITE, AclOperation.DESCRIBE]);
    app.addDeny(AclResource.any(AclResourceType.TOPIC), [AclOperation.ALL]);
    expect(app.acls.map((e) => `${e.permission} ${e.resource.toString()}: ${e.operations.join(',')}`)).toEqual([
      "allow topic 'orders': Read,Write,Describe",
      "allow group prefix 'app-': Read,Describe",
      "allow transactionalId 'app-tx': Write,Describe",
      "deny topic '*': All",
    ]);
  });

  it('lets a MirrorMaker 2 principal create, alter and describe the configs of named topics, but never delete them or hold All', () => {
    const access = new AccessModel({ environment: production() });
    const mm2 = access.addMirrorMaker2('mirror-maker-2', { authentication: scram(), idempotent: false });
    mm2.addAllow(AclResource.topic('primary.orders'), [AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.READ, AclOperation.CREATE, AclOperation.ALTER, AclOperation.ALTER_CONFIGS, AclOperation.DESCRIBE_CONFIGS]);
    mm2.grantDescribeCluster();
    expect(mm2.acls).toHaveLength(2);
    expect(() => mm2.addAllow(AclResource.topic('primary.orders'), [AclOperation.DELETE]))
      .toThrow(/^SEC-005 \[production\/access\/principals\/mirror-maker-2\] operation on topic 'primary\.orders' is 'Delete'; expected only Read, Write, Describe, DescribeConfigs, Create, Alter, AlterConfigs on a topic for non-admin principal 'mirror-maker-2' \(mirror-maker-2\)/);
    expect(() => mm2.addAllow(AclResource.group('mm2'), [AclOperation.DELETE])).toThrow(/operation on group 'mm2' is 'Delete'/);
    expect(() => mm2.addAllow(AclResource.topic('primary.orders'), [AclOperation.ALL])).toThrow(/operation on topic 'primary\.orders' is 'All'/);
  });
});
