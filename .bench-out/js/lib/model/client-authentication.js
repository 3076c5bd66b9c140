"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClientAuthentication = exports.AuthenticationMechanism = void 0;
exports.validateAuthentications = validateAuthentications;
const errors_1 = require("./errors");
/** How a client proves who it is. */
var AuthenticationMechanism;
(function (AuthenticationMechanism) {
    /** SASL/SCRAM-SHA-512 over TLS (MSK port 9096; Strimzi `scram-sha-512`). */
    AuthenticationMechanism["SCRAM_SHA_512"] = "scram-sha-512";
    /** Mutual TLS: the client presents a certificate (MSK port 9094 with ACM PCA; Strimzi `tls`). */
    AuthenticationMechanism["MUTUAL_TLS"] = "tls";
    /** AWS IAM (MSK only, port 9098). */
    AuthenticationMechanism["IAM"] = "iam";
    /** OAuth bearer tokens (Strimzi 1.2 through listener `authentication.type: custom`). */
    AuthenticationMechanism["OAUTH_BEARER"] = "oauth";
})(AuthenticationMechanism || (exports.AuthenticationMechanism = AuthenticationMechanism = {}));
/**
 * A client authentication mode, built by its static factories. There is no factory for
 * SASL/PLAIN or for no authentication: SEC-003 refuses both.
 * @see SEC-003
 */
class ClientAuthentication {
    mechanism;
    certificateAuthorityArns;
    /** SASL/SCRAM-SHA-512; passwords live in Secrets Manager (MSK) or operator-made Secrets (Kubernetes). */
    static scramSha512() {
        return new ClientAuthentication(AuthenticationMechanism.SCRAM_SHA_512);
    }
    /**
     * Mutual TLS. On MSK the client certificates come from an ACM Private CA.
     * @param certificateAuthorityArns ACM PCA ARNs (MSK only).
     */
    static mutualTls(certificateAuthorityArns = []) {
        return new ClientAuthentication(AuthenticationMechanism.MUTUAL_TLS, certificateAuthorityArns);
    }
    /** AWS IAM access control (MSK only). */
    static iam() {
        return new ClientAuthentication(AuthenticationMechanism.IAM);
    }
    /** OAuth bearer (Strimzi only, through a custom listener authentication). */
    static oauthBearer() {
        return new ClientAuthentication(AuthenticationMechanism.OAUTH_BEARER);
    }
    /**
     * Parses a mechanism name, for configuration read from files. `PLAIN`, `none` and unknown
     * names are refused (SEC-003).
     */
    static of(name, path = 'ClientAuthentication') {
        const key = String(name).toLowerCase().replace(/_/g, '-');
        const match = Object.values(AuthenticationMechanism).find((m) => m === key || (m === 'scram-sha-512' && key === 'scram'));
        if (!match) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path, prop: 'authentication', found: name,
                expected: 'one of scram-sha-512, tls, iam (MSK) or oauth (Strimzi); SASL/PLAIN and unauthenticated access are refused',
                fix: 'Use ClientAuthentication.scramSha512(), .mutualTls() or .iam().',
            });
        }
        return new ClientAuthentication(match);
    }
    constructor(mechanism, certificateAuthorityArns = []) {
        this.mechanism = mechanism;
        this.certificateAuthorityArns = certificateAuthorityArns;
    }
}
exports.ClientAuthentication = ClientAuthentication;
/** Checks a list of authentication modes: at least one, no duplicates. */
function validateAuthentications(path, list) {
    if (list.length === 0) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'SEC-003', path, prop: 'authentication', found: [],
            expected: 'at least one authentication mode; unauthenticated access is refused',
            fix: 'Set authentication: [ClientAuthentication.scramSha512()].',
        });
    }
    list.forEach((a, i) => {
        if (!(a instanceof ClientAuthentication)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path, prop: `authentication[${i}]`, found: a,
                expected: 'a ClientAuthentication: scramSha512(), iam(), mutualTls() or oauthBearer()',
                fix: 'Build each mode with a ClientAuthentication factory, for example ClientAuthentication.scramSha512().',
            });
        }
    });
    const seen = new Set();
    for (const a of list) {
        if (seen.has(a.mechanism))
            throw errors_1.KafkaIacError.duplicate('SEC-003', path, 'authentication mode', a.mechanism);
        seen.add(a.mechanism);
    }
}
