import { AuthenticationMechanism } from '../../model/client-authentication';
import { KafkaIacError } from '../../model/errors';
import type { Principal } from '../../model/access/principal';

/** Which kind of Kafka cluster MirrorMaker 2 connects to. */
export enum MirrorMaker2ClusterKind {
  /** A Strimzi `Kafka`: operator-managed cluster CA, KafkaUser credentials. */
  STRIMZI = 'strimzi',
  /** Amazon MSK: AWS-issued broker certificates (JVM trust store), SCRAM or IAM. */
  MSK = 'msk',
}

/** A Strimzi `Kafka` MirrorMaker 2 connects to. */
export interface StrimziMirrorMaker2ClusterProps {
  /** The `Kafka` resource's name. */
  readonly clusterName: string;
  /** The MirrorMaker 2 principal on this cluster (`MirrorMaker2Access`); SCRAM-SHA-512 or mutual TLS. */
  readonly principal: Principal;
  /**
   * The bootstrap address. Set it for a cluster in another Kubernetes cluster (another region):
   * a multi-cluster Service (`<svc>.<ns>.svc.clusterset.local`) or an internal load balancer.
   * @default '<clusterName>-kafka-bootstrap.<namespace>.svc:<port>'
   */
  readonly bootstrapServers?: string;
  /**
   * The TLS listener port.
   * @default 9093
   */
  readonly port?: number;
  /**
   * The namespace of the `Kafka`, for the default bootstrap address.
   * @default - the namespace of the chart MirrorMaker 2 runs in
   */
  readonly namespace?: string;
  /**
   * The Secret (in MirrorMaker 2's namespace) with the cluster CA certificate (`ca.crt`).
   * For a cluster in another Kubernetes cluster, copy `<clusterName>-cluster-ca-cert` here.
   * @default '<clusterName>-cluster-ca-cert'
   */
  readonly clusterCaSecret?: string;
  /**
   * The Secret (in MirrorMaker 2's namespace) with the principal's credentials: `password` for
   * SCRAM, `user.crt`/`user.key` for mutual TLS. The User Operator creates it in the Kafka's
   * namespace; for another Kubernetes cluster, copy it here.
   * @default - the principal's name
   */
  readonly credentialsSecret?: string;
}

/** An MSK cluster MirrorMaker 2 connects to. */
export interface MskMirrorMaker2ClusterProps {
  /**
   * The MSK bootstrap brokers for the principal's mechanism: `bootstrap_brokers_sasl_scram`
   * (port 9096) or `bootstrap_brokers_sasl_iam` (port 9098).
   */
  readonly bootstrapServers: string;
  /** The MirrorMaker 2 principal on this cluster (`MirrorMaker2Access`); SCRAM-SHA-512 or IAM. */
  readonly principal: Principal;
  /**
   * SCRAM: the Kubernetes Secret (key `password`) that holds the password of the
   * `AmazonMSK_` Secrets Manager secret, synced by External Secrets or the Secrets Store CSI
   * driver. Never a literal password (SEC-009).
   * @default '<principal>-msk-scram'
   */
  readonly passwordSecret?: string;
}

/** What a connection renders to in the KafkaMirrorMaker2 `target` or `mirrors[].source`. */
export interface MirrorMaker2ConnectionSpec {
  readonly bootstrapServers: string;
  readonly tls: Record<string, unknown>;
  readonly authentication: Record<string, unknown>;
}

const IAM_SASL = {
  'sasl.mechanism': 'AWS_MSK_IAM',
  'sasl.jaas.config': 'software.amazon.msk.auth.iam.IAMLoginModule required;',
  'sasl.client.callback.handler.class': 'software.amazon.msk.auth.iam.IAMClientCallbackHandler',
};

/**
 * How MirrorMaker 2 reaches one Kafka cluster: its bootstrap address, TLS trust and
 * authentication as its own MirrorMaker 2 principal. TLS is always on (SEC-001) and every
 * connection authenticates (SEC-003).
 * - `strimzi()`: trusts the Strimzi cluster CA; SCRAM-SHA-512 (`passwordSecret`) or mutual TLS
 *   (`certificateAndKey`) from the KafkaUser's Secret.
 * - `msk()`: trusts the JVM trust store (MSK broker certificates are AWS-issued); SCRAM-SHA-512
 *   from a Secret synced from Secrets Manager, or IAM (`type: custom`, `AWS_MSK_IAM`), which
 *   needs an image with the aws-msk-iam-auth library and a service account bound to an IAM role.
 */
