"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClientProperties = exports.MSK_IAM_LOGIN_MODULE = exports.MSK_IAM_CALLBACK_HANDLER = exports.ConsumerGroupProtocol = void 0;
const client_authentication_1 = require("../model/client-authentication");
const client_defaults_1 = require("../model/client-defaults");
const errors_1 = require("../model/errors");
/** The group protocol consumers use. */
var ConsumerGroupProtocol;
(function (ConsumerGroupProtocol) {
    /** `group.protocol=classic`: the client sets `session.timeout.ms` and `heartbeat.interval.ms` (PERF-003). */
    ConsumerGroupProtocol["CLASSIC"] = "classic";
    /** `group.protocol=consumer` (KIP-848): the broker owns the timeouts; the client must not set them. */
    ConsumerGroupProtocol["CONSUMER"] = "consumer";
})(ConsumerGroupProtocol || (exports.ConsumerGroupProtocol = ConsumerGroupProtocol = {}));
const DIR_PROVIDER = 'org.apache.kafka.common.config.provider.DirectoryConfigProvider';
const ENV_PROVIDER = 'org.apache.kafka.common.config.provider.EnvVarConfigProvider';
const SCRAM_MODULE = 'org.apache.kafka.common.security.scram.ScramLoginModule';
/** The MSK IAM SASL callback handler (aws-msk-iam-auth). */
exports.MSK_IAM_CALLBACK_HANDLER = 'software.amazon.msk.auth.iam.IAMClientCallbackHandler';
/** The MSK IAM login module (aws-msk-iam-auth). */
exports.MSK_IAM_LOGIN_MODULE = 'software.amazon.msk.auth.iam.IAMLoginModule';
/**
 * The recommended client properties of one principal in one environment (HA-004, PERF-002,
 * PERF-003): connection, authentication with secrets referenced (never written), and the
 * producer and/or consumer settings its grants call for. A typed object, and `.properties`
 * text through `toPropertiesText()`.
 */
