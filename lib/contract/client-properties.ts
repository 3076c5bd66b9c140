import { AuthenticationMechanism } from '../model/client-authentication';
import { writeProperties } from './writers/properties';
import { checkBootstrapServers } from '../model/grammar/names';
import { CLASSIC_CONSUMER_TIMEOUTS, CONSUMER_DEFAULTS, PRODUCER_DEFAULTS } from '../model/client-defaults';
import { KafkaIacError } from '../model/errors';
import type { Principal } from '../model/access/principal';

/** The group protocol consumers use. */
export enum ConsumerGroupProtocol {
  /** `group.protocol=classic`: the client sets `session.timeout.ms` and `heartbeat.interval.ms` (PERF-003). */
  CLASSIC = 'classic',
  /** `group.protocol=consumer` (KIP-848): the broker owns the timeouts; the client must not set them. */
  CONSUMER = 'consumer',
}

/** Where a Kubernetes client finds its cluster and credentials, for its published client properties. */
export interface KubernetesClientPropertiesOptions {
  /** `bootstrap.servers`, such as `main-kafka-bootstrap.kafka.svc:9093`. */
  readonly bootstrapServers: string;
  /**
   * Where the principal's credentials Secret is mounted in the client pod; the properties
   * reference its keys through Kafka's DirectoryConfigProvider (`${dir:<path>:password}`).
   * @default '/etc/kafka/secrets/<principal>'
   */
  readonly credentialsMountPath?: string;
  /**
   * Where the cluster CA certificate (PEM) is mounted; `ssl.truststore.location`.
   * @default '/etc/kafka/cluster-ca/ca.crt'
   */
  readonly clusterCaPath?: string;
  /**
   * The consumer group protocol.
   * @default ConsumerGroupProtocol.CLASSIC
   */
  readonly groupProtocol?: ConsumerGroupProtocol;
}

/** Where an MSK client finds its cluster, for its published client properties. */
export interface MskClientPropertiesOptions {
  /**
   * The name of the Terraform output that holds the bootstrap brokers; the address is unknown
   * until apply, so `bootstrap.servers` reads it from `KAFKA_BOOTSTRAP_SERVERS`.
   * @default - none named
   */
  readonly bootstrapOutputName?: string;
  /**
   * The Secrets Manager secret that holds a SCRAM principal's password (named in a comment).
   * @default - none named
   */
  readonly secretName?: string;
  /**
   * The consumer group protocol.
   * @default ConsumerGroupProtocol.CLASSIC
   */
  readonly groupProtocol?: ConsumerGroupProtocol;
}

const DIR_PROVIDER = 'org.apache.kafka.common.config.provider.DirectoryConfigProvider';
const ENV_PROVIDER = 'org.apache.kafka.common.config.provider.EnvVarConfigProvider';
const SCRAM_MODULE = 'org.apache.kafka.common.security.scram.ScramLoginModule';
/** The MSK IAM SASL callback handler (aws-msk-iam-auth). */
export const MSK_IAM_CALLBACK_HANDLER = 'software.amazon.msk.auth.iam.IAMClientCallbackHandler';
/** The MSK IAM login module (aws-msk-iam-auth). */
export const MSK_IAM_LOGIN_MODULE = 'software.amazon.msk.auth.iam.IAMLoginModule';

/**
 * The recommended client properties of one principal in one environment (HA-004, PERF-002,
 * PERF-003): connection, authentication with secrets referenced (never written), and the
 * producer and/or consumer settings its grants call for. A typed object, and `.properties`
 * text through `toPropertiesText()`.
 */
