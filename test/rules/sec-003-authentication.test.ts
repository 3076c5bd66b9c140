// SEC-003: every test that proves this rule, one describe per target it applies to.
import { it, describe, expect } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER, PCA } from './fixtures/msk-sec';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKER_CONFIG_PATH, CONTROLLER_CONFIG_PATH, patchProperties } from '../support/statefulset-fixture';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { SEC_003_AUTHENTICATION } from '../../lib/rules/sec-003-authentication';
import { itDescribesItself } from './fixtures/metadata';
import { checkListenerProtocolAuthenticates, checkListenerAuthentication, checkListenerTls, checkMskAuthenticationModes, checkNoSaslPlain, type RuleRefusal } from '../../lib/model/rule-checks';

/** The part of a message that a refusal words: `expected <expected>. <fix>`. */
const wording = (r: RuleRefusal | undefined) => `expected ${r!.expected}. ${r!.fix}`;

const BROKER_WHERE = "data['server.properties']";
const CONTROLLER_WHERE = "data['controller.properties']";
describe('MSK', () => {
  describe('SEC rules on MSK', () => {

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
      it('fails SEC-003 with all three findings, in full, when client_authentication is removed', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('client_authentication', null);
        const message = expectViolation(stack, 'SEC-003', CLUSTER, /client_authentication is not set/);
        expect(message).toContain(`SEC-003 [${CLUSTER}] client_authentication is not set; expected a client_authentication block. Set authentication on the MskCluster (SCRAM, IAM or mutual TLS).`);
        expect(message).toContain(`SEC-003 [${CLUSTER}] client_authentication.unauthenticated is not set; expected false, written out. Set unauthenticated = false (MskCluster writes it).`);
        expect(message).toContain(`SEC-003 [${CLUSTER}] no client authentication mode is on (sasl.scram, sasl.iam and tls are all off); expected SCRAM, IAM or mutual TLS. Set authentication: [ClientAuthentication.iam()] or .scramSha512() on the MskCluster.`);
      });
      it('refuses at construction an MskCluster without authentication modes, in the words the rule uses for the synthesized cluster', () => {
        const refused = checkMskAuthenticationModes({ scram: false, iam: false, mutualTls: false });
        expect(() => mskStack({ cluster: { authentication: [] } })).toThrow(`SEC-003 [production/Kafka] authentication is []; ${wording(refused)}`);
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('client_authentication.sasl', { scram: false, iam: false });
        expect(expectViolation(stack, 'SEC-003', CLUSTER, /no client authentication mode is on/))
          .toContain(`SEC-003 [${CLUSTER}] no client authentication mode is on (sasl.scram, sasl.iam and tls are all off); ${wording(refused)}`);
      });
      it('reports only the unauthenticated finding when unauthenticated is true and a mode is on', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('client_authentication.unauthenticated', true);
        const lines = expectViolation(stack, 'SEC-003', CLUSTER, /unauthenticated is true/).split('\n').filter((l) => l.includes(`SEC-003 [${CLUSTER}]`));
        expect(lines).toHaveLength(1);
      });
      it("passes SEC-003 when unauthenticated is written as the string 'false'", () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('client_authentication.unauthenticated', 'false');
        expectCompliant(stack, 'SEC-003', CLUSTER);
      });
      it('passes SEC-003 with SCRAM alone', () => {
        expectCompliant(mskStack({ cluster: { authentication: [ClientAuthentication.scramSha512()] } }).stack, 'SEC-003', CLUSTER);
      });
      it('passes SEC-003 with IAM alone', () => {
        expectCompliant(mskStack({ cluster: { authentication: [ClientAuthentication.iam()] } }).stack, 'SEC-003', CLUSTER);
      });
      it('passes SEC-003 with mutual TLS alone', () => {
        expectCompliant(mskStack({ cluster: { authentication: [ClientAuthentication.mutualTls([PCA])] } }).stack, 'SEC-003', CLUSTER);
      });

      // MSK serves SCRAM (9096), IAM (9098) and mutual TLS (9094) only over TLS; its plaintext
      // listener (9092) authenticates no one, and with TLS_PLAINTEXT MSK requires unauthenticated
      // access on. Sources: AWS MSK developer guide "Port information"
      // (https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html) and the
      // AWS::MSK::Cluster ClientAuthentication reference, Sasl ("If you choose TLS_PLAINTEXT,
      // then you must also set unauthenticated to true").
      for (const clientBroker of ['TLS_PLAINTEXT', 'PLAINTEXT']) {
        it(`fails SEC-003 and SEC-001 with the full message when an override sets client_broker ${clientBroker}`, () => {
          const { stack, cluster } = mskStack();
          cluster.resource.addOverride('encryption_info.encryption_in_transit.client_broker', clientBroker);
          const message = expectViolation(stack, 'SEC-003', CLUSTER, /client_broker/);
          expect(message).toContain(`SEC-003 [${CLUSTER}] encryption_info.encryption_in_transit.client_broker is '${clientBroker}', which opens the plaintext listener (port 9092): it authenticates no one; expected 'TLS': MSK authenticates clients (SCRAM, IAM, mutual TLS) only on its TLS listeners. Set client_broker = "TLS" (MskCluster writes it), or remove the override that changes it.`);
          expect(message).toContain(`SEC-001 [${CLUSTER}] encryption_info.encryption_in_transit.client_broker is '${clientBroker}'`);
        });
      }
      it('reports no SEC-003 finding when client_broker is left to MSK\'s default, TLS (SEC-001 alone asks for it written out)', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('encryption_info.encryption_in_transit.client_broker', null);
        const message = expectViolation(stack, 'SEC-001', CLUSTER, /client_broker is not set/);
        expect(message).not.toContain('SEC-003 [');
      });
    });
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('SEC-003', () => {
      it('passes SEC-003 with SCRAM-SHA-512 on the listener', () => {
        expectCompliant(strimziChart().chart, 'SEC-003', KAFKA_PATH);
      });
      it('fails SEC-003 when a JSON patch removes the listener authentication', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/listeners/0/authentication'));
        expectViolation(chart, 'SEC-003', KAFKA_PATH, /listener 'tls' \(port 9093\) authentication is not set; expected 'scram-sha-512', 'tls'/);
      });
      it('fails SEC-003 when a custom authentication enables SASL/PLAIN', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/authentication', { type: 'custom', sasl: true, listenerConfig: { 'sasl.enabled.mechanisms': 'PLAIN' } }));
        expectViolation(chart, 'SEC-003', KAFKA_PATH, /listener 'tls' enables SASL\/PLAIN/);
      });
      it('fails SEC-003 when sasl.enabled.mechanisms is patched into spec.kafka.config', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/sasl.enabled.mechanisms', 'PLAIN'));
        expectViolation(chart, 'SEC-003', KAFKA_PATH, /key 'sasl.enabled.mechanisms' is set/);
      });
      it('fails SEC-003 with the full message when a listener has type plain', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/authentication', { type: 'plain' }));
        expect(strimziFixture.synthError(chart)).toContain(`SEC-003 [${KAFKA_PATH}] listener 'tls' (port 9093) authentication is 'plain'; expected 'scram-sha-512', 'tls' (mutual TLS) or 'custom' (OAuth bearer): unauthenticated access is refused. Set authentication: ClientAuthentication.scramSha512() (type 'scram-sha-512'), .mutualTls() or .oauthBearer() on listener tls.`);
      });
      it('fails SEC-003 with the full message when a custom authentication has sasl false', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/authentication', { type: 'custom', sasl: false, listenerConfig: { 'sasl.enabled.mechanisms': 'OAUTHBEARER' } }));
        expect(strimziFixture.synthError(chart)).toContain(`SEC-003 [${KAFKA_PATH}] listener 'tls' custom authentication has sasl false and sasl.enabled.mechanisms 'OAUTHBEARER'; expected sasl: true with 'OAUTHBEARER'. Set sasl: true and listenerConfig['sasl.enabled.mechanisms']: 'OAUTHBEARER'.`);
      });
      it('fails SEC-003 when a custom authentication has no listenerConfig', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/authentication', { type: 'custom', sasl: true }));
        expectViolation(chart, 'SEC-003', KAFKA_PATH, /listener 'tls' custom authentication has sasl true and sasl.enabled.mechanisms not set; expected sasl: true with 'OAUTHBEARER'/);
      });
      it('fails SEC-003 when a custom authentication enables SCRAM but not OAUTHBEARER', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/authentication', { type: 'custom', sasl: true, listenerConfig: { 'sasl.enabled.mechanisms': 'SCRAM-SHA-512' } }));
        expectViolation(chart, 'SEC-003', KAFKA_PATH, /custom authentication has sasl true and sasl.enabled.mechanisms 'SCRAM-SHA-512'/);
      });
      it('passes SEC-003 with custom OAuth bearer written in lower case with spaces', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/authentication', { type: 'custom', sasl: true, listenerConfig: { 'sasl.enabled.mechanisms': 'scram-sha-512, oauthbearer ' } }));
        expectCompliant(chart, 'SEC-003', KAFKA_PATH);
      });
      it('fails SEC-003 with the full message when PLAIN is written in lower case among the custom mechanisms', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/authentication', { type: 'custom', sasl: true, listenerConfig: { 'sasl.enabled.mechanisms': 'OAUTHBEARER, plain' } }));
        expect(strimziFixture.synthError(chart)).toContain(`SEC-003 [${KAFKA_PATH}] listener 'tls' enables SASL/PLAIN; expected no SASL/PLAIN (passwords sent as they are inside TLS, no salted storage). Remove PLAIN from sasl.enabled.mechanisms; use SCRAM-SHA-512 or OAUTHBEARER.`);
      });
      it('fails SEC-003 on the second listener when a JSON patch adds one without authentication', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/listeners/-', { name: 'open', port: 9095, type: 'internal', tls: true }));
        const message = strimziFixture.synthError(chart);
        expect(message).toContain(`SEC-003 [${KAFKA_PATH}] listener 'open' (port 9095) authentication is not set; expected 'scram-sha-512', 'tls' (mutual TLS) or 'custom' (OAuth bearer): unauthenticated access is refused. Set authentication: ClientAuthentication.scramSha512() (type 'scram-sha-512'), .mutualTls() or .oauthBearer() on listener open.`);
        expect(message.split('\n').filter((l) => l.includes(`SEC-003 [${KAFKA_PATH}]`))).toHaveLength(1);
      });
      it('fails SEC-003 and SEC-001 when a listener is plaintext and unauthenticated', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/listeners/-', { name: 'plain', port: 9092, type: 'internal', tls: false }));
        const message = strimziFixture.synthError(chart);
        expect(message).toContain(`SEC-003 [${KAFKA_PATH}] listener 'plain' (port 9092) authentication is not set;`);
        expect(message).toContain(`SEC-001 [${KAFKA_PATH}] listener 'plain' (port 9092) has tls false;`);
      });
      it('refuses at construction a listener that is plaintext and unauthenticated with SEC-001 and SEC-003, in the rules\' words', () => {
        expect(() => strimziChart({ cluster: { listeners: [{ name: 'plain', port: 9092, tls: false, authentication: undefined as unknown as ClientAuthentication }] } }))
          .toThrow([
            `SEC-001 [kafka/Kafka listener plain] tls is false; ${wording(checkListenerTls(false))}`,
            `SEC-003 [kafka/Kafka listener plain] authentication is 'none'; ${wording(checkListenerAuthentication(undefined, 'plain'))}`,
          ].join('\n'));
      });
      it('passes SEC-003 with mutual TLS on the listener', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/authentication', { type: 'tls' }));
        expectCompliant(chart, 'SEC-003', KAFKA_PATH);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('SEC rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('SEC-003', () => {
      it('passes SEC-003 with SCRAM-SHA-512, mutual TLS and an SSL controller listener', () => {
        const { chart } = statefulSetChart({ cluster: { listeners: [
          { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() },
          { name: 'mtls', port: 9094, authentication: ClientAuthentication.mutualTls() },
        ] } });
        expectCompliant(chart, 'SEC-003', BROKER_CONFIG_PATH);
        expect(chart.complianceReport.entries.find((e) => e.ruleId === 'SEC-003' && e.path === CONTROLLER_CONFIG_PATH)?.status).toBe('compliant');
      });
      it('fails SEC-003 when a JSON patch enables SASL/PLAIN on the client listener', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.name.scram.sasl.enabled.mechanisms': 'SCRAM-SHA-512,PLAIN' });
        expectViolation(chart, 'SEC-003', BROKER_CONFIG_PATH, /listener SCRAM sasl.enabled.mechanisms is 'SCRAM-SHA-512,PLAIN', which enables SASL\/PLAIN/);
      });
      it('fails SEC-003 when the controller listener stops requiring client certificates', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.controllers!, { 'listener.name.controller.ssl.client.auth': 'none' });
        expectViolation(chart, 'SEC-003', CONTROLLER_CONFIG_PATH, /SSL listener CONTROLLER ssl.client.auth is 'none'; expected 'required'/);
      });
      it('fails SEC-003 when the controller listener is switched to SASL_SSL', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.controllers!, { 'listener.security.protocol.map': 'CONTROLLER:SASL_SSL' });
        expectViolation(chart, 'SEC-003', CONTROLLER_CONFIG_PATH, /controller listener CONTROLLER security protocol is 'SASL_SSL'; expected 'SSL' with client certificates/);
      });
      it('fails SEC-003 with the full message when a SASL_SSL listener leaves sasl.enabled.mechanisms to the GSSAPI default', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.name.scram.sasl.enabled.mechanisms': undefined, 'sasl.enabled.mechanisms': undefined });
        expect(statefulsetFixture.synthError(chart)).toContain(`SEC-003 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} listener SCRAM sasl.enabled.mechanisms is not set (Kafka's default is GSSAPI); expected 'SCRAM-SHA-512' (or OAUTHBEARER). Set listener.name.scram.sasl.enabled.mechanisms=SCRAM-SHA-512.`);
      });
      it('fails SEC-003 when a SASL_SSL listener enables an empty list of mechanisms', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.name.scram.sasl.enabled.mechanisms': ' , ' });
        expectViolation(chart, 'SEC-003', BROKER_CONFIG_PATH, /listener SCRAM sasl.enabled.mechanisms is ' , '; expected 'SCRAM-SHA-512' \(or OAUTHBEARER\)/);
      });
      it('fails SEC-003 when a SASL_SSL listener adds GSSAPI to SCRAM', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.name.scram.sasl.enabled.mechanisms': 'SCRAM-SHA-512,GSSAPI' });
        expectViolation(chart, 'SEC-003', BROKER_CONFIG_PATH, /listener SCRAM sasl.enabled.mechanisms is 'SCRAM-SHA-512,GSSAPI'; expected 'SCRAM-SHA-512' \(or OAUTHBEARER\)/);
      });
      it('passes SEC-003 with SCRAM-SHA-512 and OAUTHBEARER written in lower case with spaces', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.name.scram.sasl.enabled.mechanisms': 'scram-sha-512, oauthbearer,' });
        expectCompliant(chart, 'SEC-003', BROKER_CONFIG_PATH);
      });
      it('fails SEC-003 with the full message when PLAIN is enabled in lower case', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.name.scram.sasl.enabled.mechanisms': 'plain' });
        const message = statefulsetFixture.synthError(chart);
        expect(message).toContain(`SEC-003 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} listener SCRAM sasl.enabled.mechanisms is 'plain', which enables SASL/PLAIN; expected no SASL/PLAIN (passwords sent as they are inside TLS, no salted storage). Remove PLAIN from sasl.enabled.mechanisms; use SCRAM-SHA-512 or OAUTHBEARER.`);
      });
      it('fails SEC-003 with the full messages when the controller listener is PLAINTEXT', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.controllers!, { 'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT' });
        const message = statefulsetFixture.synthError(chart);
        // PLAINTEXT is neither SSL nor SASL_SSL: no certificate or mechanism finding besides this one.
        expect(message.split('\n').filter((l) => l.includes(`SEC-003 [${CONTROLLER_CONFIG_PATH}]`))).toHaveLength(1);
        expect(message).toContain(`SEC-003 [${CONTROLLER_CONFIG_PATH}] ${CONTROLLER_WHERE} controller listener CONTROLLER security protocol is 'PLAINTEXT'; expected 'SSL' with client certificates (SCRAM cannot authenticate controllers). Map CONTROLLER:SSL and set listener.name.controller.ssl.client.auth=required.`);
      });
      it('fails SEC-003 with the full message when the controller listener requests but does not require certificates', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.controllers!, { 'listener.name.controller.ssl.client.auth': 'requested' });
        expect(statefulsetFixture.synthError(chart)).toContain(`SEC-003 [${CONTROLLER_CONFIG_PATH}] ${CONTROLLER_WHERE} SSL listener CONTROLLER ssl.client.auth is 'requested'; expected 'required': an SSL listener authenticates clients by certificate. Set listener.name.controller.ssl.client.auth=required.`);
      });
      it('fails SEC-003 and SEC-001 with the full message when a JSON patch adds a PLAINTEXT client listener', () => {
        const { chart, cluster } = statefulSetChart();
        const p = cluster.brokers.properties;
        patchProperties(cluster.brokers, { listeners: `${p.listeners},OPEN://:9092`, 'listener.security.protocol.map': `${p['listener.security.protocol.map']},OPEN:PLAINTEXT` });
        const message = statefulsetFixture.synthError(chart);
        expect(message).toContain(`SEC-003 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} listener OPEN security protocol is 'PLAINTEXT', which authenticates no one; ${wording(checkListenerProtocolAuthenticates('PLAINTEXT', 'OPEN'))}`);
        expect(message).toContain(`SEC-003 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} listener OPEN security protocol is 'PLAINTEXT', which authenticates no one; expected ClientAuthentication.scramSha512() or .mutualTls(), rendered as SASL_SSL with SCRAM-SHA-512 or SSL with ssl.client.auth=required: a listener that authenticates no one makes every client ANONYMOUS. Set authentication: ClientAuthentication.scramSha512() (or .mutualTls()) on listener open; in the properties, map OPEN:SASL_SSL with listener.name.open.sasl.enabled.mechanisms=SCRAM-SHA-512.`);
        expect(message).toContain(`SEC-001 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} listener OPEN security protocol is 'PLAINTEXT'`);
      });
      it.each([
        ['the client listener is remapped to PLAINTEXT (the mechanisms it keeps do not matter)', 'CONTROLLER:SSL,REPLICATION:SASL_SSL,SCRAM:PLAINTEXT', "listener SCRAM security protocol is 'PLAINTEXT'"],
        ['a listener has no security protocol mapped', 'CONTROLLER:SSL,REPLICATION:SASL_SSL', 'listener SCRAM security protocol is not set'],
        ['the inter-broker listener is PLAINTEXT', 'CONTROLLER:SSL,REPLICATION:PLAINTEXT,SCRAM:SASL_SSL', "listener REPLICATION security protocol is 'PLAINTEXT'"],
      ])('fails SEC-003 when %s', (_, map, found) => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.security.protocol.map': map });
        const lines = statefulsetFixture.synthError(chart).split('\n').filter((l) => l.includes(`SEC-003 [${BROKER_CONFIG_PATH}]`));
        expect(lines).toEqual([expect.stringContaining(`${BROKER_WHERE} ${found}, which authenticates no one; expected ClientAuthentication.scramSha512() or .mutualTls()`)]);
      });
      it('fails SEC-003 and SEC-001 when SASL_PLAINTEXT enables SASL/PLAIN', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, {
          'listener.security.protocol.map': 'CONTROLLER:SSL,REPLICATION:SASL_SSL,SCRAM:SASL_PLAINTEXT',
          'listener.name.scram.sasl.enabled.mechanisms': 'PLAIN',
        });
        const message = statefulsetFixture.synthError(chart);
        expect(message).toContain(`SEC-003 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} listener SCRAM sasl.enabled.mechanisms is 'PLAIN', which enables SASL/PLAIN; ${wording(checkNoSaslPlain(['PLAIN']))}`);
        expect(message).toContain(`SEC-003 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} listener SCRAM sasl.enabled.mechanisms is 'PLAIN'; expected 'SCRAM-SHA-512' (or OAUTHBEARER). Set listener.name.scram.sasl.enabled.mechanisms=SCRAM-SHA-512.`);
        expect(message).toContain(`SEC-001 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} listener SCRAM security protocol is 'SASL_PLAINTEXT'`);
      });
      it('reports SASL_PLAINTEXT with SCRAM-SHA-512 under SEC-001 alone: it authenticates', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.security.protocol.map': 'CONTROLLER:SSL,REPLICATION:SASL_SSL,SCRAM:SASL_PLAINTEXT' });
        const message = statefulsetFixture.synthError(chart);
        expect(message).toContain(`SEC-001 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} listener SCRAM security protocol is 'SASL_PLAINTEXT'`);
        expect(message).not.toContain('SEC-003 [');
      });
      it('fails SEC-003 with the full message when the node-level sasl.enabled.mechanisms enables PLAIN, although every listener overrides it', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'sasl.enabled.mechanisms': 'SCRAM-SHA-512,PLAIN' });
        const message = statefulsetFixture.synthError(chart);
        expect(message).toContain(`SEC-003 [${BROKER_CONFIG_PATH}] ${BROKER_WHERE} sasl.enabled.mechanisms is 'SCRAM-SHA-512,PLAIN', which enables SASL/PLAIN; expected no SASL/PLAIN (passwords sent as they are inside TLS, no salted storage). Remove PLAIN from sasl.enabled.mechanisms; use SCRAM-SHA-512 or OAUTHBEARER.`);
        expect(message.split('\n').filter((l) => l.includes(`SEC-003 [${BROKER_CONFIG_PATH}]`))).toHaveLength(1);
      });
      it('reports PLAIN in the node-level list once, as the listener that inherits it, when no listener overrides it', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.name.scram.sasl.enabled.mechanisms': undefined, 'sasl.enabled.mechanisms': 'PLAIN' });
        const message = statefulsetFixture.synthError(chart);
        const lines = message.split('\n').filter((l) => l.includes(`SEC-003 [${BROKER_CONFIG_PATH}]`) && l.includes('which enables SASL/PLAIN'));
        expect(lines).toEqual([expect.stringContaining(`${BROKER_WHERE} listener SCRAM sasl.enabled.mechanisms is 'PLAIN', which enables SASL/PLAIN`)]);
      });
      it('fails SEC-003 at synthesis when brokerConfig.extra enables PLAIN (extra properties are written as given, and checked)', () => {
        const { chart } = statefulSetChart({ cluster: { brokerConfig: { extra: { 'sasl.enabled.mechanisms': 'SCRAM-SHA-512,PLAIN' } } } });
        expectViolation(chart, 'SEC-003', BROKER_CONFIG_PATH, /data\['server\.properties'\] sasl\.enabled\.mechanisms is 'SCRAM-SHA-512,PLAIN', which enables SASL\/PLAIN; expected no SASL\/PLAIN/);
      });
      it('fails SEC-003 when PLAIN is enabled for a listener that is not served', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.name.spare.sasl.enabled.mechanisms': 'plain' });
        expectViolation(chart, 'SEC-003', BROKER_CONFIG_PATH, /listener\.name\.spare\.sasl\.enabled\.mechanisms is 'plain', which enables SASL\/PLAIN; expected no SASL\/PLAIN/);
      });
      it('fails SEC-003 when brokers sign in to each other or to the controllers with PLAIN', () => {
        for (const key of ['sasl.mechanism.inter.broker.protocol', 'sasl.mechanism.controller.protocol']) {
          const { chart, cluster } = statefulSetChart();
          patchProperties(cluster.brokers, { [key]: 'PLAIN' });
          expectViolation(chart, 'SEC-003', BROKER_CONFIG_PATH, new RegExp(`${key.replaceAll('.', '\\.')} is 'PLAIN', so the node signs in to other nodes with SASL/PLAIN; expected no SASL/PLAIN`));
        }
      });
      it('refuses at construction a listener without authentication in the words of the rule', () => {
        expect(() => statefulSetChart({ cluster: { listeners: [{ name: 'open', port: 9093, authentication: undefined as unknown as ClientAuthentication }] } }))
          .toThrow(`SEC-003 [kafka/Kafka listener open] authentication is 'none'; ${wording(checkListenerProtocolAuthenticates(undefined, 'open'))}`);
      });
      it('refuses at construction a listener that is plaintext and unauthenticated with SEC-001 and SEC-003', () => {
        expect(() => statefulSetChart({ cluster: { listeners: [{ name: 'open', port: 9092, tls: false, authentication: undefined as unknown as ClientAuthentication }] } }))
          .toThrow([
            `SEC-001 [kafka/Kafka listener open] tls is false; ${wording(checkListenerTls(false))}`,
            `SEC-003 [kafka/Kafka listener open] authentication is 'none'; ${wording(checkListenerProtocolAuthenticates(undefined, 'open'))}`,
          ].join('\n'));
      });
      it('fails SEC-003 when an mTLS listener loses ssl.client.auth', () => {
        const { chart, cluster } = statefulSetChart({ cluster: { listeners: [
          { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() },
          { name: 'mtls', port: 9094, authentication: ClientAuthentication.mutualTls() },
        ] } });
        patchProperties(cluster.brokers, { 'listener.name.mtls.ssl.client.auth': undefined });
        expectViolation(chart, 'SEC-003', BROKER_CONFIG_PATH, /SSL listener MTLS ssl.client.auth is not set; expected 'required'/);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_003_AUTHENTICATION, 'SEC-003', ['msk', 'strimzi', 'statefulset']);
});
