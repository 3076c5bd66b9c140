import { describe, expect, it } from 'vitest';
import { KafkaVersion } from '../../../lib/model/kafka-version';
import { EnvironmentProfile } from '../../../lib/model/environment';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { AccessModel } from '../../../lib/model/access/access-model';
import { MskAccess } from '../../../lib/targets/msk/msk-access';
import type { TopicProps } from '../../../lib/model/access/topic';
import { mskStack, synthError, synthJson } from '../../support/msk-stack';
import { expectCompliant, expectViolation } from '../fixtures/msk-rule-assertions';

const CLUSTER = 'production/Kafka/Resource';
const CONFIGURATION = 'production/Kafka/Configuration';
const ARTEFACT = 'production/Access/AdminArtefacts';
const TOPICS = 'input.topics \\(kafka-admin/topics.txt\\)';

/**
 * mskStack with an MskAccess whose admin artefact (the terraform_data behind
 * kafka-admin/topics.txt) creates `orders` (line 2) and `payments` (line 3).
 */
function mskStackWithTopics(options: { profile?: EnvironmentProfile; orders?: TopicProps } = {}) {
  const fixture = mskStack({ profile: options.profile });
  const model = new AccessModel({ environment: fixture.environment });
  model.addTopic('orders', { partitions: 12, ...options.orders });
  model.addTopic('payments', { partitions: 6 });
  model.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512() });
  const access = new MskAccess(fixture.stack, 'Access', { model, cluster: fixture.cluster });
  return { ...fixture, access };
}

/** The artefact's topic lines with `orders` (line 2) replaced by `ordersLine`. */
function withOrdersLine(ordersLine: string): string {
  return [
    '# kafka-iac topics of production/access: one line = the arguments of one kafka-topics.sh call.',
    ordersLine,
    '--create --if-not-exists --topic payments --partitions 6 --replication-factor 3',
    '',
  ].join('\n');
}

