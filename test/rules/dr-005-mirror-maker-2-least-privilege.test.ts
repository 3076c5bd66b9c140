// DR-005: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { replicatedPair, synthError } from '../support/replication-pair';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { DataAwsIamPolicy } from '@cdktf/provider-aws/lib/data-aws-iam-policy';
import { expectViolation, handWritten } from './fixtures/dr-msk-replicator';
import { drFixture, MM2_PATH } from '../support/mirror-maker-2-fixture';
import { JsonPatch } from 'cdk8s';
import { CHECKPOINT, SOURCE, USER_PATH, mirrorMaker2Document } from './fixtures/dr-mirror-maker-2';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { kubernetes, terraform } from './fixtures/cap-documents';
import { PRINCIPAL_KIND_LABEL, PRINCIPAL_KIND_TAG } from '../../lib/contract/vocabulary';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { synth } from '../support/strimzi-fixture';
import * as strimziFixture from '../support/strimzi-fixture';

import { DR_005_MIRROR_MAKER_2_LEAST_PRIVILEGE } from '../../lib/rules/dr-005-mirror-maker-2-least-privilege';
import { itDescribesItself } from './fixtures/metadata';
// The rule on hand-built documents (the KafkaMirrorMaker2, KafkaUser, Kafka, replicator, role
// and policies the library writes): each finding's text and both sides of each condition,
// without a synthesis per case. They come first: a mutation run stops a mutant at its first
// failing test, so a mutant these kill costs no synthesis.
describe('DR-005 on the documents', () => {
  const rule = DR_005_MIRROR_MAKER_2_LEAST_PRIVILEGE;
  const mm2 = mirrorMaker2Document;
  const rfFinding = (at: string, key: string, value: string) => ({
    found: `${at}.${key} is ${value}`, expected: 'at least 3, written out (-1 or absent leaves it to a default that is not checked)',
    fix: `Set ${key}: 3 (StrimziMirrorMaker2 writes 3; remove the override).`,
  });
  const SOURCE_CONFIG = 'spec.mirrors[0].sourceConnector.config';
  const CHECKPOINT_CONFIG = 'spec.mirrors[0].checkpointConnector.config';
  const user = (labels: Record<string, string> | undefined, acls: unknown, name = 'mirror-maker-2') =>
    kubernetes('kafka.strimzi.io/v1', 'KafkaUser', name, { metadata: { labels }, spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls } } });
  const MM2_KIND = { [PRINCIPAL_KIND_LABEL]: 'mirror-maker-2' };
  const kafka = (superUsers: unknown) => kubernetes('kafka.strimzi.io/v1', 'Kafka', 'staging-dr-kafka', { spec: { kafka: { authorization: { type: 'simple', superUsers } } } });

  describe('KafkaMirrorMaker2', () => {
    it('passes the MirrorMaker 2 StrimziMirrorMaker2 writes, with its own user beside it', () => {
      expect(outcomeOf(rule, mm2(), [user(MM2_KIND, []), kafka(['kafka-admin'])])).toEqual({ status: 'compliant' });
    });

    it('fails a connection without TLS or authentication, with the whole text', () => {
      expect(findingsOf(rule, mm2((s) => { delete s.target.tls; s.mirrors[0].source.tls = null; delete s.mirrors[0].source.authentication; }))).toEqual([
        { found: 'spec.target.tls is not set', expected: 'TLS to the cluster (SEC-001)', fix: 'Remove the override of spec.target.tls.' },
        { found: 'spec.mirrors[0].source.tls is not set', expected: 'TLS to the cluster (SEC-001)', fix: 'Remove the override of spec.mirrors[0].source.tls.' },
        {
          found: 'spec.mirrors[0].source.authentication.type is not set',
          expected: 'one of scram-sha-512, scram-sha-256, tls, custom: MirrorMaker 2 authenticates as its own principal (never anonymous, never SASL/PLAIN)',
          fix: 'Connect with MirrorMaker2Cluster.strimzi({ principal }) or .msk({ principal }).',
        },
      ]);
    });

    it('accepts each authentication type MirrorMaker 2 may use, and a custom one only with a SASL mechanism other than PLAIN', () => {
      for (const type of ['scram-sha-256', 'tls']) {
        expect(outcomeOf(rule, mm2((s) => { s.mirrors[0].source.authentication.type = type; })), type).toEqual({ status: 'compliant' });
      }
      const custom = (config?: Record<string, unknown>) => mm2((s) => { s.mirrors[0].source.authentication = { type: 'custom', ...(config ? { config } : {}) }; });
      expect(outcomeOf(rule, custom({ 'sasl.mechanism': 'AWS_MSK_IAM' }))).toEqual({ status: 'compliant' });
      const plain = (shown: string) => ({ found: `spec.mirrors[0].source.authentication.config.sasl.mechanism is ${shown}`, expected: 'AWS_MSK_IAM, SCRAM-SHA-512 or OAUTHBEARER, never PLAIN' });
      expect(findingsOf(rule, custom({ 'sasl.mechanism': 'plain' }))).toEqual([plain("'plain'")]);
      expect(findingsOf(rule, custom({ 'sasl.mechanism': '' }))).toEqual([plain("''")]);
      expect(findingsOf(rule, custom())).toEqual([plain('not set')]);
    });

    it('asks every Connect storage topic of the target at RF 3 or more, written out', () => {
      expect(outcomeOf(rule, mm2((s) => { s.target.config['config.storage.replication.factor'] = '4'; }))).toEqual({ status: 'compliant' });
      expect(findingsOf(rule, mm2((s) => { s.target.config = 'rf3'; }))).toEqual([
        rfFinding('spec.target.config', 'config.storage.replication.factor', 'not set'),
        rfFinding('spec.target.config', 'offset.storage.replication.factor', 'not set'),
        rfFinding('spec.target.config', 'status.storage.replication.factor', 'not set'),
      ]);
      expect(findingsOf(rule, mm2((s) => { s.target.config['offset.storage.replication.factor'] = 2; s.target.config['status.storage.replication.factor'] = 3.5; }))).toEqual([
        rfFinding('spec.target.config', 'offset.storage.replication.factor', '2'),
        rfFinding('spec.target.config', 'status.storage.replication.factor', '3.5'),
      ]);
    });

    it('asks the internal topics at RF 3: offset-syncs and checkpoints always, replication and heartbeats when set', () => {
      expect(findingsOf(rule, mm2((s) => {
        delete s.mirrors[0].sourceConnector.config['offset-syncs.topic.replication.factor'];
        delete s.mirrors[0].checkpointConnector.config['checkpoints.topic.replication.factor'];
      }))).toEqual([
        rfFinding(SOURCE_CONFIG, 'offset-syncs.topic.replication.factor', 'not set'),
        rfFinding(CHECKPOINT_CONFIG, 'checkpoints.topic.replication.factor', 'not set'),
      ]);
      expect(outcomeOf(rule, mm2((s) => { delete s.mirrors[0].sourceConnector.config['replication.factor']; }))).toEqual({ status: 'compliant' });
      expect(findingsOf(rule, mm2((s) => {
        s.mirrors[0].sourceConnector.config['replication.factor'] = -1;
        s.mirrors[0].checkpointConnector.config['heartbeats.topic.replication.factor'] = 2;
      }))).toEqual([
        rfFinding(SOURCE_CONFIG, 'replication.factor', '-1'),
        rfFinding(CHECKPOINT_CONFIG, 'heartbeats.topic.replication.factor', '2'),
      ]);
    });

    it('asks ACL sync off, written out, as a string or a boolean', () => {
      expect(outcomeOf(rule, mm2((s) => { s.mirrors[0].sourceConnector.config['sync.topic.acls.enabled'] = false; }))).toEqual({ status: 'compliant' });
      expect(findingsOf(rule, mm2((s) => { delete s.mirrors[0].sourceConnector.config['sync.topic.acls.enabled']; }))).toEqual([{
        found: `${SOURCE_CONFIG}.sync.topic.acls.enabled is not set`,
        expected: "'false': copying ACLs needs cluster rights on the target, and the User Operator owns the ACLs",
        fix: "Set sync.topic.acls.enabled: 'false' (StrimziMirrorMaker2 does).",
      }]);
    });

    it('asks one offset-syncs location for both connectors, the default being source', () => {
      const bothDefault = (s: Record<string, any>) => {
        delete s.mirrors[0].sourceConnector.config['offset-syncs.topic.location'];
        delete s.mirrors[0].checkpointConnector.config['offset-syncs.topic.location'];
      };
      expect(outcomeOf(rule, mm2(bothDefault))).toEqual({ status: 'compliant' });
      expect(findingsOf(rule, mm2((s) => { bothDefault(s); s.mirrors[0].sourceConnector.config['offset-syncs.topic.location'] = 'target'; }))).toEqual([{
        found: "spec.mirrors[0] offset-syncs.topic.location is 'target' on the source connector and 'source' on the checkpoint connector",
        expected: 'the same location on both: the checkpoint connector reads the offset syncs where the source connector writes them',
        fix: 'Set the same offset-syncs.topic.location on both connectors (StrimziMirrorMaker2 writes offsetSyncsTopicLocation to both).',
      }]);
    });

    it('fails when the target user of the synthesis is not a MirrorMaker 2 principal, by username or certificate secret', () => {
      const notOwn = (kind: string) => ({
        found: `the target user KafkaUser mirror-maker-2 has principal kind ${kind}`,
        expected: "a MirrorMaker 2 principal of its own ('mirror-maker-2'), never an admin or an application's user",
        fix: 'Declare it with MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication }).',
      });
      expect(findingsOf(rule, mm2(), [user({ [PRINCIPAL_KIND_LABEL]: 'admin' }, [])])).toEqual([notOwn("'admin'")]);
      expect(findingsOf(rule, mm2(), [user(undefined, [])])).toEqual([notOwn('not set')]);
      const mutualTls = mm2((s) => { s.target.authentication = { type: 'tls', certificateAndKey: { secretName: 'mirror-maker-2', certificate: 'user.crt', key: 'user.key' } }; });
      expect(findingsOf(rule, mutualTls, [user({ [PRINCIPAL_KIND_LABEL]: 'admin' }, [])])).toEqual([notOwn("'admin'")]);
    });

    it('fails when the target user is a super user of a Kafka, by name or as CN=', () => {
      const superUser = (name: string) => ({
        found: `the target user mirror-maker-2 is a super user of Kafka ${name}`, expected: 'MirrorMaker 2 never a superuser: it gets named ACLs',
        fix: `Remove mirror-maker-2 from spec.kafka.authorization.superUsers of ${name}.`,
      });
      expect(findingsOf(rule, mm2(), [kafka(['mirror-maker-2'])])).toEqual([superUser('staging-dr-kafka')]);
      expect(findingsOf(rule, mm2(), [kafka(['CN=mirror-maker-2'])])).toEqual([superUser('staging-dr-kafka')]);
      expect(outcomeOf(rule, mm2(), [kafka('mirror-maker-2')])).toEqual({ status: 'compliant' });
      // Without a username (nor a certificate secret) there is no target user to look up.
      expect(outcomeOf(rule, mm2((s) => { delete s.target.authentication.username; }), [kafka(['mirror-maker-2']), user({ [PRINCIPAL_KIND_LABEL]: 'admin' }, [])])).toEqual({ status: 'compliant' });
    });

    it('reads a MirrorMaker 2 without a target as one connection without TLS or authentication', () => {
      expect(findingsOf(rule, mm2((s) => { delete s.target; })).map((f) => f.found)).toEqual([
        'spec.target.tls is not set', 'spec.target.authentication.type is not set',
        ...['config.storage', 'offset.storage', 'status.storage'].map((k) => `spec.target.config.${k}.replication.factor is not set`),
      ]);
    });
  });

  describe('the MirrorMaker 2 KafkaUser', () => {
    const acl = (type: string, name: string | undefined, operations: unknown, extra: Record<string, unknown> = {}) =>
      ({ resource: { type, ...(name === undefined ? {} : { name }), patternType: 'literal' }, operations, host: '*', ...extra });

    it('passes named topics and groups, a prefix, and cluster Describe in any case; ignores deny rules', () => {
      const acls = [
        acl('topic', 'orders', ['Read', 'Write']), { ...acl('group', 'audit-', ['Read']), resource: { type: 'group', name: 'audit-', patternType: 'prefix' } },
        acl('cluster', undefined, ['Describe', 'describe']), acl('cluster', undefined, ['Alter'], { type: 'deny' }), acl('topic', '*', ['Read'], { type: 'deny' }),
      ];
      expect(outcomeOf(rule, user(MM2_KIND, acls))).toEqual({ status: 'compliant' });
      expect(outcomeOf(rule, user(MM2_KIND, 'all'))).toEqual({ status: 'compliant' });
    });

    it('fails each cluster right but Describe, with the whole text', () => {
      expect(findingsOf(rule, user(MM2_KIND, [acl('cluster', undefined, ['DescribeConfigs', 'Alter'], { type: 'allow' })]))).toEqual(['DescribeConfigs', 'Alter'].map((op) => ({
        found: `MirrorMaker 2 user mirror-maker-2 is allowed cluster operation ${op}`,
        expected: 'no cluster-wide right for MirrorMaker 2 except Describe',
        fix: `Remove the cluster ${op} ACL; MirrorMaker2Access grants exactly what MirrorMaker 2 needs.`,
      })));
    });

    it('fails a wildcard: a literal * or an empty prefix, on any resource type', () => {
      const every = (ops: string, type: string, shown: string) => ({
        found: `MirrorMaker 2 user mirror-maker-2 is allowed ${ops} on every ${type} (${shown})`,
        expected: 'named topics and groups only (the replicated ones and its own internal topics)',
        fix: 'Grant the replicated topics and groups by name through MirrorMaker2Access.',
      });
      const emptyPrefix = { resource: { type: 'group', name: '', patternType: 'prefix' }, operations: ['Read', 'Describe'] };
      const starPrefix = { resource: { type: 'group', name: '*', patternType: 'prefix' }, operations: ['Read'] };
      expect(findingsOf(rule, user(MM2_KIND, [acl('topic', '*', ['Read', 'Write']), emptyPrefix, starPrefix, acl('transactionalId', '*', 'Write')]))).toEqual([
        every('Read,Write', 'topic', "'*'"), every('Read,Describe', 'group', "''"), every('', 'transactionalId', "'*'"),
      ]);
      // An entry without a resource names nothing, so it grants no wildcard.
      expect(outcomeOf(rule, user(MM2_KIND, [{ operations: ['Read'] }, null]))).toEqual({ status: 'compliant' });
    });

    it('fails a MirrorMaker 2 user that is a super user, and leaves users of another kind to other rules', () => {
      expect(findingsOf(rule, user(MM2_KIND, []), [kafka(['mirror-maker-2'])])).toEqual([{
        found: 'MirrorMaker 2 user mirror-maker-2 is a super user of Kafka staging-dr-kafka', expected: 'MirrorMaker 2 never a superuser: it gets named ACLs',
        fix: 'Remove mirror-maker-2 from spec.kafka.authorization.superUsers of staging-dr-kafka.',
      }]);
      expect(outcomeOf(rule, user({ [PRINCIPAL_KIND_LABEL]: 'admin' }, [acl('topic', '*', ['All'])]))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(rule, user(undefined, []))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('aws_msk_replicator', () => {
    const ROLE = 'aws_iam_role.replicator';
    const own = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:ReadData'], Resource: ['arn:aws:kafka:us-east-1:111122223333:cluster/production/1'] }] };
    const policy = (document: unknown, tags: Record<string, string> | null = { [PRINCIPAL_KIND_TAG]: 'mirror-maker-2' }) =>
      terraform('aws_iam_policy', 'replicator', { policy: typeof document === 'string' ? document : JSON.stringify(document), ...(tags ? { tags } : {}) });
    const attachment = (name: string, policyArn: string, role = `\${${ROLE}.name}`) => terraform('aws_iam_role_policy_attachment', name, { role, policy_arn: policyArn });
    const cluster = (iam: unknown) => terraform('aws_msk_cluster', 'dr', { client_authentication: { sasl: { iam } } });
    const replicator = (change: (b: Record<string, any>) => void = () => {}) => handWritten((b) => {
      b.service_execution_role_arn = `\${${ROLE}.arn}`;
      change(b);
    }).replicator;
    const NOTE = (arn: string) => `IAM access control on ${arn} is checked where that cluster is defined (MskReplicator refuses a cluster without it)`;
    const SOURCE_ARN = 'arn:aws:kafka:us-east-1:111122223333:cluster/production/1';
    const ownRole = [terraform('aws_iam_role', 'replicator', {}), policy(own), attachment('own', '${aws_iam_policy.replicator.arn}')];
    const withDrCluster = (b: Record<string, any>) => { b.kafka_cluster[1] = { amazon_msk_cluster: { msk_cluster_arn: '${aws_msk_cluster.dr.arn}' } }; };

    it('passes its own tagged least-privilege policy, IAM on the cluster of the stack, and notes the cluster defined elsewhere', () => {
      expect(outcomeOf(rule, replicator(withDrCluster), [...ownRole, cluster(true)])).toEqual({ status: 'compliant', notes: [NOTE(SOURCE_ARN)] });
    });

    it('fails without a service execution role', () => {
      const { replicator: r } = handWritten((b) => { delete b.service_execution_role_arn; });
      expect(findingsOf(rule, r)).toEqual([{ found: 'service_execution_role_arn is not set', expected: 'a service execution role of its own', fix: 'Build the replicator with MskReplicator (it creates the role).' }]);
      const { replicator: empty } = handWritten((b) => { b.service_execution_role_arn = ''; });
      expect(findingsOf(rule, empty).map((f) => f.found)).toEqual(['service_execution_role_arn is not set']);
    });

    it('fails an attached policy that is not the stack\'s own, and a role without a policy', () => {
      const managed = 'arn:aws:iam::aws:policy/AdministratorAccess';
      expect(findingsOf(rule, replicator(), [...ownRole, attachment('admin', managed)])).toEqual([{
        found: `role replicator has the policy '${managed}' attached`,
        expected: "only the replicator's own least-privilege policy (tagged as a MirrorMaker 2 principal)",
        fix: 'Remove the attachment; MskReplicator renders the exact kafka-cluster actions it needs.',
      }]);
      const noPolicy = { found: 'role replicator has no policy', expected: "the replicator's own least-privilege policy" };
      expect(findingsOf(rule, replicator(), [terraform('aws_iam_role', 'replicator', {}), policy(own), attachment('other', '${aws_iam_policy.replicator.arn}', '${aws_iam_role.other.name}')])).toEqual([noPolicy]);
      expect(findingsOf(rule, replicator(), [terraform('aws_iam_role', 'replicator', {}), attachment('bare', '${aws_iam_policy.replicator.arn}', 'replicator')])).toEqual([noPolicy]);
    });

    it('fails a policy without the MirrorMaker 2 kind tag; an inline policy carries no tags', () => {
      expect(findingsOf(rule, replicator(), [terraform('aws_iam_role', 'replicator', {}), policy(own, null), attachment('own', '${aws_iam_policy.replicator.arn}')])).toEqual([{
        found: `policy aws_iam_policy.replicator has tag ${PRINCIPAL_KIND_TAG} not set`,
        expected: "'mirror-maker-2', so that SEC-005 checks it as a MirrorMaker 2 principal",
        fix: 'Remove the override of the policy tags.',
      }]);
      const inline = terraform('aws_iam_role_policy', 'inline', { role: `\${${ROLE}.id}`, policy: JSON.stringify(own) });
      expect(outcomeOf(rule, replicator(), [terraform('aws_iam_role', 'replicator', {}), inline]).status).toBe('compliant');
    });

    it('fails an allowed * or kafka-cluster:* action, and kafka-cluster actions on resource *', () => {
      const statement = (Action: unknown, Resource: unknown, Effect = 'Allow') => ({ Effect, Action, Resource });
      const wide = { Statement: [statement('*', 'arn:aws:kafka:us-east-1:111122223333:cluster/production/1'), statement(['kafka-cluster:Connect', 'kafka-cluster:*'], '*'), statement('*', '*', 'Deny'), statement('logs:PutLogEvents', '*')] };
      expect(findingsOf(rule, replicator(), [terraform('aws_iam_role', 'replicator', {}), policy(wide), attachment('own', '${aws_iam_policy.replicator.arn}')])).toEqual([
        { found: 'policy aws_iam_policy.replicator allows *', expected: 'named kafka-cluster actions, never * or kafka-cluster:*', fix: 'Remove the override of the replicator policy.' },
        { found: 'policy aws_iam_policy.replicator allows kafka-cluster:Connect, kafka-cluster:*', expected: 'named kafka-cluster actions, never * or kafka-cluster:*', fix: 'Remove the override of the replicator policy.' },
        { found: "policy aws_iam_policy.replicator allows kafka-cluster:Connect, kafka-cluster:* on resource '*'", expected: 'the two clusters, the replicated topics and groups by ARN', fix: 'Remove the override of the replicator policy.' },
      ]);
      // One statement written as an object, not a list.
      const single = { Statement: statement('kafka-cluster:ReadData', ['*']) };
      expect(findingsOf(rule, replicator(), [terraform('aws_iam_role', 'replicator', {}), policy(single), attachment('own', '${aws_iam_policy.replicator.arn}')]).map((f) => f.found))
        .toEqual(["policy aws_iam_policy.replicator allows kafka-cluster:ReadData on resource '*'"]);
    });

    it('reads no statement from a policy that is not JSON, not a string, or has none', () => {
      for (const document of ['not json', '{"Version":"2012-10-17"}']) {
        expect(outcomeOf(rule, replicator(), [terraform('aws_iam_role', 'replicator', {}), policy(document), attachment('own', '${aws_iam_policy.replicator.arn}')]).status, document).toBe('compliant');
      }
      const notString = terraform('aws_iam_policy', 'replicator', { policy: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, tags: { [PRINCIPAL_KIND_TAG]: 'mirror-maker-2' } });
      expect(outcomeOf(rule, replicator(), [terraform('aws_iam_role', 'replicator', {}), notString, attachment('own', '${aws_iam_policy.replicator.arn}')]).status).toBe('compliant');
    });

    it('fails a cluster of the stack without IAM, and notes a cluster it cannot read', () => {
      expect(findingsOf(rule, replicator(withDrCluster), [...ownRole, cluster(false)])).toEqual([{
        found: 'aws_msk_cluster.dr client_authentication.sasl.iam is false',
        expected: 'true: MSK Replicator authenticates with IAM on both clusters',
        fix: 'Add ClientAuthentication.iam() to the authentication of aws_msk_cluster.dr.',
      }]);
      expect(findingsOf(rule, replicator(withDrCluster), [...ownRole, terraform('aws_msk_cluster', 'dr', {})]).map((f) => f.found)).toEqual(['aws_msk_cluster.dr client_authentication.sasl.iam is not set']);
      expect(outcomeOf(rule, replicator((b) => { b.kafka_cluster = [{ amazon_msk_cluster: [{ msk_cluster_arn: 42 }] }, { vpc_config: {} }]; }), ownRole))
        .toEqual({ status: 'compliant', notes: [NOTE('a cluster'), NOTE('a cluster')] });
      expect(outcomeOf(rule, replicator((b) => { delete b.kafka_cluster; }), ownRole)).toEqual({ status: 'compliant' });
    });

    it('is not applicable to other Terraform documents', () => {
      expect(outcomeOf(rule, cluster(true))).toEqual({ status: 'not-applicable' });
    });
  });
});

describe('MSK', () => {
  describe('DR rules on aws_msk_replicator (MskReplicator from a DrPairing)', () => {

    it('fails DR-005 when the service role gets an AWS-managed policy attached', () => {
      const p = replicatedPair();
      new IamRolePolicyAttachment(p.peer.stack, 'AdminForReplicator', { role: p.replicator.role.name, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
      expectViolation(p.peer.stack, 'DR-005', /role .* has the policy 'arn:aws:iam::aws:policy\/AdministratorAccess' attached; expected only the replicator's own least-privilege policy/);
    });

    it('fails DR-005 when the service role gets a policy attached through a data source (its grants are not in the output)', () => {
      const p = replicatedPair();
      const admin = new DataAwsIamPolicy(p.peer.stack, 'AdministratorAccess', { name: 'AdministratorAccess' });
      new IamRolePolicyAttachment(p.peer.stack, 'AdminForReplicator', { role: p.replicator.role.name, policyArn: admin.arn });
      expectViolation(p.peer.stack, 'DR-005', /role .* has the policy '\$\{data\.aws_iam_policy\.\S+\.arn\}' attached; expected only the replicator's own least-privilege policy/);
    });

    it('fails DR-005 (and SEC-005) when an override widens the policy to kafka-cluster:* on *', () => {
      const p = replicatedPair();
      p.replicator.policy.addOverride('policy', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kafka-cluster:*', Resource: '*' }] }));
      expectViolation(p.peer.stack, 'DR-005', /allows kafka-cluster:\*; expected named kafka-cluster actions/);
      expect(synthError(p.peer.stack)).toMatch(/SEC-005 \[dr\/Replicator\/Policy\]/);
    });

    it('fails DR-005 when an override drops the MirrorMaker 2 kind tag from the policy (SEC-005 would no longer see it as one)', () => {
      const p = replicatedPair();
      p.replicator.policy.addOverride('tags.kafka-iac:principal-kind', 'admin');
      expectViolation(p.peer.stack, 'DR-005', /has tag kafka-iac:principal-kind 'admin'; expected 'mirror-maker-2'/);
    });

    it('fails DR-005 when an override turns IAM off on the DR cluster the replicator writes to', () => {
      const p = replicatedPair();
      p.peer.cluster.resource.addOverride('client_authentication.sasl.iam', false);
      expectViolation(p.peer.stack, 'DR-005', /client_authentication\.sasl\.iam is false; expected true: MSK Replicator authenticates with IAM on both clusters/);
    });
  });
});

describe('Strimzi', () => {
  describe('DR-005 on the KafkaMirrorMaker2: JSON patches cannot bypass it', () => {
    const { expectViolation } = strimziFixture;
    it('fails DR-005 when the offset-syncs location differs between the source and checkpoint connectors', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/offset-syncs.topic.location`, 'source'));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /offset-syncs\.topic\.location is 'target' on the source connector and 'source' on the checkpoint connector; expected the same location on both/);
    });
    it('fails DR-005 when the location is removed from one connector only (the default is source)', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.remove(`${SOURCE}/offset-syncs.topic.location`));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /is 'source' on the source connector and 'target' on the checkpoint connector/);
    });
    it('fails DR-005 when the offset-syncs topic is patched to RF 1', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace(`${SOURCE}/offset-syncs.topic.replication.factor`, 1));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /sourceConnector\.config\.offset-syncs\.topic\.replication\.factor is 1; expected at least 3/);
    });
    it('fails DR-005 when the checkpoints topic is patched to the broker default (-1)', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/checkpoints.topic.replication.factor`, -1));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /checkpoints\.topic\.replication\.factor is -1; expected at least 3, written out/);
    });
    it('fails DR-005 when a heartbeats topic at RF 1 is patched in', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.add(`${SOURCE}/heartbeats.topic.replication.factor`, 1));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /heartbeats\.topic\.replication\.factor is 1/);
    });
    it('fails DR-005 when a Connect storage topic is patched to RF 2', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/target/config/config.storage.replication.factor', 2));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /spec\.target\.config\.config\.storage\.replication\.factor is 2/);
    });
    it('fails DR-005 when ACL sync is patched on', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace(`${SOURCE}/sync.topic.acls.enabled`, 'true'));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /sync\.topic\.acls\.enabled is 'true'; expected 'false'/);
    });
    it('fails DR-005 when the target authentication is removed', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.remove('/spec/target/authentication'));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /spec\.target\.authentication\.type is not set/);
    });
    it('fails DR-005 when the source switches to SASL/PLAIN', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/mirrors/0/source/authentication/type', 'plain'));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /spec\.mirrors\[0\]\.source\.authentication\.type is 'plain'/);
    });
    it('fails DR-005 when TLS to the source is removed', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.remove('/spec/mirrors/0/source/tls'));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /spec\.mirrors\[0\]\.source\.tls is not set/);
    });
    it('fails DR-005 when the target user is relabelled an admin', () => {
      const f = drFixture();
      f.access.users.get('mirror-maker-2')!.addJsonPatch(JsonPatch.replace('/metadata/labels/kafka-iac.dev~1principal-kind', 'admin'));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /the target user KafkaUser mirror-maker-2 has principal kind 'admin'/);
    });
    it('fails DR-005 when the MirrorMaker 2 user is made a super user of the DR cluster', () => {
      const f = drFixture();
      f.cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/authorization/superUsers/-', 'mirror-maker-2'));
      expectViolation(f.chart, 'DR-005', MM2_PATH, /the target user mirror-maker-2 is a super user of Kafka staging-dr-kafka/);
      expectViolation(f.chart, 'DR-005', USER_PATH, /MirrorMaker 2 user mirror-maker-2 is a super user/);
    });
    it('fails DR-005 on the KafkaUser when a JSON patch gives MirrorMaker 2 a cluster-wide right', () => {
      const f = drFixture();
      f.access.users.get('mirror-maker-2')!.addJsonPatch(JsonPatch.add('/spec/authorization/acls/-', { type: 'allow', resource: { type: 'cluster' }, operations: ['Alter'], host: '*' }));
      expectViolation(f.chart, 'DR-005', USER_PATH, /MirrorMaker 2 user mirror-maker-2 is allowed cluster operation Alter; expected no cluster-wide right for MirrorMaker 2 except Describe/);
      expectViolation(f.chart, 'SEC-005', USER_PATH, /cluster operation Alter/);
    });
    it('fails DR-005 on the KafkaUser when a JSON patch grants every topic', () => {
      const f = drFixture();
      f.access.users.get('mirror-maker-2')!.addJsonPatch(JsonPatch.add('/spec/authorization/acls/-', { type: 'allow', resource: { type: 'topic', name: '*', patternType: 'literal' }, operations: ['Read'], host: '*' }));
      expectViolation(f.chart, 'DR-005', USER_PATH, /is allowed Read on every topic \('\*'\)/);
    });
    it('reports a DR-005 suppression with its reason instead of failing', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace(`${SOURCE}/offset-syncs.topic.replication.factor`, 2));
      RuleSuppressions.add(f.mm2, [{ id: 'DR-005', reason: 'Two-broker lab cluster used for a connector upgrade rehearsal only.' }]);
      synth(f.chart);
      const entry = f.chart.complianceReport.entries.find((e) => e.ruleId === 'DR-005' && e.path === MM2_PATH)!;
      expect(entry.status).toBe('suppressed');
      expect(entry.suppression?.reason).toMatch(/rehearsal/);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(DR_005_MIRROR_MAKER_2_LEAST_PRIVILEGE, 'DR-005', ['strimzi', 'msk']);
});