export class MirrorMaker2Cluster {
  /** A Strimzi `Kafka`. */
  public static strimzi(props: StrimziMirrorMaker2ClusterProps): MirrorMaker2Cluster {
    const mech = props.principal?.authentication?.mechanism;
    if (mech !== AuthenticationMechanism.SCRAM_SHA_512 && mech !== AuthenticationMechanism.MUTUAL_TLS) {
      throw KafkaIacError.unsupportedAuthentication({
        code: 'SEC-003', path: `MirrorMaker2Cluster ${props.clusterName}`, prop: 'principal.authentication', found: mech,
        offered: ['scram-sha-512', 'tls'], where: 'for MirrorMaker 2 on a Strimzi cluster',
        fix: 'Declare the MirrorMaker 2 principal with ClientAuthentication.scramSha512() or .mutualTls().',
      });
    }
    const port = props.port ?? 9093;
    const caSecret = props.clusterCaSecret ?? `${props.clusterName}-cluster-ca-cert`;
    const credentials = props.credentialsSecret ?? props.principal.name;
    return new MirrorMaker2Cluster(MirrorMaker2ClusterKind.STRIMZI, props.clusterName, props.principal, (namespace) => ({
      bootstrapServers: props.bootstrapServers ?? `${props.clusterName}-kafka-bootstrap.${props.namespace ?? namespace}.svc:${port}`,
      tls: { trustedCertificates: [{ secretName: caSecret, certificate: 'ca.crt' }] },
      authentication: mech === AuthenticationMechanism.SCRAM_SHA_512
        ? { type: 'scram-sha-512', username: props.principal.name, passwordSecret: { secretName: credentials, password: 'password' } }
        : { type: 'tls', certificateAndKey: { secretName: credentials, certificate: 'user.crt', key: 'user.key' } },
    }));
  }

  /** An Amazon MSK cluster, with SCRAM-SHA-512 or IAM. */
  public static msk(props: MskMirrorMaker2ClusterProps): MirrorMaker2Cluster {
    const mech = props.principal?.authentication?.mechanism;
    const path = `MirrorMaker2Cluster ${props.bootstrapServers}`;
    if (mech !== AuthenticationMechanism.SCRAM_SHA_512 && mech !== AuthenticationMechanism.IAM) {
      throw KafkaIacError.unsupportedAuthentication({
        code: 'SEC-003', path, prop: 'principal.authentication', found: mech,
        offered: ['scram-sha-512', 'iam'], where: 'for MirrorMaker 2 on MSK',
        fix: 'Declare the MirrorMaker 2 principal with ClientAuthentication.scramSha512() or .iam().',
      });
    }
    if (typeof props.bootstrapServers !== 'string' || !/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/.test(props.bootstrapServers)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path, prop: 'bootstrapServers', found: props.bootstrapServers,
        expected: 'host:port pairs separated by commas (the MSK bootstrap brokers for SCRAM, port 9096, or IAM, port 9098)',
        fix: 'Pass the bootstrap_brokers_sasl_scram or bootstrap_brokers_sasl_iam output of the MSK cluster.',
      });
    }
    return new MirrorMaker2Cluster(MirrorMaker2ClusterKind.MSK, props.bootstrapServers, props.principal, () => ({
      bootstrapServers: props.bootstrapServers,
      // No trustedCertificates: the JVM trust store trusts the AWS-issued MSK broker certificates.
      tls: {},
      authentication: mech === AuthenticationMechanism.IAM
        ? { type: 'custom', sasl: true, config: { ...IAM_SASL } }
        : { type: 'scram-sha-512', username: props.principal.name, passwordSecret: { secretName: props.passwordSecret ?? `${props.principal.name}-msk-scram`, password: 'password' } },
    }));
  }

  private constructor(
    public readonly kind: MirrorMaker2ClusterKind,
    /** The Strimzi cluster name, or the MSK bootstrap address: names the cluster in errors. */
    public readonly label: string,
    /** The MirrorMaker 2 principal used on this cluster. */
    public readonly principal: Principal,
    private readonly renderer: (namespace: string) => MirrorMaker2ConnectionSpec,
  ) {}

  /** True when MirrorMaker 2 authenticates with IAM (MSK). */
  public get usesIam(): boolean {
    return this.principal.authentication.mechanism === AuthenticationMechanism.IAM;
  }

  /** The `bootstrapServers`, `tls` and `authentication` of the connection. Pure. */
  public render(namespace: string): MirrorMaker2ConnectionSpec {
    return this.renderer(namespace);
  }
}
