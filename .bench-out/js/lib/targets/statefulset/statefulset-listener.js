"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaListenerProtocol = void 0;
/**
 * The security protocol of a Kafka listener (`listener.security.protocol.map`). Only the two
 * encrypted protocols exist here: PLAINTEXT and SASL_PLAINTEXT are refused (SEC-001).
 */
var KafkaListenerProtocol;
(function (KafkaListenerProtocol) {
    /** TLS; authentication by client certificate (`ssl.client.auth=required`). */
    KafkaListenerProtocol["SSL"] = "SSL";
    /** SASL over TLS (SCRAM-SHA-512 here). */
    KafkaListenerProtocol["SASL_SSL"] = "SASL_SSL";
})(KafkaListenerProtocol || (exports.KafkaListenerProtocol = KafkaListenerProtocol = {}));
