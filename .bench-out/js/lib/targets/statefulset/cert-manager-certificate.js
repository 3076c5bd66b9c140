"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CertManagerCertificate = exports.CertificateIssuerKind = void 0;
const cdk8s_1 = require("cdk8s");
const constructs_1 = require("constructs");
const errors_1 = require("../../model/errors");
/** The kind of a cert-manager issuer. */
var CertificateIssuerKind;
(function (CertificateIssuerKind) {
    /** A namespaced `Issuer` in the cluster's namespace. */
    CertificateIssuerKind["ISSUER"] = "Issuer";
    /** A cluster-wide `ClusterIssuer`. */
    CertificateIssuerKind["CLUSTER_ISSUER"] = "ClusterIssuer";
})(CertificateIssuerKind || (exports.CertificateIssuerKind = CertificateIssuerKind = {}));
/**
 * A cert-manager `Certificate` (cert-manager.io/v1), written as a plain API object: the issuer
 * signs and renews it, and cert-manager keeps the Secret current (SEC-010). No key material is
 * in the manifests: the Secret is made in the cluster (SEC-009).
 * @see https://cert-manager.io/docs/usage/certificate/
 */
class CertManagerCertificate extends constructs_1.Construct {
    resource;
    secretName;
    constructor(scope, id, props) {
        super(scope, id);
        if (props.commonName.length > 64) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-010', path: this.node.path, prop: 'commonName', found: props.commonName,
                expected: 'at most 64 characters (X.509)', fix: 'Use a shorter cluster name.',
            });
        }
        this.secretName = props.secretName;
        this.resource = new cdk8s_1.ApiObject(this, 'Resource', {
            apiVersion: 'cert-manager.io/v1',
            kind: 'Certificate',
            metadata: { name: props.secretName, labels: { ...props.labels } },
            spec: {
                secretName: props.secretName,
                secretTemplate: { labels: { ...props.labels } },
                commonName: props.commonName,
                dnsNames: [...props.dnsNames],
                duration: props.duration ?? '2160h',
                renewBefore: props.renewBefore ?? '1080h',
                privateKey: { algorithm: 'ECDSA', size: 256, encoding: 'PKCS8', rotationPolicy: 'Always' },
                usages: ['digital signature', 'key encipherment', 'server auth', 'client auth'],
                issuerRef: { name: props.issuer.name, kind: props.issuer.kind ?? CertificateIssuerKind.ISSUER, group: props.issuer.group ?? 'cert-manager.io' },
                ...(props.keystorePasswordSecretName ? {
                    keystores: {
                        pkcs12: { create: true, profile: 'Modern2023', passwordSecretRef: { name: props.keystorePasswordSecretName, key: 'password' } },
                    },
                } : {}),
            },
        });
    }
}
exports.CertManagerCertificate = CertManagerCertificate;
