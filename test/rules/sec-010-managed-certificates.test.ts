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
import { outcomeOf, findingsOf } from './fixtures/outcome';
import { kubernetes, terraform } from './fixtures/cap-documents';
import { nodeConfigMap, nodeStatefulSet } from './fixtures/statefulset-documents';
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

describe('SEC-010 on hand-built documents', () => {
  const AWS_MANAGED = 'MSK broker certificates are AWS-managed and renewed by AWS.';
  describe('MSK', () => {
    const cluster = (auth: Record<string, unknown> | undefined) => terraform('aws_msk_cluster', 'kafka', auth === undefined ? {} : { client_authentication: auth });
    it('notes that there are no client certificates without a tls block', () => {
      for (const auth of [undefined, { sasl: { scram: true } }]) {
        expect(outcomeOf(SEC_010_MANAGED_CERTIFICATES, cluster(auth))).toEqual({ status: 'compliant', notes: [AWS_MANAGED, 'No mutual TLS: no client certificates to manage.'] });
      }
    });
    it('says what a tls block without certificate authorities breaks, what is expected and the fix', () => {
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, cluster({ tls: {} }))).toEqual([{
        found: 'client_authentication.tls has no certificate_authority_arns',
        expected: 'at least one ACM Private CA that issues (and renews) the client certificates',
        fix: "Use ClientAuthentication.mutualTls(['arn:aws:acm-pca:...']).",
      }]);
    });
    it('accepts an ACM PCA ARN of any partition and a certificate authority of the stack, and says what another one breaks', () => {
      const pca = terraform('aws_acmpca_certificate_authority', 'clients', {});
      const arns = ['arn:aws-us-gov:acm-pca:us-gov-west-1:111122223333:certificate-authority/1', '${aws_acmpca_certificate_authority.clients.arn}'];
      expect(outcomeOf(SEC_010_MANAGED_CERTIFICATES, cluster({ tls: { certificate_authority_arns: arns } }), [pca])).toEqual({ status: 'compliant', notes: [AWS_MANAGED] });
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, cluster({ tls: { certificate_authority_arns: ['${aws_kms_key.key.arn}', 7, 'x arn:aws:acm-pca:'] } }), [terraform('aws_kms_key', 'key', {})])).toEqual([
        { found: "certificate authority '${aws_kms_key.key.arn}' is not an ACM Private CA", expected: 'an ACM PCA ARN (arn:aws:acm-pca:...)', fix: 'Issue client certificates from an ACM Private CA.' },
        { found: 'certificate authority 7 is not an ACM Private CA', expected: 'an ACM PCA ARN (arn:aws:acm-pca:...)', fix: 'Issue client certificates from an ACM Private CA.' },
        { found: "certificate authority 'x arn:aws:acm-pca:' is not an ACM Private CA", expected: 'an ACM PCA ARN (arn:aws:acm-pca:...)', fix: 'Issue client certificates from an ACM Private CA.' },
      ]);
    });
  });

  describe('Strimzi', () => {
    const kafka = (spec: unknown) => kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', { spec });
    it('says what a hand-managed clients CA breaks, what is expected and the fix', () => {
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, kafka({ clientsCa: { generateCertificateAuthority: false }, clusterCa: { generateCertificateAuthority: true } }))).toEqual([{
        found: 'spec.clientsCa.generateCertificateAuthority is false (a CA you supply and renew by hand)',
        expected: 'true or absent: the operator generates and renews the CA',
        fix: 'Remove spec.clientsCa.generateCertificateAuthority, or suppress SEC-010 with a reason that names who renews the CA.',
      }]);
    });
    it('says what a listener with a custom certificate breaks, what is expected and the fix', () => {
      const spec = { kafka: { listeners: [null, { name: 'plain' }, { name: 'tls', configuration: { brokerCertChainAndKey: { secretName: 'my-cert' } } }] } };
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, kafka(spec))).toEqual([{
        found: "listener 'tls' uses a custom certificate (configuration.brokerCertChainAndKey secret 'my-cert')",
        expected: 'the operator-managed cluster CA certificate, renewed by the operator',
        fix: 'Remove brokerCertChainAndKey, or issue the Secret with cert-manager and suppress SEC-010 with that reason.',
      }]);
    });
    it('reports a listener whose brokerCertChainAndKey is null (set, with no secret)', () => {
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, kafka({ kafka: { listeners: [{ name: 'tls', configuration: { brokerCertChainAndKey: null } }] } })).map((f) => f.found))
        .toEqual(["listener 'tls' uses a custom certificate (configuration.brokerCertChainAndKey secret not set)"]);
    });
    it('passes a Kafka without spec (operator-managed CAs by default) and reads no node pool', () => {
      expect(outcomeOf(SEC_010_MANAGED_CERTIFICATES, kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', {}))).toEqual({ status: 'compliant' });
      expect(outcomeOf(SEC_010_MANAGED_CERTIFICATES, kubernetes('kafka.strimzi.io/v1', 'KafkaNodePool', 'broker', { spec: {} }))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('StatefulSet', () => {
    const KEYSTORE = '/etc/kafka/tls/keystore.p12';
    const sts = (volumes: unknown[], mounts: unknown[]) => {
      const doc = nodeStatefulSet('orders-broker', 'orders-broker-config', 3);
      doc.body.spec.template.spec.volumes.push(...volumes);
      doc.body.spec.template.spec.containers[0].volumeMounts = mounts;
      return doc;
    };
    const config = (props: Record<string, string>) => nodeConfigMap('orders-broker-config', { 'process.roles': 'broker', ...props });
    const certificate = (spec: Record<string, unknown>, namespace?: string) => {
      const doc = kubernetes('cert-manager.io/v1', 'Certificate', 'orders-broker-tls', { spec: { secretName: 'orders-broker-tls', issuerRef: { name: 'ca' }, renewBefore: '720h', ...spec } });
      return namespace === undefined ? doc : { ...doc, namespace };
    };
    const secretVolume = { name: 'tls', secret: { secretName: 'orders-broker-tls' } };
    const mount = { name: 'tls', mountPath: '/etc/kafka/tls' };
    it('passes a keystore from a renewed Certificate, per listener too, and with renewBeforePercentage', () => {
      expect(outcomeOf(SEC_010_MANAGED_CERTIFICATES, sts([secretVolume], [mount]), [config({ 'listener.name.scram.ssl.keystore.location': KEYSTORE }), certificate({})])).toEqual({ status: 'compliant' });
      expect(outcomeOf(SEC_010_MANAGED_CERTIFICATES, sts([secretVolume], [mount]), [config({ 'ssl.keystore.location': KEYSTORE }), certificate({ renewBefore: undefined, renewBeforePercentage: 50 })])).toEqual({ status: 'compliant' });
    });
    it('says what a node without a keystore breaks, what is expected and the fix (a keystore of another key is no keystore)', () => {
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, sts([], []), [config({ 'ssl.truststore.location': KEYSTORE, 'listener.name.scram.ssl.keystore.type': 'PKCS12' })])).toEqual([{
        found: "data['server.properties'] of ConfigMap orders-broker-config sets no ssl.keystore.location",
        expected: 'a keystore issued by cert-manager',
        fix: 'Set ssl.keystore.location to the keystore of a cert-manager Certificate Secret.',
      }]);
    });
    it('reads only whole listener keystore keys (not a key that merely contains one)', () => {
      const props = config({ 'listener.name.scram.ssl.keystore.location.old': KEYSTORE, 'old.listener.name.scram.ssl.keystore.location': KEYSTORE });
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, sts([secretVolume], [mount]), [props, certificate({})]).map((f) => f.found))
        .toEqual(["data['server.properties'] of ConfigMap orders-broker-config sets no ssl.keystore.location"]);
    });
    it('says what a keystore outside a Secret breaks, what is expected and the fix', () => {
      const props = config({ 'ssl.keystore.location': KEYSTORE });
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, sts([], []), [props])).toEqual([{
        found: `ssl.keystore.location ${KEYSTORE} is not on a mounted volume`,
        expected: 'a keystore from the Secret of a cert-manager Certificate',
        fix: 'Mount the Secret of a cert-manager Certificate (keystores.pkcs12) at the keystore directory.',
      }]);
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, sts([{ name: 'tls', emptyDir: {} }], [mount]), [props]).map((f) => f.found)).toEqual([`ssl.keystore.location ${KEYSTORE} is on volume 'tls', which is not a Secret`]);
    });
    it('says what a Secret no Certificate writes breaks (another namespace, another secret), what is expected and the fix', () => {
      const props = config({ 'ssl.keystore.location': KEYSTORE });
      const unmanaged = [{
        found: `ssl.keystore.location ${KEYSTORE} comes from Secret 'orders-broker-tls', which no cert-manager Certificate in the output writes`,
        expected: 'a Certificate that cert-manager issues and renews',
        fix: 'Issue the keystore with a cert-manager Certificate (KafkaStatefulSetCluster does), or suppress SEC-010 with a reason that names who renews it.',
      }];
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, sts([secretVolume], [mount]), [props, certificate({}, 'other')])).toEqual(unmanaged);
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, sts([secretVolume], [mount]), [props, certificate({ secretName: 'other' })])).toEqual(unmanaged);
    });
    it('checks every Secret of a projected volume', () => {
      const projected = { name: 'tls', projected: { sources: [{ secret: { name: 'orders-broker-tls' } }, { secret: { name: 'hand-made' } }] } };
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, sts([projected], [mount]), [config({ 'ssl.keystore.location': KEYSTORE }), certificate({})]).map((f) => f.found))
        .toEqual([`ssl.keystore.location ${KEYSTORE} comes from Secret 'hand-made', which no cert-manager Certificate in the output writes`]);
    });
    it('says what a Certificate without a named issuer or a renewal window breaks, what is expected and the fixes', () => {
      const props = config({ 'ssl.keystore.location': KEYSTORE });
      const issuer = (name: unknown) => findingsOf(SEC_010_MANAGED_CERTIFICATES, sts([secretVolume], [mount]), [props, certificate({ issuerRef: { name }, renewBefore: undefined })]);
      expect(issuer('')).toEqual([
        { found: "Certificate orders-broker-tls issuerRef.name is ''", expected: 'a named cert-manager issuer (CA, Vault or AWS Private CA)', fix: 'Set issuerRef to your issuer (certificateIssuer on the KafkaStatefulSetCluster).' },
        { found: 'Certificate orders-broker-tls sets neither renewBefore nor renewBeforePercentage', expected: 'an explicit renewal window longer than the MON-011 warning (30 days)', fix: "Set renewBefore: '1080h' with duration: '2160h'." },
      ]);
      expect(issuer(3).map((f) => f.found)[0]).toBe('Certificate orders-broker-tls issuerRef.name is 3');
      expect(findingsOf(SEC_010_MANAGED_CERTIFICATES, sts([secretVolume], [mount]), [props, certificate({ issuerRef: undefined })]).map((f) => f.found)).toEqual(['Certificate orders-broker-tls issuerRef.name is not set']);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_010_MANAGED_CERTIFICATES, 'SEC-010', ['msk', 'strimzi', 'statefulset']);
});
