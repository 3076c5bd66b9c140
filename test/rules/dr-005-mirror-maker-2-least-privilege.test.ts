// DR-005: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { replicatedPair, synthError } from '../support/replication-pair';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { DataAwsIamPolicy } from '@cdktf/provider-aws/lib/data-aws-iam-policy';
import { expectViolation } from './fixtures/dr-msk-replicator';
import { drFixture, MM2_PATH } from '../support/mirror-maker-2-fixture';
import { JsonPatch } from 'cdk8s';
import { CHECKPOINT, SOURCE, USER_PATH } from './fixtures/dr-mirror-maker-2';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { synth } from '../support/strimzi-fixture';
import * as strimziFixture from '../support/strimzi-fixture';

import { DR_005_MIRROR_MAKER_2_LEAST_PRIVILEGE } from '../../lib/rules/dr-005-mirror-maker-2-least-privilege';
import { itDescribesItself } from './fixtures/metadata';
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
