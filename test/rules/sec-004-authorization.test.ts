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
import { outcomeOf, findingsOf } from './fixtures/outcome';
import { kubernetes, terraform, mskConfiguration } from './fixtures/cap-documents';
import { toPropertiesText } from '../../lib/model/broker-config';
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
      it('notes only the IAM policies on a SCRAM and IAM cluster that denies by default', () => {
        expect(expectCompliant(mskStack().stack, 'SEC-004', CLUSTER)).toEqual(['IAM clients are authorized by IAM policies (kafka-cluster:* actions).']);
      });
      it('says what phase 1 with SCRAM breaks, what is expected and the fix', () => {
        const { stack } = mskStack({ cluster: { aclEnforcement: AclEnforcement.OPEN_UNTIL_ACLS_EXIST } });
        expectViolation(stack, 'SEC-004', CLUSTER, /SEC-004 \[production\/Kafka\/Resource\] allow\.everyone\.if\.no\.acl\.found is 'true' in aws_msk_configuration\.\S+, with SCRAM or mutual TLS on; expected 'false': a principal without ACLs is denied\. Create the ACLs, then set aclEnforcement: AclEnforcement\.ENFORCED \(phase 2 of the rollout in README\.md, "Turning ACL enforcement on"\); during phase 1 suppress SEC-004 with a reason\. /);
      });
      it('fails SEC-004 when a SCRAM cluster runs the MSK default configuration (allow.everyone.if.no.acl.found=true)', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('configuration_info', null);
        expectViolation(stack, 'SEC-004', CLUSTER, /SEC-004 \[production\/Kafka\/Resource\] configuration_info is not set, so the cluster runs the MSK default configuration/);
      });
    });

    describe('SEC-004 on hand-built MSK documents', () => {
      const cluster = (auth: Record<string, unknown>) => terraform('aws_msk_cluster', 'kafka', {
        client_authentication: auth, configuration_info: { arn: '${aws_msk_configuration.kafka_configuration.arn}', revision: 1 },
      });
      it('fails a SCRAM cluster whose configuration leaves allow.everyone.if.no.acl.found unset (MSK default true)', () => {
        expect(findingsOf(SEC_004_AUTHORIZATION, cluster({ sasl: { scram: true } }), [mskConfiguration({})]).map((f) => f.found))
          .toEqual(['allow.everyone.if.no.acl.found is not set in aws_msk_configuration.kafka_configuration, with SCRAM or mutual TLS on']);
      });
      it('passes an IAM-only cluster without reading its configuration, and a cluster without authentication blocks', () => {
        expect(outcomeOf(SEC_004_AUTHORIZATION, cluster({ sasl: { iam: true } }), [mskConfiguration({})])).toEqual({ status: 'compliant', notes: ['IAM clients are authorized by IAM policies (kafka-cluster:* actions).'] });
        expect(outcomeOf(SEC_004_AUTHORIZATION, cluster({}), [mskConfiguration({})])).toEqual({ status: 'compliant' });
      });
      it('passes a mutual-TLS cluster whose configuration denies by default', () => {
        const tls = cluster({ tls: { certificate_authority_arns: [PCA] } });
        expect(outcomeOf(SEC_004_AUTHORIZATION, tls, [mskConfiguration({ 'allow.everyone.if.no.acl.found': 'false' })])).toEqual({ status: 'compliant' });
      });
      it('does not read the configuration or other MSK documents', () => {
        expect(outcomeOf(SEC_004_AUTHORIZATION, mskConfiguration({ 'allow.everyone.if.no.acl.found': 'true' }))).toEqual({ status: 'not-applicable' });
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
      it('says what an undeclared super user breaks, what is expected and the fix', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/authorization/superUsers/-', 'orders-app'));
        expectViolation(chart, 'SEC-004', KAFKA_PATH, /SEC-004 \[kafka\/Kafka\/Resource\] spec\.kafka\.authorization\.superUsers contains 'orders-app'; expected only the declared admins \(platform-admin\)\. Remove it, or declare it as an admin \(StrimziKafkaCluster admins\) so that the grant is deliberate\. /);
      });
      it('says what allowing everyone without ACLs breaks, what is expected and the fix', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/config/allow.everyone.if.no.acl.found'));
        expectViolation(chart, 'SEC-004', KAFKA_PATH, /SEC-004 \[kafka\/Kafka\/Resource\] spec\.kafka\.config allow\.everyone\.if\.no\.acl\.found is not set; expected false, written out: a principal without ACLs is denied\. Set allow\.everyone\.if\.no\.acl\.found: false in spec\.kafka\.config\. /);
      });
      it('says what another authorization type breaks, what is expected and the fix', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/authorization/type', 'opa'));
        expectViolation(chart, 'SEC-004', KAFKA_PATH, /SEC-004 \[kafka\/Kafka\/Resource\] spec\.kafka\.authorization\.type is 'opa'; expected 'simple' \(Kafka ACLs through the KafkaUser resources\)\. Set spec\.kafka\.authorization: \{ type: 'simple' \}\. /);
      });
    });

    describe('SEC-004 on hand-built Strimzi documents', () => {
      const kafka = (superUsers: unknown[], admins?: string) => kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', {
        metadata: admins === undefined ? {} : { annotations: { 'kafka-iac.dev/declared-admins': admins } },
        spec: { kafka: { authorization: { type: 'simple', superUsers }, config: { 'allow.everyone.if.no.acl.found': false } } },
      });
      it('accepts a declared admin by name, CN=, User: and User:CN=, with spaces and empty entries in the annotation', () => {
        expect(outcomeOf(SEC_004_AUTHORIZATION, kafka(['ops', 'CN=ops', 'User:ops', 'User:CN=ops', 'platform'], ' ops , ,platform'))).toEqual({ status: 'compliant' });
      });
      it('refuses a super user that is not a string or not declared, and names no admin when none is declared', () => {
        expect(findingsOf(SEC_004_AUTHORIZATION, kafka([7, 'CN=ops'], '')).map((f) => `${f.found}; ${f.expected}`)).toEqual([
          'spec.kafka.authorization.superUsers contains 7; only the declared admins (none)',
          "spec.kafka.authorization.superUsers contains 'CN=ops'; only the declared admins (none)",
        ]);
        expect(findingsOf(SEC_004_AUTHORIZATION, kafka(['ops'])).map((f) => f.expected)).toEqual(['only the declared admins (none)']);
      });
      it('lists every declared admin in the finding, and ignores empty entries of the annotation', () => {
        expect(findingsOf(SEC_004_AUTHORIZATION, kafka(['x'], 'a,b')).map((f) => f.expected)).toEqual(['only the declared admins (a, b)']);
        expect(findingsOf(SEC_004_AUTHORIZATION, kafka(['CN=', 'User:'], ' , ')).map((f) => `${f.found}; ${f.expected}`)).toEqual([
          "spec.kafka.authorization.superUsers contains 'CN='; only the declared admins (none)",
          "spec.kafka.authorization.superUsers contains 'User:'; only the declared admins (none)",
        ]);
      });
      it('refuses a prefix of a declared admin', () => {
        expect(findingsOf(SEC_004_AUTHORIZATION, kafka(['User:CN=opsx', 'CN=op'], 'ops')).map((f) => f.found)).toEqual([
          "spec.kafka.authorization.superUsers contains 'User:CN=opsx'", "spec.kafka.authorization.superUsers contains 'CN=op'",
        ]);
      });
      it('reads a Kafka without authorization or config as open', () => {
        expect(findingsOf(SEC_004_AUTHORIZATION, kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', { spec: {} })).map((f) => f.found)).toEqual([
          'spec.kafka.authorization.type is not set', 'spec.kafka.config allow.everyone.if.no.acl.found is not set',
        ]);
      });
      it('does not read the node pools', () => {
        expect(outcomeOf(SEC_004_AUTHORIZATION, kubernetes('kafka.strimzi.io/v1', 'KafkaNodePool', 'broker', { spec: {} }))).toEqual({ status: 'not-applicable' });
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
      it('says what an undeclared super user breaks, what is expected and the fix', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'super.users': 'User:orders-broker;User:intruder' });
        expectViolation(chart, 'SEC-004', BROKER_CONFIG_PATH, /SEC-004 \[kafka\/Kafka\/BrokersConfig\] data\['server\.properties'\] super\.users contains 'User:intruder'; expected only the declared admins \(platform-admin\) and the cluster's node principals \(orders-broker, orders-controller\)\. Remove it, or declare it in admins on the KafkaStatefulSetCluster so that the grant is deliberate\. /);
      });
      it('says what a missing authorizer and allowing everyone break, what is expected and the fixes', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.controllers!, { 'authorizer.class.name': undefined, 'allow.everyone.if.no.acl.found': 'true' });
        expectViolation(chart, 'SEC-004', CONTROLLER_CONFIG_PATH, /SEC-004 \[kafka\/Kafka\/ControllersConfig\] \S+ authorizer\.class\.name is not set; expected 'org\.apache\.kafka\.metadata\.authorizer\.StandardAuthorizer' \(KRaft ACLs\)\. Set authorizer\.class\.name=org\.apache\.kafka\.metadata\.authorizer\.StandardAuthorizer\. /);
        expectViolation(chart, 'SEC-004', CONTROLLER_CONFIG_PATH, /SEC-004 \[kafka\/Kafka\/ControllersConfig\] \S+ allow\.everyone\.if\.no\.acl\.found is 'true'; expected false, written out: a principal without ACLs is denied\. Set allow\.everyone\.if\.no\.acl\.found=false\. /);
      });
    });

    describe('SEC-004 on hand-built StatefulSet documents', () => {
      const configMap = (superUsers: string, metadata: Record<string, any>) => kubernetes('v1', 'ConfigMap', 'orders-broker-config', {
        metadata: { ...metadata, labels: { 'kafka-iac.dev/target': 'statefulset', ...metadata.labels } },
        data: { 'server.properties': toPropertiesText({ 'process.roles': 'broker', 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'allow.everyone.if.no.acl.found': 'false', 'super.users': superUsers }) },
      });
      it("accepts the cluster's node principals and the declared admins, with spaces and empty entries", () => {
        const doc = configMap(' User:orders-broker ;;User:orders-controller; User:ops', { labels: { 'kafka-iac.dev/cluster': 'orders' }, annotations: { 'kafka-iac.dev/declared-admins': 'ops, ,x' } });
        expect(outcomeOf(SEC_004_AUTHORIZATION, doc)).toEqual({ status: 'compliant' });
      });
      it('names no node principal and no admin when the ConfigMap carries neither the cluster label nor the annotation', () => {
        expect(findingsOf(SEC_004_AUTHORIZATION, configMap('User:orders-broker', {})).map((f) => `${f.found}; ${f.expected}`)).toEqual([
          "data['server.properties'] super.users contains 'User:orders-broker'; only the declared admins (none) and the cluster's node principals (none)",
        ]);
      });
      it('lists every declared admin in the finding, ignores empty entries, and passes a file without super.users', () => {
        expect(findingsOf(SEC_004_AUTHORIZATION, configMap('User:x', { annotations: { 'kafka-iac.dev/declared-admins': 'a,b' } })).map((f) => f.expected))
          .toEqual(["only the declared admins (a, b) and the cluster's node principals (none)"]);
        expect(findingsOf(SEC_004_AUTHORIZATION, configMap('User:', { annotations: { 'kafka-iac.dev/declared-admins': ' , ' } })).map((f) => `${f.found}; ${f.expected}`))
          .toEqual(["data['server.properties'] super.users contains 'User:'; only the declared admins (none) and the cluster's node principals (none)"]);
        const noSuperUsers = kubernetes('v1', 'ConfigMap', 'orders-broker-config', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, data: { 'server.properties': toPropertiesText({ 'process.roles': 'broker' }) } });
        expect(findingsOf(SEC_004_AUTHORIZATION, noSuperUsers).map((f) => f.found)).toEqual([
          "data['server.properties'] authorizer.class.name is not set", "data['server.properties'] allow.everyone.if.no.acl.found is not set",
        ]);
      });
      it('wants the User: prefix on a super user', () => {
        expect(findingsOf(SEC_004_AUTHORIZATION, configMap('ops', { annotations: { 'kafka-iac.dev/declared-admins': 'ops' } })).map((f) => f.found)).toEqual([
          "data['server.properties'] super.users contains 'ops'",
        ]);
      });
      it('does not read a ConfigMap without Kafka properties', () => {
        expect(outcomeOf(SEC_004_AUTHORIZATION, kubernetes('v1', 'ConfigMap', 'other', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, data: { 'a.txt': 'x' } }))).toEqual({ status: 'not-applicable' });
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_004_AUTHORIZATION, 'SEC-004', ['msk', 'strimzi', 'statefulset']);
});