export class ClientProperties {
  /**
   * For a client of a Kubernetes cluster (Strimzi or StatefulSet): SCRAM credentials and the
   * cluster CA are read from mounted Secrets through DirectoryConfigProvider.
   */
  public static forKubernetes(principal: Principal, options: KubernetesClientPropertiesOptions): ClientProperties {
    const mount = options.credentialsMountPath ?? `/etc/kafka/secrets/${principal.name}`;
    const conn: Record<string, string> = { 'bootstrap.servers': checkBootstrapServers(options.bootstrapServers, { code: 'KIAC-PROP', path: `principals/${principal.name}`, prop: 'bootstrapServers' }) };
    const comments: string[] = [];
    const mechanism = principal.authentication.mechanism;
    if (mechanism === AuthenticationMechanism.IAM) {
      throw KafkaIacError.unsupportedAuthentication({
        code: 'SEC-003', path: `principals/${principal.name}`, prop: 'authentication', found: mechanism,
        offered: ['scram-sha-512', 'tls', 'oauth'], where: 'on Kubernetes', why: 'IAM exists only on MSK',
        fix: 'Use ClientAuthentication.scramSha512() or .mutualTls() for this principal.',
      });
    }
    conn['config.providers'] = 'dir';
    conn['config.providers.dir.class'] = DIR_PROVIDER;
    conn['ssl.truststore.type'] = 'PEM';
    conn['ssl.truststore.location'] = options.clusterCaPath ?? '/etc/kafka/cluster-ca/ca.crt';
    if (mechanism === AuthenticationMechanism.SCRAM_SHA_512) {
      conn['security.protocol'] = 'SASL_SSL';
      conn['sasl.mechanism'] = 'SCRAM-SHA-512';
      conn['sasl.jaas.config'] = `${SCRAM_MODULE} required username="${principal.name}" password="\${dir:${mount}:password}";`;
      comments.push(`Password: key 'password' of the Secret '${principal.name}' (made by the operator), mounted at ${mount}.`);
    } else if (mechanism === AuthenticationMechanism.MUTUAL_TLS) {
      conn['security.protocol'] = 'SSL';
      conn['ssl.keystore.type'] = 'PKCS12';
      conn['ssl.keystore.location'] = `${mount}/user.p12`;
      conn['ssl.keystore.password'] = `\${dir:${mount}:user.password}`;
      comments.push(`Keystore: keys 'user.p12' and 'user.password' of the Secret '${principal.name}', mounted at ${mount}.`);
    } else {
      conn['security.protocol'] = 'SASL_SSL';
      conn['sasl.mechanism'] = 'OAUTHBEARER';
      comments.push('OAuth: configure sasl.login.callback.handler.class and the token endpoint of your identity provider.');
    }
    return new ClientProperties(principal, conn, comments, options.groupProtocol ?? ConsumerGroupProtocol.CLASSIC);
  }

  /**
   * For a client of MSK: IAM through the aws-msk-iam-auth callback handler (`AWS_MSK_IAM`), or
   * SCRAM with the password read from `KAFKA_SCRAM_PASSWORD` (EnvVarConfigProvider), filled from
   * the principal's Secrets Manager secret at start-up.
   */
  public static forMsk(principal: Principal, options: MskClientPropertiesOptions = {}): ClientProperties {
    const conn: Record<string, string> = {
      'bootstrap.servers': '${env:KAFKA_BOOTSTRAP_SERVERS}',
      'config.providers': 'env',
      'config.providers.env.class': ENV_PROVIDER,
    };
    const comments: string[] = [
      `bootstrap.servers: set KAFKA_BOOTSTRAP_SERVERS from ${options.bootstrapOutputName ? `terraform output -raw ${options.bootstrapOutputName}` : 'the cluster bootstrap brokers'}.`,
      'TLS: MSK broker certificates chain to Amazon Trust Services; the JVM default trust store accepts them.',
    ];
    const mechanism = principal.authentication.mechanism;
    if (mechanism === AuthenticationMechanism.IAM) {
      conn['security.protocol'] = 'SASL_SSL';
      conn['sasl.mechanism'] = 'AWS_MSK_IAM';
      conn['sasl.jaas.config'] = `${MSK_IAM_LOGIN_MODULE} required;`;
      conn['sasl.client.callback.handler.class'] = MSK_IAM_CALLBACK_HANDLER;
      comments.push('IAM: put aws-msk-iam-auth on the classpath; the role needs the kafka-iac IAM policy of this principal.');
    } else if (mechanism === AuthenticationMechanism.SCRAM_SHA_512) {
      conn['security.protocol'] = 'SASL_SSL';
      conn['sasl.mechanism'] = 'SCRAM-SHA-512';
      conn['sasl.jaas.config'] = `${SCRAM_MODULE} required username="${principal.name}" password="\${env:KAFKA_SCRAM_PASSWORD}";`;
      comments.push(`Password: set KAFKA_SCRAM_PASSWORD from key 'password' of the Secrets Manager secret ${options.secretName ?? `AmazonMSK_<cluster>_${principal.name}`}.`);
    } else if (mechanism === AuthenticationMechanism.MUTUAL_TLS) {
      conn['security.protocol'] = 'SSL';
      conn['ssl.keystore.type'] = 'PKCS12';
      conn['ssl.keystore.location'] = '${env:KAFKA_KEYSTORE_LOCATION}';
      conn['ssl.keystore.password'] = '${env:KAFKA_KEYSTORE_PASSWORD}';
      comments.push(`Keystore: a certificate with CN=${principal.name} issued by the cluster's ACM Private CA.`);
    } else {
      throw KafkaIacError.unsupportedAuthentication({
        code: 'SEC-003', path: `principals/${principal.name}`, prop: 'authentication', found: mechanism,
        offered: ['iam', 'scram-sha-512', 'tls'], where: 'on MSK', fix: 'Use ClientAuthentication.iam() or .scramSha512() for this principal.',
      });
    }
    return new ClientProperties(principal, conn, comments, options.groupProtocol ?? ConsumerGroupProtocol.CLASSIC);
  }

