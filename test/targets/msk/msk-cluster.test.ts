import { describe, expect, it } from 'vitest';
import { AclEnforcement } from '../../../lib/targets/msk/acl-enforcement';
import { MskCluster } from '../../../lib/targets/msk/msk-cluster';
import { AuthenticationMechanism, ClientAuthentication } from '../../../lib/model/client-authentication';
import { EnvironmentProfile } from '../../../lib/model/environment';
import { KafkaVersion } from '../../../lib/model/kafka-version';
import { parsePropertiesText } from '../../../lib/model/broker-config';
import { RuleSuppressions } from '../../../lib/rules/suppressions';
import { all, mskStack, only, synthJson } from '../../support/msk-stack';
import { SCRATCH_APP } from '../../support/scratch';

const PCA = 'arn:aws:acm-pca:us-east-1:111122223333:certificate-authority/11111111-2222-3333-4444-555555555555';

describe('MskCluster', () => {
  const json = synthJson(mskStack({ cluster: { brokers: 6 } }).stack);
  const cluster = only(json, 'aws_msk_cluster');

  it('writes a KRaft cluster of 6 brokers over the 3 private subnets with public access DISABLED', () => {
    expect(cluster.kafka_version).toBe('3.9.x.kraft');
    expect(cluster.number_of_broker_nodes).toBe(6);
    expect(cluster.broker_node_group_info.client_subnets).toHaveLength(3);
    expect(cluster.broker_node_group_info.connectivity_info).toEqual({ public_access: { type: 'DISABLED' } });
    expect(cluster.broker_node_group_info.security_groups).toEqual([expect.stringMatching(/^\$\{aws_security_group\.\w+\.id\}$/)]);
  });

  it('writes out client_broker TLS, in_cluster true and unauthenticated false', () => {
    expect(cluster.encryption_info.encryption_in_transit).toEqual({ client_broker: 'TLS', in_cluster: true });
    expect(cluster.client_authentication).toEqual({ unauthenticated: false, sasl: { scram: true, iam: true } });
  });

  it('encrypts at rest with a new customer-managed key with rotation, protected in production', () => {
    const key = only(json, 'aws_kms_key');
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(cluster.encryption_info.encryption_at_rest_kms_key_arn).toMatch(/^\$\{aws_kms_key\.\w+\.arn\}$/);
    const policy = JSON.parse(key.policy);
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual(['AccountAdministersTheKeyThroughIam', 'CloudWatchLogsEncryptsBrokerLogs']);
  });

  it('uses an aws_msk_configuration rendered from the broker config plus ACL enforcement', () => {
    const configuration = only(json, 'aws_msk_configuration');
    const props = parsePropertiesText(configuration.server_properties);
    expect(props).toMatchObject({
      'default.replication.factor': '3', 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false',
      'auto.create.topics.enable': 'false', 'allow.everyone.if.no.acl.found': 'false', 'num.io.threads': '16',
    });
    expect(configuration.kafka_versions).toEqual(['3.9.x.kraft']);
    expect(cluster.configuration_info.arn).toMatch(/^\$\{aws_msk_configuration\.\w+\.arn\}$/);
    expect(cluster.configuration_info.revision).toMatch(/latest_revision\}$/);
  });

  it('ships broker logs to a KMS-encrypted log group with retention, and turns on open and enhanced monitoring', () => {
    const group = only(json, 'aws_cloudwatch_log_group');
    expect(group).toMatchObject({ name: '/aws/msk/production-kafka/broker', retention_in_days: 365 });
    expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\.\w+\.arn\}$/);
    expect(cluster.logging_info.broker_logs.cloudwatch_logs).toEqual({ enabled: true, log_group: expect.stringMatching(/aws_cloudwatch_log_group/) });
    expect(cluster.open_monitoring).toEqual({ prometheus: { jmx_exporter: { enabled_in_broker: true }, node_exporter: { enabled_in_broker: true } } });
    expect(cluster.enhanced_monitoring).toBe('PER_TOPIC_PER_PARTITION');
  });

  it('scales storage as CAP-004 says: target on VolumeSize, target tracking below 70% without scale-in, volume size ignored', () => {
    expect(only(json, 'aws_appautoscaling_target')).toMatchObject({
      service_namespace: 'kafka', scalable_dimension: 'kafka:broker-storage:VolumeSize', min_capacity: 1, max_capacity: 4000,
    });
    expect(only(json, 'aws_appautoscaling_policy')).toMatchObject({
      policy_type: 'TargetTrackingScaling',
      target_tracking_scaling_policy_configuration: {
        disable_scale_in: true, target_value: 60, predefined_metric_specification: { predefined_metric_type: 'KafkaBrokerStorageUtilization' },
      },
    });
    expect(cluster.lifecycle).toEqual({
      ignore_changes: ['broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size'], prevent_destroy: true,
    });
  });

  it('outputs the bootstrap brokers of each enabled mode', () => {
    expect(Object.keys(json.output).sort()).toEqual(['kafka_bootstrap_brokers_sasl_iam', 'kafka_bootstrap_brokers_sasl_scram']);
    expect(json.output.kafka_bootstrap_brokers_sasl_scram.value).toMatch(/bootstrap_brokers_sasl_scram\}$/);
  });

  it('writes mutual TLS with the ACM PCA and outputs bootstrap_brokers_tls', () => {
    const { stack, network } = mskStack({ cluster: { authentication: [ClientAuthentication.mutualTls([PCA])] } });
    const out = synthJson(stack);
    expect(only(out, 'aws_msk_cluster').client_authentication).toEqual({ unauthenticated: false, sasl: { scram: false, iam: false }, tls: { certificate_authority_arns: [PCA] } });
    expect(Object.keys(out.output)).toEqual(['kafka_bootstrap_brokers_tls']);
    expect(all(out, 'aws_vpc_security_group_ingress_rule').map((r) => r.from_port).sort()).toEqual([11001, 11002, 9094]);
    expect(network.ingress.rules).toHaveLength(3);
  });

  it('leaves prevent_destroy off outside production', () => {
    const out = synthJson(mskStack({ profile: EnvironmentProfile.STAGING }).stack);
    expect(only(out, 'aws_msk_cluster').lifecycle.prevent_destroy).toBeUndefined();
    expect(only(out, 'aws_kms_key').lifecycle).toBeUndefined();
  });

  it('uses a given key and creates none', () => {
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555';
    const { stack, cluster: c } = mskStack({ cluster: { encryptionKeyArn: arn } });
    const out = synthJson(stack);
    expect(out.resource.aws_kms_key).toBeUndefined();
    expect(only(out, 'aws_msk_cluster').encryption_info.encryption_at_rest_kms_key_arn).toBe(arn);
    expect(c.encryptionKey).toBeUndefined();
  });

  it('writes allow.everyone.if.no.acl.found=true only in phase 1 of the ACL rollout', () => {
    const { cluster: c } = mskStack({ cluster: { aclEnforcement: AclEnforcement.OPEN_UNTIL_ACLS_EXIST } });
    expect(c.serverProperties['allow.everyone.if.no.acl.found']).toBe('true');
  });

  it('gives a Terraform reference for the bootstrap brokers of an enabled mode, and refuses a disabled one', () => {
    const { cluster: c } = mskStack();
    expect(c.bootstrapBrokers(AuthenticationMechanism.SCRAM_SHA_512)).toMatch(/^\$\{TfToken/);
    expect(() => c.bootstrapBrokers(AuthenticationMechanism.MUTUAL_TLS)).toThrow(/SEC-003 \[production\/Kafka\] mechanism is 'tls'; expected one of the enabled modes/);
  });

  describe('bad input', () => {
    it.each(['m5.large', 'kafka.bogus', 'kafka.m7g.medium', 'express.m7g.large'])('refuses the instance type %s', (instanceType) => {
      expect(() => mskStack({ cluster: { instanceType } })).toThrow(new RegExp(`KIAC-PROP \\[production/Kafka\\] instanceType is '${instanceType.replace(/\./g, '\\.')}'; expected an MSK Standard broker type`));
    });
    it('refuses kafka.t3.small in production and staging, and takes it in development', () => {
      expect(() => mskStack({ cluster: { instanceType: 'kafka.t3.small' } })).toThrow(/KIAC-PROP \[production\/Kafka\] instanceType is 'kafka.t3.small'; expected an M5 or M7g broker in production/);
      expect(() => mskStack({ profile: EnvironmentProfile.STAGING, cluster: { instanceType: 'kafka.t3.small' } })).toThrow(/expected an M5 or M7g broker in staging/);
      const { stack } = mskStack({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { instanceType: 'kafka.t3.small' } });
      expect(only(synthJson(stack), 'aws_msk_cluster').broker_node_group_info.instance_type).toBe('kafka.t3.small');
    });
    it('refuses a missing network (plain JavaScript callers) with the error, not a TypeError', () => {
      expect(() => mskStack({ cluster: { network: undefined as any } })).toThrow(/KIAC-PROP \[production\/Kafka\] network is not set; expected a KafkaNetwork/);
    });
    it('refuses an authentication entry that is not a ClientAuthentication', () => {
      expect(() => mskStack({ cluster: { authentication: [null as any] } })).toThrow(/SEC-003 \[production\/Kafka\] authentication\[0\] is null; expected a ClientAuthentication/);
    });
    it('refuses a broker count that is not a multiple of the zones', () => {
      expect(() => mskStack({ cluster: { brokers: 4 } })).toThrow(/HA-006 \[production\/Kafka\] brokers is 4; expected a multiple of the subnet count \(3\), one subnet per zone.*Set brokers: 6 \(a multiple of 3\)\./);
    });
    it('refuses a non-KRaft version', () => {
      expect(() => mskStack({ cluster: { kafkaVersion: KafkaVersion.of('3.6.0') } })).toThrow(/HA-005 \[production\/Kafka\] kafkaVersion is '3.6.0'; expected an MSK KRaft version/);
    });
    it('refuses an Apache (non-MSK) version string', () => {
      expect(() => mskStack({ cluster: { kafkaVersion: KafkaVersion.V4_3_1 } })).toThrow(/HA-005 \[production\/Kafka\] kafkaVersion is '4.3.1'/);
    });
    it('refuses SASL/PLAIN', () => {
      expect(() => ClientAuthentication.of('PLAIN')).toThrow(/SEC-003 \[ClientAuthentication\] authentication is 'PLAIN'; expected one of scram-sha-512, tls, iam .* SASL\/PLAIN and unauthenticated access are refused/);
    });
    it('refuses OAuth bearer on MSK', () => {
      expect(() => mskStack({ cluster: { authentication: [ClientAuthentication.oauthBearer()] } })).toThrow(/SEC-003 \[production\/Kafka\] authentication is 'oauth'/);
    });
    it('refuses no authentication at all', () => {
      expect(() => mskStack({ cluster: { authentication: [] } })).toThrow(/SEC-003 \[production\/Kafka\] authentication is \[\]/);
    });
    it('refuses mutual TLS without a certificate authority', () => {
      expect(() => mskStack({ cluster: { authentication: [ClientAuthentication.mutualTls()] } })).toThrow(/SEC-010 \[production\/Kafka\] authentication is 'mutualTls\(\) without a certificate authority'/);
    });
    it('refuses an autoscaling target at or above the MON-004 warning', () => {
      expect(() => mskStack({ cluster: { storageAutoScaling: { targetUtilizationPercent: 75 } } })).toThrow(/CAP-004 \[production\/Kafka\/StorageAutoScaling\] storageAutoScaling.targetUtilizationPercent is 75/);
    });
    it('refuses an autoscaling maximum above 16384 GiB', () => {
      expect(() => mskStack({ cluster: { storageAutoScaling: { maxVolumeSizeGiB: 20000 } } })).toThrow(/CAP-004 \[production\/Kafka\/StorageAutoScaling\] storageAutoScaling.maxVolumeSizeGiB is 20000/);
    });
    it('refuses a log retention CloudWatch does not accept', () => {
      expect(() => mskStack({ cluster: { brokerLogs: { retentionInDays: 100 } } })).toThrow(/SEC-008 \[production\/Kafka\] brokerLogs.retentionInDays is 100/);
    });
    it('refuses a suppression without a reason', () => {
      const { cluster: c } = mskStack();
      expect(() => RuleSuppressions.add(c, [{ id: 'SEC-004', reason: '' }])).toThrow(/KIAC-SUPPRESS \[production\/Kafka\] the suppression of SEC-004 has reason ''/);
    });
    it('refuses to be created outside a KafkaStack', async () => {
      const { Testing, TerraformStack } = await import('cdktf');
      const { network } = mskStack();
      const plain = new TerraformStack(Testing.app(SCRATCH_APP), 'plain');
      expect(() => new MskCluster(plain, 'Kafka', { network })).toThrow(/KIAC-ENV \[plain\/Kafka\]/);
    });
  });
});
