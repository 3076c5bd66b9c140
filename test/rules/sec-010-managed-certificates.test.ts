// SEC-010: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { mskStack } from '../support/msk-stack';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { PCA, CLUSTER } from './fixtures/msk-sec';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKERS_PATH, CONTROLLERS_PATH } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { SEC_010_MANAGED_CERTIFICATES } from '../../lib/rules/sec-010-managed-certificates';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('SEC rules on MSK', () => {

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
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('SEC-010', () => {
      it('passes SEC-010 with operator-managed CAs', () => {
        expectCompliant(strimziChart().chart, 'SEC-010', KAFKA_PATH);
      });
      it('fails SEC-010 when a JSON patch switches the cluster CA to a hand-managed one', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/clusterCa', { generateCertificateAuthority: false }));
        expectViolation(chart, 'SEC-010', KAFKA_PATH, /spec.clusterCa.generateCertificateAuthority is false/);
      });
      it('fails SEC-010 when a listener uses a custom certificate', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/listeners/0/configuration', { brokerCertChainAndKey: { secretName: 'my-cert', certificate: 'tls.crt', key: 'tls.key' } }));
        expectViolation(chart, 'SEC-010', KAFKA_PATH, /listener 'tls' uses a custom certificate/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('SEC rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('SEC-010', () => {
      it('passes SEC-010 with keystores from renewed cert-manager Certificates', () => {
        expectCompliant(statefulSetChart().chart, 'SEC-010', BROKERS_PATH);
        expectCompliant(statefulSetChart().chart, 'SEC-010', CONTROLLERS_PATH);
      });
      it('fails SEC-010 when a JSON patch mounts a hand-made keystore Secret', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/volumes/1/secret/secretName', 'hand-made-keystore'));
        expectViolation(chart, 'SEC-010', BROKERS_PATH, /comes from Secret 'hand-made-keystore', which no cert-manager Certificate in the output writes/);
      });
      it('fails SEC-010 when the Certificate loses its renewal window', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.controllers!.certificate.resource.addJsonPatch(JsonPatch.remove('/spec/renewBefore'));
        expectViolation(chart, 'SEC-010', CONTROLLERS_PATH, /Certificate orders-controller-tls sets neither renewBefore nor renewBeforePercentage/);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_010_MANAGED_CERTIFICATES, 'SEC-010', ['msk', 'strimzi', 'statefulset']);
});