  public readonly principal: string;
  public readonly bootstrapServers: string;
  public readonly securityProtocol: string;
  /** `SCRAM-SHA-512`, `AWS_MSK_IAM`, `OAUTHBEARER`, or undefined for mutual TLS. */
  public readonly saslMechanism?: string;
  /** The JAAS line; it references the secret, it never holds it. */
  public readonly saslJaasConfig?: string;
  /** The MSK IAM callback handler class, on MSK with IAM. */
  public readonly saslClientCallbackHandlerClass?: string;
  public readonly isProducer: boolean;
  public readonly isConsumer: boolean;
  /** The first consumer group the principal may use (`group.id`). */
  public readonly groupId?: string;
  /** Every property, in output order. */
  public readonly properties: Readonly<Record<string, string>>;
  private readonly comments: readonly string[];

  private constructor(principal: Principal, connection: Record<string, string>, comments: string[], groupProtocol: ConsumerGroupProtocol) {
    this.principal = principal.name;
    this.bootstrapServers = connection['bootstrap.servers'];
    this.securityProtocol = connection['security.protocol'];
    this.saslMechanism = connection['sasl.mechanism'];
    this.saslJaasConfig = connection['sasl.jaas.config'];
    this.saslClientCallbackHandlerClass = connection['sasl.client.callback.handler.class'];
    this.isProducer = principal.isProducer;
    this.isConsumer = principal.isConsumer;
    this.groupId = principal.groups.find((g) => g !== '*');
    const props: Record<string, string> = { ...connection };
    if (this.isProducer) Object.assign(props, PRODUCER_DEFAULTS);
    if (this.isConsumer) {
      if (this.groupId !== undefined) props['group.id'] = this.groupId;
      props['group.protocol'] = groupProtocol;
      Object.assign(props, CONSUMER_DEFAULTS);
      if (groupProtocol === ConsumerGroupProtocol.CLASSIC) Object.assign(props, CLASSIC_CONSUMER_TIMEOUTS);
    }
    this.properties = props;
    this.comments = comments;
  }

  /** The `.properties` text: comments first, then one `key=value` per line. Pure. */
  public toPropertiesText(): string {
    return writeProperties(Object.entries(this.properties), [
      `Recommended client properties for principal '${this.principal}' (kafka-iac; HA-004, PERF-002, PERF-003).`,
      'Secrets are referenced through config providers; no secret value is written here (SEC-009).',
      ...this.comments,
    ]);
  }

}
