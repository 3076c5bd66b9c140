import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaIacError } from '../../model/errors';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** The kind of a cert-manager issuer. */
export enum CertificateIssuerKind {
  /** A namespaced `Issuer` in the cluster's namespace. */
  ISSUER = 'Issuer',
  /** A cluster-wide `ClusterIssuer`. */
  CLUSTER_ISSUER = 'ClusterIssuer',
}

/** A cert-manager issuer (a CA issuer, Vault, or the AWS Private CA issuer). */
export interface CertificateIssuerRef {
  readonly name: string;
  /**
   * @default CertificateIssuerKind.ISSUER
   */
  readonly kind?: CertificateIssuerKind;
  /**
   * The issuer's API group (`awspca.cert-manager.io` for the AWS Private CA issuer).
   * @default 'cert-manager.io'
   */
  readonly group?: string;
}

/** Props of a `CertManagerCertificate`: the names it is issued for and its issuer. */
export interface CertManagerCertificateProps {
  /** The Certificate's and its Secret's name. */
  readonly secretName: string;
  /** The subject CN; with `ssl.principal.mapping.rules` it becomes the Kafka principal. */
  readonly commonName: string;
  readonly dnsNames: string[];
  readonly issuer: CertificateIssuerRef;
  /** Labels on the Certificate and on the Secret cert-manager writes. */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * The Secret (key `password`) that protects the PKCS#12 keystore and truststore. Without it,
   * only PEM files are written (tls.crt, tls.key, ca.crt).
   * @default - no PKCS#12 keystore
   */
  readonly keystorePasswordSecretName?: string;
  /**
   * Certificate lifetime.
   * @default '2160h' (90 days)
   */
  readonly duration?: string;
  /**
   * Renew this long before expiry. Longer than MON-011's 30-day warning, so the alert fires only
   * when renewal has failed.
   * @default '1080h' (45 days)
   * @see SEC-010
   */
  readonly renewBefore?: string;
}

/**
 * A cert-manager `Certificate` (cert-manager.io/v1), written as a plain API object: the issuer
 * signs and renews it, and cert-manager keeps the Secret current (SEC-010). No key material is
 * in the manifests: the Secret is made in the cluster (SEC-009).
 * @see https://cert-manager.io/docs/usage/certificate/
 */
export class CertManagerCertificate extends KafkaIacConstruct {
  public readonly resource: ApiObject;
  public readonly secretName: string;

  public constructor(scope: Construct, id: string, props: CertManagerCertificateProps) {
    super(scope, id);
    if (props.commonName.length > 64) {
      throw KafkaIacError.grammar({
        code: 'SEC-010', path: this.path, prop: 'commonName', found: props.commonName,
        grammar: 'at most 64 characters (X.509)', fix: 'Use a shorter cluster name.',
      });
    }
    this.secretName = props.secretName;
    this.resource = new ApiObject(this, 'Resource', {
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
