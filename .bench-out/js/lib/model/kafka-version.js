"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaVersion = void 0;
const errors_1 = require("./errors");
const STRIMZI_1_2_VERSIONS = ['4.2.0', '4.2.1', '4.3.0', '4.3.1'];
const MSK_KRAFT = /^(3\.(7|8|9)|4\.[01])\.(x|\d+)\.kraft$/;
const APACHE = /^(\d+)\.(\d+)\.(\d+)$/;
/**
 * A Kafka version, as an enum-like class.
 *
 * Two spellings exist: Apache versions (`4.3.1`) for Strimzi and the StatefulSet, and MSK
 * version strings (`3.9.x.kraft`). Capability queries say where a version can run.
 * @see HA-005
 */
class KafkaVersion {
    version;
    /** Apache Kafka 4.3.1, the Strimzi 1.2 default. */
    static V4_3_1 = new KafkaVersion('4.3.1');
    /** Apache Kafka 4.3.0. */
    static V4_3_0 = new KafkaVersion('4.3.0');
    /** Apache Kafka 4.2.1. */
    static V4_2_1 = new KafkaVersion('4.2.1');
    /** Apache Kafka 4.2.0. */
    static V4_2_0 = new KafkaVersion('4.2.0');
    /** MSK 3.7.x in KRaft mode. */
    static MSK_3_7_X_KRAFT = new KafkaVersion('3.7.x.kraft');
    /** MSK 3.8.x in KRaft mode. */
    static MSK_3_8_X_KRAFT = new KafkaVersion('3.8.x.kraft');
    /** MSK 3.9.x in KRaft mode, the library's MSK default. */
    static MSK_3_9_X_KRAFT = new KafkaVersion('3.9.x.kraft');
    /** MSK 4.0.x in KRaft mode. */
    static MSK_4_0_X_KRAFT = new KafkaVersion('4.0.x.kraft');
    /** MSK 4.1.x in KRaft mode. */
    static MSK_4_1_X_KRAFT = new KafkaVersion('4.1.x.kraft');
    /** Any version string; whether a target accepts it is checked by the target and by HA-005. */
    static of(version) {
        if (typeof version !== 'string' || !/^\d+\.\d+\.(x|\d+)(\.kraft|\.tiered)?$/.test(version)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-VERSION', path: 'KafkaVersion', prop: 'version', found: version,
                expected: "an Apache version such as '4.3.1' or an MSK version such as '3.9.x.kraft'",
                fix: 'Use one of the KafkaVersion constants.',
            });
        }
        return new KafkaVersion(version);
    }
    /** Whether MSK runs this version string in KRaft mode (3.7.x.kraft to 4.1.x.kraft). */
    static isMskKraft(version) {
        return MSK_KRAFT.test(version);
    }
    /** Whether Strimzi 1.2 supports this Apache version (4.2.0, 4.2.1, 4.3.0, 4.3.1). */
    static isStrimziSupported(version) {
        return STRIMZI_1_2_VERSIONS.includes(version);
    }
    /** Whether this is an Apache Kafka 4.x version, which is KRaft-only (for the StatefulSet). */
    static isKafka4(version) {
        const m = APACHE.exec(version);
        return m !== null && Number(m[1]) >= 4;
    }
    /** The versions Strimzi 1.2 supports. */
    static STRIMZI_SUPPORTED = STRIMZI_1_2_VERSIONS;
    constructor(version) {
        this.version = version;
    }
    /** True when MSK runs this version in KRaft mode. */
    get isMskKraft() {
        return KafkaVersion.isMskKraft(this.version);
    }
    /** True when Strimzi 1.2 supports this version. */
    get isStrimziSupported() {
        return KafkaVersion.isStrimziSupported(this.version);
    }
    /** True for Apache Kafka 4.x (KRaft-only), as the StatefulSet target needs. */
    get isKafka4() {
        return KafkaVersion.isKafka4(this.version);
    }
    toString() {
        return this.version;
    }
}
exports.KafkaVersion = KafkaVersion;
