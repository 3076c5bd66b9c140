"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MirrorMaker2Cluster = exports.MirrorMaker2ClusterKind = void 0;
const client_authentication_1 = require("../../model/client-authentication");
const errors_1 = require("../../model/errors");
/** Which kind of Kafka cluster MirrorMaker 2 connects to. */
var MirrorMaker2ClusterKind;
(function (MirrorMaker2ClusterKind) {
    /** A Strimzi `Kafka`: operator-managed cluster CA, KafkaUser credentials. */
    MirrorMaker2ClusterKind["STRIMZI"] = "strimzi";
    /** Amazon MSK: AWS-issued broker certificates (JVM trust store), SCRAM or IAM. */
    MirrorMaker2ClusterKind["MSK"] = "msk";
})(MirrorMaker2ClusterKind || (exports.MirrorMaker2ClusterKind = MirrorMaker2ClusterKind = {}));
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
class MirrorMaker2Cluster {
    kind;
    label;
    principal;
    renderer;
    /** A Strimzi `Kafka`. */
    static strimzi(props) {
        const mech = props.principal?.authentication?.mechanism;
        if (mech !== client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512 && mech !== client_authentication_1.AuthenticationMechanism.MUTUAL_TLS) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path: `MirrorMaker2Cluster ${props.clusterName}`, prop: 'principal.authentication', found: mech,
                expected: 'scram-sha-512 or tls for MirrorMaker 2 on a Strimzi cluster',
                fix: 'Declare the MirrorMaker 2 principal with ClientAuthentication.scramSha512() or .mutualTls().',
            });
        }
        const port = props.port ?? 9093;
        const caSecret = props.clusterCaSecret ?? `${props.clusterName}-cluster-ca-cert`;
        const credentials = props.credentialsSecret ?? props.principal.name;
        return new MirrorMaker2Cluster(MirrorMaker2ClusterKind.STRIMZI, props.clusterName, props.principal, (namespace) => ({
            bootstrapServers: props.bootstrapServers ?? `${props.clusterName}-kafka-bootstrap.${props.namespace ?? namespace}.svc:${port}`,
            tls: { trustedCertificates: [{ secretName: caSecret, certificate: 'ca.crt' }] },
            authentication: mech === client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512
                ? { type: 'scram-sha-512', username: props.principal.name, passwordSecret: { secretName: credentials, password: 'password' } }
                : { type: 'tls', certificateAndKey: { secretName: credentials, certificate: 'user.crt', key: 'user.key' } },
        }));
    }
    /** An Amazon MSK cluster, with SCRAM-SHA-512 or IAM. */
    static msk(props) {
        const mech = props.principal?.authentication?.mechanism;
        const path = `MirrorMaker2Cluster ${props.bootstrapServers}`;
        if (mech !== client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512 && mech !== client_authentication_1.AuthenticationMechanism.IAM) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path, prop: 'principal.authentication', found: mech,
                expected: 'scram-sha-512 or iam for MirrorMaker 2 on MSK',
                fix: 'Declare the MirrorMaker 2 principal with ClientAuthentication.scramSha512() or .iam().',
            });
        }
        if (typeof props.bootstrapServers !== 'string' || !/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/.test(props.bootstrapServers)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'bootstrapServers', found: props.bootstrapServers,
                expected: 'host:port pairs separated by commas (the MSK bootstrap brokers for SCRAM, port 9096, or IAM, port 9098)',
                fix: 'Pass the bootstrap_brokers_sasl_scram or bootstrap_brokers_sasl_iam output of the MSK cluster.',
            });
        }
        return new MirrorMaker2Cluster(MirrorMaker2ClusterKind.MSK, props.bootstrapServers, props.principal, () => ({
            bootstrapServers: props.bootstrapServers,
            // No trustedCertificates: the JVM trust store trusts the AWS-issued MSK broker certificates.
            tls: {},
            authentication: mech === client_authentication_1.AuthenticationMechanism.IAM
                ? { type: 'custom', sasl: true, config: { ...IAM_SASL } }
                : { type: 'scram-sha-512', username: props.principal.name, passwordSecret: { secretName: props.passwordSecret ?? `${props.principal.name}-msk-scram`, password: 'password' } },
        }));
    }
    constructor(kind, 
    /** The Strimzi cluster name, or the MSK bootstrap address: names the cluster in errors. */
    label, 
    /** The MirrorMaker 2 principal used on this cluster. */
    principal, renderer) {
        this.kind = kind;
        this.label = label;
        this.principal = principal;
        this.renderer = renderer;
    }
    /** True when MirrorMaker 2 authenticates with IAM (MSK). */
    get usesIam() {
        return this.principal.authentication.mechanism === client_authentication_1.AuthenticationMechanism.IAM;
    }
    /** The `bootstrapServers`, `tls` and `authentication` of the connection. Pure. */
    render(namespace) {
        return this.renderer(namespace);
    }
}
exports.MirrorMaker2Cluster = MirrorMaker2Cluster;