describe('HA rules on MSK', () => {
  describe('HA-001', () => {
    it('passes HA-001 with 3 brokers', () => {
      expectCompliant(mskStack().stack, 'HA-001', CLUSTER);
    });
    it('fails HA-001 when an addOverride escape hatch sets one broker', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('number_of_broker_nodes', 1);
      expectViolation(stack, 'HA-001', CLUSTER, /number_of_broker_nodes is 1; expected at least 3/);
    });
    it('fails HA-001 when the broker count is an expression that cannot be checked', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('number_of_broker_nodes', '${var.brokers}');
      expectViolation(stack, 'HA-001', CLUSTER, /number_of_broker_nodes is '\$\{var.brokers\}'/);
    });
    it('only warns about HA-001 in development', () => {
      const { stack, cluster } = mskStack({ profile: EnvironmentProfile.DEVELOPMENT });
      cluster.resource.addOverride('number_of_broker_nodes', 1);
      synthJson(stack);
      expect(stack.complianceReport.warnings().map((e) => e.ruleId)).toContain('HA-001');
    });
  });

  describe('HA-002', () => {
    it('passes HA-002 with replication factors of 3 on the configuration and the cluster', () => {
      expectCompliant(mskStack().stack, 'HA-002', CONFIGURATION);
      expectCompliant(mskStack().stack, 'HA-002', CLUSTER);
    });
    it('fails HA-002 when brokerConfig.extra lowers default.replication.factor to 2', () => {
      const { stack } = mskStack({ cluster: { brokerConfig: { extra: { 'default.replication.factor': '2' } } } });
      expectViolation(stack, 'HA-002', CONFIGURATION, /default.replication.factor is '2'; expected '3'/);
    });
    it('fails HA-002 when the cluster has no configuration (MSK defaults)', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('configuration_info', null);
      expectViolation(stack, 'HA-002', CLUSTER, /configuration_info is not set/);
    });
    it('fails HA-002 when the configuration is not in the stack', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('configuration_info.arn', 'arn:aws:kafka:us-east-1:111122223333:configuration/other/1');
      expectViolation(stack, 'HA-002', CLUSTER, /not an aws_msk_configuration of this stack/);
    });
  });

  describe('HA-003', () => {
    it('passes HA-003 with min.insync.replicas 2 below replication factor 3', () => {
      expectCompliant(mskStack().stack, 'HA-003', CONFIGURATION);
    });
    it('fails HA-003 when the configuration is overridden to min.insync.replicas=1', () => {
      const { stack, cluster } = mskStack();
      const text = cluster.configuration.serverPropertiesInput!.replace('min.insync.replicas=2', 'min.insync.replicas=1');
      cluster.configuration.addOverride('server_properties', text);
      expectViolation(stack, 'HA-003', CONFIGURATION, /min.insync.replicas is '1'; expected '2'/);
    });
    it('fails HA-003 when transaction.state.log.min.isr equals its replication factor', () => {
      const { stack } = mskStack({ cluster: { brokerConfig: { extra: { 'transaction.state.log.min.isr': '3' } } } });
      expectViolation(stack, 'HA-003', CONFIGURATION, /transaction.state.log.min.isr is 3 with transaction.state.log.replication.factor 3/);
    });
  });

  describe('HA-005', () => {
    it('passes HA-005 with 3.9.x.kraft and notes that MSK runs the controllers', () => {
      expect(expectCompliant(mskStack().stack, 'HA-005', CLUSTER)).toContain('MSK runs the KRaft controllers itself.');
    });
    it('fails HA-005 when an override sets a ZooKeeper version', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('kafka_version', '3.6.0');
      expectViolation(stack, 'HA-005', CLUSTER, /kafka_version is '3.6.0'; expected an MSK KRaft version/);
    });
    it('passes HA-005 with 4.1.x.kraft', () => {
      expectCompliant(mskStack({ cluster: { kafkaVersion: KafkaVersion.MSK_4_1_X_KRAFT } }).stack, 'HA-005', CLUSTER);
    });
  });

  describe('HA-006', () => {
    it('passes HA-006 with 6 brokers over 3 subnets', () => {
      expectCompliant(mskStack({ cluster: { brokers: 6 } }).stack, 'HA-006', CLUSTER);
    });
    it('fails HA-006 with two zones', () => {
      const { stack } = mskStack({ network: { availabilityZones: ['us-east-1a', 'us-east-1b'] }, cluster: { brokers: 4 } });
      expectViolation(stack, 'HA-006', CLUSTER, /client_subnets has 2 subnet\(s\); expected 3 subnets in 3 availability zones/);
    });
    it('fails HA-006 when an override makes the broker count not a multiple of the subnets', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('number_of_broker_nodes', 4);
      expectViolation(stack, 'HA-006', CLUSTER, /number_of_broker_nodes is 4 with 3 client subnet\(s\); expected a multiple of the subnet count/);
    });
  });

  describe('HA-007', () => {
    it('passes HA-007 with subnets in three distinct zones', () => {
      expect(expectCompliant(mskStack().stack, 'HA-007', CLUSTER)).toContain("MSK sets broker.rack to each broker's availability zone ID.");
    });
    it('fails HA-007 when two client subnets are overridden into one zone', () => {
      const { stack, network } = mskStack();
      network.subnets[1].addOverride('availability_zone', 'us-east-1a');
      expectViolation(stack, 'HA-007', CLUSTER, /client subnets aws_subnet\.\S+, aws_subnet\.\S+ are all in zone 'us-east-1a'/);
    });
  });

  describe('HA-008', () => {
    it('passes HA-008 with unclean.leader.election.enable=false written out', () => {
      expectCompliant(mskStack().stack, 'HA-008', CONFIGURATION);
    });
    it('fails HA-008 when brokerConfig.extra turns unclean leader election on', () => {
      const { stack } = mskStack({ cluster: { brokerConfig: { extra: { 'unclean.leader.election.enable': 'true' } } } });
      expectViolation(stack, 'HA-008', CONFIGURATION, /unclean.leader.election.enable is 'true'/);
    });
    it('fails HA-008 when the cluster runs the MSK default configuration (unclean election on)', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('configuration_info', null);
      expectViolation(stack, 'HA-008', CLUSTER, /configuration_info is not set/);
    });
  });

  describe('HA-010 (warning)', () => {
    it('passes HA-010 with auto.create.topics.enable=false', () => {
      expectCompliant(mskStack().stack, 'HA-010', CONFIGURATION);
    });
    it('warns HA-010 at the configuration path when auto-creation is on, without stopping synthesis', () => {
      const { stack } = mskStack({ cluster: { brokerConfig: { extra: { 'auto.create.topics.enable': 'true' } } } });
      synthJson(stack);
      const warning = stack.complianceReport.warnings().find((e) => e.ruleId === 'HA-010');
      expect(warning?.path).toBe(CONFIGURATION);
      expect(warning?.findings[0].found).toBe("auto.create.topics.enable is 'true'");
    });
  });

  describe('HA-011', () => {
    it('passes HA-011 with prevent_destroy on the cluster and its key in production', () => {
      expectCompliant(mskStack().stack, 'HA-011', CLUSTER);
    });
    it('fails HA-011 when an override removes prevent_destroy from the cluster', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('lifecycle.prevent_destroy', false);
      expectViolation(stack, 'HA-011', CLUSTER, /lifecycle.prevent_destroy of aws_msk_cluster\.\S+ is false; expected true in production/);
    });
    it('fails HA-011 when an override removes prevent_destroy from the cluster key', () => {
      const { stack, cluster } = mskStack();
      cluster.encryptionKey!.resource.addOverride('lifecycle.prevent_destroy', false);
      expectViolation(stack, 'HA-011', CLUSTER, /prevent_destroy of the cluster key aws_kms_key\.\S+ \(production\/Kafka\/EncryptionKey\/Resource\) is false/);
    });
    it('does not require prevent_destroy in staging', () => {
      const { stack } = mskStack({ profile: EnvironmentProfile.STAGING });
      expect(expectCompliant(stack, 'HA-011', 'staging/Kafka/Resource')).toContain('prevent_destroy is required in production only.');
    });
  });

  describe('HA-002, HA-003 and HA-008 on the topic lines of the admin artefact (kafka-admin/topics.txt)', () => {
    it('passes HA-002, HA-003 and HA-008 on the lines MskAccess writes from the model', () => {
      const { stack } = mskStackWithTopics({ orders: { minInsyncReplicas: 2 } });
      for (const rule of ['HA-002', 'HA-003', 'HA-008']) expectCompliant(stack, rule, ARTEFACT);
    });
    it('stops synthesis on HA-002, HA-003 and HA-008 when an addOverride rewrites input.topics', () => {
      const { stack, access } = mskStackWithTopics();
      access.adminArtefacts.addOverride('input.topics', withOrdersLine(
        '--create --if-not-exists --topic orders --partitions 12 --replication-factor 1 --config min.insync.replicas=1 --config unclean.leader.election.enable=true',
      ));
      const message = expectViolation(stack, 'HA-002', ARTEFACT, new RegExp(`${TOPICS} line 2 creates topic 'orders' with --replication-factor 1; expected at least 3`));
      expect(message).toMatch(new RegExp(`HA-003 \\[${ARTEFACT}\\] ${TOPICS} line 2 sets min.insync.replicas=1 on topic 'orders'; expected at least 2`));
      expect(message).toMatch(new RegExp(`HA-008 \\[${ARTEFACT}\\] ${TOPICS} line 2 sets unclean.leader.election.enable=true on topic 'orders'; expected false or absent`));
      // payments (line 3) is untouched and not reported.
      expect(message).not.toContain("topic 'payments'");
    });
    it('fails HA-002 when a topic line leaves the replication factor to the broker default', () => {
      const { stack, access } = mskStackWithTopics();
      access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12'));
      expectViolation(stack, 'HA-002', ARTEFACT, new RegExp(`${TOPICS} line 2 creates topic 'orders' with --replication-factor not set; expected at least 3`));
    });
    it('fails HA-002 when a topic line asks for more replicas than the cluster has brokers', () => {
      const { stack, access } = mskStackWithTopics();
      access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12 --replication-factor 4'));
      expectViolation(stack, 'HA-002', ARTEFACT, new RegExp(`${TOPICS} line 2 creates topic 'orders' with --replication-factor 4 but aws_msk_cluster\\.\\S+ has 3 broker\\(s\\); expected a replication factor no higher than the broker count`));
    });
    it('fails HA-002 when the replication factor is an escaped Terraform expression, shown as topics.txt will hold it', () => {
      const { stack, access } = mskStackWithTopics();
      access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12 --replication-factor $${var.rf}'));
      expectViolation(stack, 'HA-002', ARTEFACT, new RegExp(`${TOPICS} line 2 creates topic 'orders' with --replication-factor \\$\\{var.rf\\}; expected at least 3`));
    });
    it('fails HA-002, HA-003 and HA-008 when an override replaces the lines with something that is not text', () => {
      const { stack, access } = mskStackWithTopics();
      access.adminArtefacts.addOverride('input.topics', ['--topic orders']);
      const message = synthError(stack);
      for (const rule of ['HA-002', 'HA-003', 'HA-008']) {
        expect(message).toContain(`${rule} [${ARTEFACT}] input.topics is ["--topic orders"]; expected the kafka-topics.sh lines as text`);
      }
    });
    it('fails HA-003 when a topic line sets min.insync.replicas equal to its replication factor', () => {
      const { stack, access } = mskStackWithTopics();
      access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12 --replication-factor 3 --config min.insync.replicas=3'));
      expectViolation(stack, 'HA-003', ARTEFACT, new RegExp(`${TOPICS} line 2 sets min.insync.replicas=3 on topic 'orders' with --replication-factor 3; expected below the replication factor`));
    });
    it('fails HA-008 when a declared topic turns unclean leader election on through its config (no escape hatch)', () => {
      const { stack } = mskStackWithTopics({ orders: { config: { 'unclean.leader.election.enable': 'true' } } });
      expectViolation(stack, 'HA-008', ARTEFACT, new RegExp(`${TOPICS} line 2 sets unclean.leader.election.enable=true on topic 'orders'`));
    });
    it('only warns about the topic lines in development', () => {
      const { stack, access } = mskStackWithTopics({ profile: EnvironmentProfile.DEVELOPMENT });
      access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12 --replication-factor 1 --config unclean.leader.election.enable=true'));
      synthJson(stack);
      const warnings = stack.complianceReport.warnings().filter((e) => e.path === 'development/Access/AdminArtefacts');
      expect(warnings.map((e) => e.ruleId).sort()).toEqual(['HA-002', 'HA-008']);
    });
  });

  it('has no MSK form of HA-009', () => {
    const { stack } = mskStack();
    synthJson(stack);
    expect(stack.complianceReport.entries.filter((e) => e.ruleId === 'HA-009').map((e) => e.status)).toEqual(['not-applicable']);
  });
});
