import { checkAcmPcaArn } from './grammar/arn';
import { KafkaIacError } from './errors';

/** How a client proves who it is. */
export enum AuthenticationMechanism {
  /** SASL/SCRAM-SHA-512 over TLS (MSK port 9096; Strimzi `scram-sha-512`). */
  SCRAM_SHA_512 = 'scram-sha-512',
  /** Mutual TLS: the client presents a certificate (MSK port 9094 with ACM PCA; Strimzi `tls`). */
  MUTUAL_TLS = 'tls',
  /** AWS IAM (MSK only, port 9098). */
  IAM = 'iam',
  /** OAuth bearer tokens (Strimzi 1.2 through listener `authentication.type: custom`). */
  OAUTH_BEARER = 'oauth',
}

/**
 * A client authentication mode, built by its static factories. There is no factory for
 * SASL/PLAIN or for no authentication: SEC-003 refuses both.
 * @see SEC-003
 */
export class ClientAuthentication {
  /** SASL/SCRAM-SHA-512; passwords live in Secrets Manager (MSK) or operator-made Secrets (Kubernetes). */
  public static scramSha512(): ClientAuthentication {
    return new ClientAuthentication(AuthenticationMechanism.SCRAM_SHA_512);
  }

  /**
   * Mutual TLS. On MSK the client certificates come from an ACM Private CA.
   * @param certificateAuthorityArns ACM PCA ARNs (MSK only).
   */
  public static mutualTls(certificateAuthorityArns: readonly string[] = []): ClientAuthentication {
    if (!Array.isArray(certificateAuthorityArns)) {
      throw KafkaIacError.invalidProp({ code: 'SEC-010', path: 'ClientAuthentication.mutualTls', prop: 'certificateAuthorityArns', found: certificateAuthorityArns, expected: 'a list of ACM Private CA ARNs', fix: "Pass ['arn:aws:acm-pca:...:certificate-authority/...'], or nothing on Kubernetes." });
    }
    certificateAuthorityArns.forEach((arn, i) => checkAcmPcaArn(arn, { code: 'SEC-010', path: 'ClientAuthentication.mutualTls', prop: `certificateAuthorityArns[${i}]` }));
    return new ClientAuthentication(AuthenticationMechanism.MUTUAL_TLS, certificateAuthorityArns);
  }

  /** AWS IAM access control (MSK only). */
  public static iam(): ClientAuthentication {
    return new ClientAuthentication(AuthenticationMechanism.IAM);
  }

  /** OAuth bearer (Strimzi only, through a custom listener authentication). */
  public static oauthBearer(): ClientAuthentication {
    return new ClientAuthentication(AuthenticationMechanism.OAUTH_BEARER);
  }

  /**
   * Parses a mechanism name, for configuration read from files. `PLAIN`, `none` and unknown
   * names are refused (SEC-003).
   */
  public static of(name: string, path = 'ClientAuthentication'): ClientAuthentication {
    const key = String(name).toLowerCase().replace(/_/g, '-');
    const match = Object.values(AuthenticationMechanism).find((m) => m === key || (m === 'scram-sha-512' && key === 'scram'));
    if (!match) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-003', path, prop: 'authentication', found: name,
        expected: 'one of scram-sha-512, tls, iam (MSK) or oauth (Strimzi); SASL/PLAIN and unauthenticated access are refused',
        fix: 'Use ClientAuthentication.scramSha512(), .mutualTls() or .iam().',
      });
    }
    return new ClientAuthentication(match);
  }

  private constructor(
    public readonly mechanism: AuthenticationMechanism,
    public readonly certificateAuthorityArns: readonly string[] = [],
  ) {}
}

/** Checks a list of authentication modes: at least one, no duplicates. */
export function validateAuthentications(path: string, list: readonly ClientAuthentication[]): void {
  KafkaIacError.nonEmpty(list, {
    code: 'SEC-003', path, prop: 'authentication',
    expected: 'at least one authentication mode; unauthenticated access is refused',
    fix: 'Set authentication: [ClientAuthentication.scramSha512()].',
  });
  list.forEach((a, i) => {
    if (!(a instanceof ClientAuthentication)) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-003', path, prop: `authentication[${i}]`, found: a,
        expected: 'a ClientAuthentication: scramSha512(), iam(), mutualTls() or oauthBearer()',
        fix: 'Build each mode with a ClientAuthentication factory, for example ClientAuthentication.scramSha512().',
      });
    }
  });
  const seen = new Set<string>();
  for (const a of list) {
    if (seen.has(a.mechanism)) throw KafkaIacError.duplicate('SEC-003', path, 'authentication mode', a.mechanism);
    seen.add(a.mechanism);
  }
}
