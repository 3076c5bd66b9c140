import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KafkaApp } from '../../../lib/app/kafka-app';
import { AclEnforcement } from '../../../lib/targets/msk/acl-enforcement';
import { MskCluster } from '../../../lib/targets/msk/msk-cluster';
import { KafkaNetwork } from '../../../lib/targets/msk/kafka-network';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { ClientNetwork } from '../../../lib/model/client-network';
import { Environment } from '../../../lib/model/environment';
import { RuleSuppressions } from '../../../lib/rules/suppressions';
import { mskStack, synthJson } from '../../support/msk-stack';
import { expectCompliant, expectViolation } from '../fixtures/msk-rule-assertions';
import { MskCloudWatchAlarms } from '../../../lib/targets/msk/msk-cloudwatch-alarms';
import { MskPrometheusMonitoring } from '../../../lib/targets/msk/msk-prometheus-monitoring';

const CLUSTER = 'production/Kafka/Resource';
const PCA = 'arn:aws:acm-pca:us-east-1:111122223333:certificate-authority/11111111-2222-3333-4444-555555555555';

describe('SEC rules on MSK', () => {
  describe('SEC-001', () => {
    it('passes SEC-001 with client_broker TLS and in_cluster true written out', () => {
      expectCompliant(mskStack().stack, 'SEC-001', CLUSTER);
    });
    it('fails SEC-001 when an override sets client_broker to TLS_PLAINTEXT', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('encryption_info.encryption_in_transit.client_broker', 'TLS_PLAINTEXT');
      expectViolation(stack, 'SEC-001', CLUSTER, /client_broker is 'TLS_PLAINTEXT'; expected 'TLS'/);
    });
    it('fails SEC-001 when an override turns in-cluster encryption off', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('encryption_info.encryption_in_transit.in_cluster', false);
      expectViolation(stack, 'SEC-001', CLUSTER, /in_cluster is false; expected true/);
    });
  });

  describe('SEC-002', () => {
    it('reports SEC-002 compliant by construction on MSK (AWS-managed TLS 1.2+; nothing can break it)', () => {
      const notes = expectCompliant(mskStack().stack, 'SEC-002', CLUSTER);
      expect(notes.join(' ')).toMatch(/TLS 1.2 or newer/);
    });
  });

  describe('SEC-003', () => {
    it('passes SEC-003 with SCRAM and IAM and unauthenticated false', () => {
      expectCompliant(mskStack().stack, 'SEC-003', CLUSTER);
    });
    it('fails SEC-003 when an override allows unauthenticated access', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('client_authentication.unauthenticated', true);
      expectViolation(stack, 'SEC-003', CLUSTER, /client_authentication.unauthenticated is true; expected false/);
    });
    it('fails SEC-003 when an override turns every mode off', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('client_authentication.sasl', { scram: false, iam: false });
      expectViolation(stack, 'SEC-003', CLUSTER, /no client authentication mode is on/);
    });
  });

  describe('SEC-004', () => {
    it('passes SEC-004 with SCRAM and allow.everyone.if.no.acl.found=false (the default)', () => {
      const { stack, cluster } = mskStack();
      expect(cluster.serverProperties['allow.everyone.if.no.acl.found']).toBe('false');
      expectCompliant(stack, 'SEC-004', CLUSTER);
    });
    it('passes SEC-004 on an IAM-only cluster during phase 1 (IAM policies authorize)', () => {
      const { stack } = mskStack({ cluster: { authentication: [ClientAuthentication.iam()], aclEnforcement: AclEnforcement.OPEN_UNTIL_ACLS_EXIST } });
      expect(expectCompliant(stack, 'SEC-004', CLUSTER)[0]).toMatch(/IAM policies/);
    });
    it('fails SEC-004 in phase 1 of the ACL rollout with SCRAM (allow.everyone.if.no.acl.found=true)', () => {
      const { stack } = mskStack({ cluster: { aclEnforcement: AclEnforcement.OPEN_UNTIL_ACLS_EXIST } });
      expectViolation(stack, 'SEC-004', CLUSTER, /allow.everyone.if.no.acl.found is 'true' in aws_msk_configuration\.\S+, with SCRAM or mutual TLS on/);
    });
    it('passes SEC-004 on a mutual-TLS-only cluster with allow.everyone.if.no.acl.found=false (Kafka ACLs authorize certificate principals)', () => {
      const { stack, cluster } = mskStack({ cluster: { authentication: [ClientAuthentication.mutualTls([PCA])] } });
      expect(cluster.serverProperties['allow.everyone.if.no.acl.found']).toBe('false');
      const json = synthJson(stack);
      expect(Object.values(json.resource.aws_msk_cluster as Record<string, any>)[0].client_authentication).toEqual({
        sasl: { iam: false, scram: false }, tls: { certificate_authority_arns: [PCA] }, unauthenticated: false,
      });
      expect(expectCompliant(stack, 'SEC-004', CLUSTER)).toEqual([]);
    });
    it('fails SEC-004 on a mutual-TLS-only cluster in phase 1 of the ACL rollout (allow.everyone.if.no.acl.found=true)', () => {
      const { stack } = mskStack({ cluster: { authentication: [ClientAuthentication.mutualTls([PCA])], aclEnforcement: AclEnforcement.OPEN_UNTIL_ACLS_EXIST } });
      expectViolation(stack, 'SEC-004', CLUSTER, /allow.everyone.if.no.acl.found is 'true' in aws_msk_configuration\.\S+, with SCRAM or mutual TLS on; expected 'false': a principal without ACLs is denied/);
    });
    it('fails SEC-004 on a mutual-TLS-only cluster when an override opens the configuration', () => {
      const { stack, cluster } = mskStack({ cluster: { authentication: [ClientAuthentication.mutualTls([PCA])] } });
      const properties = String(Object.values(synthJson(stack).resource.aws_msk_configuration as Record<string, any>)[0].server_properties);
      expect(properties).toContain('allow.everyone.if.no.acl.found=false');
      cluster.configuration.addOverride('server_properties', properties.replace('allow.everyone.if.no.acl.found=false', 'allow.everyone.if.no.acl.found=true'));
      expectViolation(stack, 'SEC-004', CLUSTER, /allow.everyone.if.no.acl.found is 'true' in aws_msk_configuration\.\S+, with SCRAM or mutual TLS on/);
    });
    it('lets phase 1 synthesize with a SEC-004 suppression that has a reason, and shows it in the report', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-sec004-'));
      const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist') });
      const environment = Environment.production({ name: 'production', region: 'us-east-1' });
      const stack = app.stack(environment);
      const network = new KafkaNetwork(stack, 'Network', { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], clientNetworks: [ClientNetwork.cidr('10.20.0.0/16')] });
      const cluster = new MskCluster(stack, 'Kafka', {
        network, authentication: [ClientAuthentication.scramSha512()], aclEnforcement: AclEnforcement.OPEN_UNTIL_ACLS_EXIST,
      });
      new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: cluster.brokers });
      new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: cluster.clusterName, brokers: cluster.brokers });
      const reason = 'Phase 1 of the ACL rollout: ACLs for every principal are being created; enforcement follows in the next release.';
      RuleSuppressions.add(cluster, [{ id: 'SEC-004', reason }]);
      app.synth();
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'dist', 'production', 'report.json'), 'utf8'));
      expect(report.entries).toContainEqual(expect.objectContaining({
        ruleId: 'SEC-004', status: 'suppressed', path: CLUSTER, suppression: { reason, attachedTo: 'production/Kafka' },
      }));
      expect(fs.readFileSync(path.join(dir, 'dist', 'production', 'report.md'), 'utf8')).toContain(`suppressed at \`production/Kafka\`: ${reason}`);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  describe('SEC-006', () => {
    it('passes SEC-006 with the created customer-managed key with rotation', () => {
      expectCompliant(mskStack().stack, 'SEC-006', CLUSTER);
    });
    it('fails SEC-006 when an override turns key rotation off', () => {
      const { stack, cluster } = mskStack();
      cluster.encryptionKey!.resource.addOverride('enable_key_rotation', false);
      expectViolation(stack, 'SEC-006', CLUSTER, /enable_key_rotation of aws_kms_key\.\S+ \(production\/Kafka\/EncryptionKey\/Resource\) is false; expected true/);
    });
    it('fails SEC-006 when an override drops the key (AWS-managed key)', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('encryption_info.encryption_at_rest_kms_key_arn', null);
      expectViolation(stack, 'SEC-006', CLUSTER, /encryption_at_rest_kms_key_arn is not set/);
    });
    it('notes a key given by ARN, whose rotation is checked where it is managed', () => {
      const arn = 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555';
      const notes = expectCompliant(mskStack({ cluster: { encryptionKeyArn: arn } }).stack, 'SEC-006', CLUSTER);
      expect(notes[0]).toContain('not managed in this stack');
    });
  });

  describe('SEC-007', () => {
    it('passes SEC-007 with private subnets, public access DISABLED and listener-only ingress', () => {
      expectCompliant(mskStack().stack, 'SEC-007', CLUSTER);
    });
    it('fails SEC-007 when an override enables public access', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('broker_node_group_info.connectivity_info.public_access.type', 'SERVICE_PROVIDED_EIPS');
      expectViolation(stack, 'SEC-007', CLUSTER, /public_access.type is 'SERVICE_PROVIDED_EIPS'; expected 'DISABLED'/);
    });
    it('fails SEC-007 when an ingress rule is overridden to 0.0.0.0/0, naming the rule', () => {
      const { stack, network } = mskStack();
      network.ingress.rules.find((r) => r.node.id === 'Listener9096-0')!.addOverride('cidr_ipv4', '0.0.0.0/0');
      expectViolation(stack, 'SEC-007', CLUSTER, /production\/Network\/BrokerIngress\/Listener9096-0\) admits 0.0.0.0\/0/);
    });
    it('fails SEC-007 when a separate security group rule opens every port', () => {
      const { stack, network } = mskStack();
      new SecurityGroupRule(stack, 'Wide', { type: 'ingress', securityGroupId: network.securityGroupId, protocol: '-1', fromPort: 0, toPort: 65535, cidrBlocks: ['10.0.0.0/8'] });
      const message = expectViolation(stack, 'SEC-007', CLUSTER, /aws_security_group_rule\.Wide \(production\/Wide\) admits ports 0-65535/);
      expect(message).toMatch(/admits protocol '-1'/);
    });
    it('fails SEC-007 when the mutual-TLS port is opened on a cluster without mutual TLS', () => {
      const { stack, network } = mskStack();
      network.allowListenerPort(9094);
      expectViolation(stack, 'SEC-007', CLUSTER, /Listener9094-0\) admits ports 9094-9094; expected single listener or exporter ports of the enabled modes/);
    });
    it('fails SEC-007 when a broker subnet gets public IPs', () => {
      const { stack, network } = mskStack();
      network.subnets[0].addOverride('map_public_ip_on_launch', true);
      expectViolation(stack, 'SEC-007', CLUSTER, /map_public_ip_on_launch of aws_subnet\.\S+ \(production\/Network\/PrivateSubnet1\) is true/);
    });
    it('fails SEC-007 when the broker route table gets an internet-gateway route', () => {
      const { stack, network } = mskStack();
      const igw = new InternetGateway(stack, 'Igw', { vpcId: network.vpcId });
      new Route(stack, 'ToInternet', { routeTableId: network.routeTable.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
      expectViolation(stack, 'SEC-007', CLUSTER, /routes 0.0.0.0\/0 to an internet gateway/);
    });
  });

  describe('SEC-008', () => {
    it('passes SEC-008 with CloudWatch Logs and a retention period', () => {
      expectCompliant(mskStack().stack, 'SEC-008', CLUSTER);
    });
    it('fails SEC-008 when broker logs go nowhere', () => {
      const { stack } = mskStack({ cluster: { brokerLogs: { cloudWatchLogs: false } } });
      expectViolation(stack, 'SEC-008', CLUSTER, /ships to neither CloudWatch Logs nor S3/);
    });
    it('fails SEC-008 when an override removes the log group retention', () => {
      const { stack, cluster } = mskStack();
      cluster.logGroup!.addOverride('retention_in_days', null);
      expectViolation(stack, 'SEC-008', CLUSTER, /retention_in_days of aws_cloudwatch_log_group\.\S+ \(production\/Kafka\/BrokerLogs\) is not set/);
    });
    it('notes an S3 bucket outside the stack', () => {
      const notes = expectCompliant(mskStack({ cluster: { brokerLogs: { cloudWatchLogs: false, s3BucketName: 'audit-logs' } } }).stack, 'SEC-008', CLUSTER);
      expect(notes[0]).toContain('Bucket audit-logs is not managed in this stack');
    });
  });

  describe('SEC-010', () => {
    it('passes SEC-010 with mutual TLS from an ACM Private CA', () => {
      const { stack } = mskStack({ cluster: { authentication: [ClientAuthentication.mutualTls([PCA])] } });
      expectCompliant(stack, 'SEC-010', CLUSTER);
    });
    it('fails SEC-010 when an override points mutual TLS at a CA that is not ACM PCA', () => {
      const { stack, cluster } = mskStack({ cluster: { authentication: [ClientAuthentication.mutualTls([PCA])] } });
      cluster.resource.addOverride('client_authentication.tls.certificate_authority_arns', ['arn:aws:iam::111122223333:server-certificate/self-signed']);
      expectViolation(stack, 'SEC-010', CLUSTER, /certificate authority 'arn:aws:iam::111122223333:server-certificate\/self-signed' is not an ACM Private CA/);
    });
    it('notes that broker certificates are AWS-managed when there is no mutual TLS', () => {
      expect(expectCompliant(mskStack().stack, 'SEC-010', CLUSTER).join(' ')).toMatch(/AWS-managed/);
    });
  });

  it('reports every violation of a broken cluster in one error, one line each', () => {
    const { stack, cluster } = mskStack();
    cluster.resource.addOverride('encryption_info.encryption_in_transit.client_broker', 'PLAINTEXT');
    cluster.resource.addOverride('broker_node_group_info.connectivity_info.public_access.type', 'SERVICE_PROVIDED_EIPS');
    cluster.resource.addOverride('number_of_broker_nodes', 1);
    const message = expectViolation(stack, 'SEC-001', CLUSTER, /client_broker is 'PLAINTEXT'/);
    expect(message).toContain(`SEC-007 [${CLUSTER}]`);
    expect(message).toContain(`HA-001 [${CLUSTER}]`);
  });

  it('passes every HA and SEC rule for the default production cluster', () => {
    const { stack } = mskStack();
    synthJson(stack);
    expect(stack.complianceReport.errors()).toEqual([]);
  });
});
