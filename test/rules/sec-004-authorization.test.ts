// SEC-004: every test that proves this rule, one describe per target it applies to.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { it, expect, describe } from 'vitest';
import { mskStack, synthJson } from '../support/msk-stack';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { CLUSTER, PCA } from './fixtures/msk-sec';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { AclEnforcement } from '../../lib/targets/msk/acl-enforcement';
import { KafkaApp } from '../../lib/app/kafka-app';
import { Environment } from '../../lib/model/environment';
import { KafkaNetwork } from '../../lib/targets/msk/kafka-network';
import { ClientNetwork } from '../../lib/model/client-network';
import { MskCluster } from '../../lib/targets/msk/msk-cluster';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKER_CONFIG_PATH, CONTROLLER_CONFIG_PATH, patchProperties } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { SEC_004_AUTHORIZATION } from '../../lib/rules/sec-004-authorization';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('SEC rules on MSK', () => {

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
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('SEC-004', () => {
      it('passes SEC-004 with simple authorization, deny by default and the declared admin', () => {
        expectCompliant(strimziChart().chart, 'SEC-004', KAFKA_PATH);
      });
      it('fails SEC-004 when a JSON patch adds an undeclared super user', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/authorization/superUsers/-', 'orders-app'));
        expectViolation(chart, 'SEC-004', KAFKA_PATH, /superUsers contains 'orders-app'; expected only the declared admins \(platform-admin\)/);
      });
      it('fails SEC-004 when allow.everyone.if.no.acl.found is patched to true', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/allow.everyone.if.no.acl.found', true));
        expectViolation(chart, 'SEC-004', KAFKA_PATH, /allow.everyone.if.no.acl.found is 'true'; expected false/);
      });
      it('fails SEC-004 when authorization is removed', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/authorization'));
        expectViolation(chart, 'SEC-004', KAFKA_PATH, /spec.kafka.authorization.type is not set; expected 'simple'/);
      });
      it('fails SEC-004 when authorizer.class.name is patched in (Strimzi drops it)', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/authorizer.class.name', 'x'));
        expectViolation(chart, 'SEC-004', KAFKA_PATH, /key 'authorizer.class.name' is set/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('SEC rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('SEC-004', () => {
      it('passes SEC-004 with the StandardAuthorizer, deny by default and declared super users', () => {
        expectCompliant(statefulSetChart().chart, 'SEC-004', BROKER_CONFIG_PATH);
        expectCompliant(statefulSetChart().chart, 'SEC-004', CONTROLLER_CONFIG_PATH);
      });
      it('fails SEC-004 when a JSON patch allows everyone without ACLs', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'allow.everyone.if.no.acl.found': 'true' });
        expectViolation(chart, 'SEC-004', BROKER_CONFIG_PATH, /allow.everyone.if.no.acl.found is 'true'; expected false/);
      });
      it('fails SEC-004 when the controllers have no authorizer', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.controllers!, { 'authorizer.class.name': undefined });
        expectViolation(chart, 'SEC-004', CONTROLLER_CONFIG_PATH, /authorizer.class.name is not set; expected 'org.apache.kafka.metadata.authorizer.StandardAuthorizer'/);
      });
      it('fails SEC-004 when an undeclared principal is made a super user', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'super.users': 'User:orders-broker;User:orders-controller;User:platform-admin;User:intruder' });
        expectViolation(chart, 'SEC-004', BROKER_CONFIG_PATH, /super.users contains 'User:intruder'; expected only the declared admins \(platform-admin\)/);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_004_AUTHORIZATION, 'SEC-004', ['msk', 'strimzi', 'statefulset']);
});
