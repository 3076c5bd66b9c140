"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MSK_EXPORTER_PORTS = exports.MSK_LISTENER_PORTS = void 0;
exports.mskListenerPort = mskListenerPort;
const client_authentication_1 = require("../model/client-authentication");
/**
 * The MSK listener port of each client authentication mode (private connectivity).
 * Plaintext (9092) is never opened: SEC-001.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html
 */
exports.MSK_LISTENER_PORTS = {
    [client_authentication_1.AuthenticationMechanism.MUTUAL_TLS]: 9094,
    [client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512]: 9096,
    [client_authentication_1.AuthenticationMechanism.IAM]: 9098,
};
/** The open-monitoring exporter ports: 11001 JMX exporter, 11002 node exporter. */
exports.MSK_EXPORTER_PORTS = [11001, 11002];
/** The listener port of an authentication mode on MSK, or undefined when MSK has none (OAuth). */
function mskListenerPort(mechanism) {
    return exports.MSK_LISTENER_PORTS[mechanism];
}