class ClientProperties {
    /**
     * For a client of a Kubernetes cluster (Strimzi or StatefulSet): SCRAM credentials and the
     * cluster CA are read from mounted Secrets through DirectoryConfigProvider.
     */
    static forKubernetes(principal, options) {
        const mount = options.credentialsMountPath ?? `/etc/kafka/secrets/${principal.name}`;
        const conn = { 'bootstrap.servers': options.bootstrapServers };
        const comments = [];
        const mechanism = principal.authentication.mechanism;
        if (mechanism === client_authentication_1.AuthenticationMechanism.IAM) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path: `principals/${principal.name}`, prop: 'authentication', found: mechanism,
                expected: 'scram-sha-512, tls or oauth on Kubernetes (IAM exists only on MSK)',
                fix: 'Use ClientAuthentication.scramSha512() or .mutualTls() for this principal.',
            });
        }
        conn['config.providers'] = 'dir';
        conn['config.providers.dir.class'] = DIR_PROVIDER;
        conn['ssl.truststore.type'] = 'PEM';
        conn['ssl.truststore.location'] = options.clusterCaPath ?? '/etc/kafka/cluster-ca/ca.crt';
        if (mechanism === client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512) {
            conn['security.protocol'] = 'SASL_SSL';
            conn['sasl.mechanism'] = 'SCRAM-SHA-512';
            conn['sasl.jaas.config'] = `${SCRAM_MODULE} required username="${principal.name}" password="\${dir:${mount}:password}";`;
            comments.push(`Password: key 'password' of the Secret '${principal.name}' (made by the operator), mounted at ${mount}.`);
        }
        else if (mechanism === client_authentication_1.AuthenticationMechanism.MUTUAL_TLS) {
            conn['security.protocol'] = 'SSL';
            conn['ssl.keystore.type'] = 'PKCS12';
            conn['ssl.keystore.location'] = `${mount}/user.p12`;
            conn['ssl.keystore.password'] = `\${dir:${mount}:user.password}`;
            comments.push(`Keystore: keys 'user.p12' and 'user.password' of the Secret '${principal.name}', mounted at ${mount}.`);
        }
        else {
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
    static forMsk(principal, options = {}) {
        const conn = {
            'bootstrap.servers': '${env:KAFKA_BOOTSTRAP_SERVERS}',
            'config.providers': 'env',
            'config.providers.env.class': ENV_PROVIDER,
        };
        const comments = [
            `bootstrap.servers: set KAFKA_BOOTSTRAP_SERVERS from ${options.bootstrapOutputName ? `terraform output -raw ${options.bootstrapOutputName}` : 'the cluster bootstrap brokers'}.`,
            'TLS: MSK broker certificates chain to Amazon Trust Services; the JVM default trust store accepts them.',
        ];
        const mechanism = principal.authentication.mechanism;
        if (mechanism === client_authentication_1.AuthenticationMechanism.IAM) {
            conn['security.protocol'] = 'SASL_SSL';
            conn['sasl.mechanism'] = 'AWS_MSK_IAM';
            conn['sasl.jaas.config'] = `${exports.MSK_IAM_LOGIN_MODULE} required;`;
            conn['sasl.client.callback.handler.class'] = exports.MSK_IAM_CALLBACK_HANDLER;
            comments.push('IAM: put aws-msk-iam-auth on the classpath; the role needs the kafka-iac IAM policy of this principal.');
        }
        else if (mechanism === client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512) {
            conn['security.protocol'] = 'SASL_SSL';
            conn['sasl.mechanism'] = 'SCRAM-SHA-512';
            conn['sasl.jaas.config'] = `${SCRAM_MODULE} required username="${principal.name}" password="\${env:KAFKA_SCRAM_PASSWORD}";`;
            comments.push(`Password: set KAFKA_SCRAM_PASSWORD from key 'password' of the Secrets Manager secret ${options.secretName ?? `AmazonMSK_<cluster>_${principal.name}`}.`);
        }
        else if (mechanism === client_authentication_1.AuthenticationMechanism.MUTUAL_TLS) {
            conn['security.protocol'] = 'SSL';
            conn['ssl.keystore.type'] = 'PKCS12';
            conn['ssl.keystore.location'] = '${env:KAFKA_KEYSTORE_LOCATION}';
            conn['ssl.keystore.password'] = '${env:KAFKA_KEYSTORE_PASSWORD}';
            comments.push(`Keystore: a certificate with CN=${principal.name} issued by the cluster's ACM Private CA.`);
        }
        else {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path: `principals/${principal.name}`, prop: 'authentication', found: mechanism,
                expected: 'iam, scram-sha-512 or tls on MSK', fix: 'Use ClientAuthentication.iam() or .scramSha512() for this principal.',
            });
        }
        return new ClientProperties(principal, conn, comments, options.groupProtocol ?? ConsumerGroupProtocol.CLASSIC);
    }
    principal;
    bootstrapServers;
    securityProtocol;
    /** `SCRAM-SHA-512`, `AWS_MSK_IAM`, `OAUTHBEARER`, or undefined for mutual TLS. */
    saslMechanism;
    /** The JAAS line; it references the secret, it never holds it. */
    saslJaasConfig;
    /** The MSK IAM callback handler class, on MSK with IAM. */
    saslClientCallbackHandlerClass;
    isProducer;
    isConsumer;
    /** The first consumer group the principal may use (`group.id`). */
    groupId;
    /** Every property, in output order. */
    properties;
    comments;
    constructor(principal, connection, comments, groupProtocol) {
        this.principal = principal.name;
        this.bootstrapServers = connection['bootstrap.servers'];
        this.securityProtocol = connection['security.protocol'];
        this.saslMechanism = connection['sasl.mechanism'];
        this.saslJaasConfig = connection['sasl.jaas.config'];
        this.saslClientCallbackHandlerClass = connection['sasl.client.callback.handler.class'];
        this.isProducer = principal.isProducer;
        this.isConsumer = principal.isConsumer;
        this.groupId = principal.groups.find((g) => g !== '*');
        const props = { ...connection };
        if (this.isProducer)
            Object.assign(props, client_defaults_1.PRODUCER_DEFAULTS);
        if (this.isConsumer) {
            if (this.groupId !== undefined)
                props['group.id'] = this.groupId;
            props['group.protocol'] = groupProtocol;
            Object.assign(props, client_defaults_1.CONSUMER_DEFAULTS);
            if (groupProtocol === ConsumerGroupProtocol.CLASSIC)
                Object.assign(props, client_defaults_1.CLASSIC_CONSUMER_TIMEOUTS);
        }
        this.properties = props;
        this.comments = comments;
    }
    /** The `.properties` text: comments first, then one `key=value` per line. Pure. */
    toPropertiesText() {
        const lines = [
            `# Recommended client properties for principal '${this.principal}' (kafka-iac; HA-004, PERF-002, PERF-003).`,
            '# Secrets are referenced through config providers; no secret value is written here (SEC-009).',
            ...this.comments.map((c) => `# ${c}`),
        ];
        for (const [k, v] of Object.entries(this.properties))
            lines.push(`${k}=${v}`);
        return lines.join('\n') + '\n';
    }
}
exports.ClientProperties = ClientProperties;
