import { KafkaIacError } from './errors';

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
export class KafkaVersion {
  /** Apache Kafka 4.3.1, the Strimzi 1.2 default. */
  public static readonly V4_3_1 = new KafkaVersion('4.3.1');
  /** Apache Kafka 4.3.0. */
  public static readonly V4_3_0 = new KafkaVersion('4.3.0');
  /** Apache Kafka 4.2.1. */
  public static readonly V4_2_1 = new KafkaVersion('4.2.1');
  /** Apache Kafka 4.2.0. */
  public static readonly V4_2_0 = new KafkaVersion('4.2.0');
  /** MSK 3.7.x in KRaft mode. */
  public static readonly MSK_3_7_X_KRAFT = new KafkaVersion('3.7.x.kraft');
  /** MSK 3.8.x in KRaft mode. */
  public static readonly MSK_3_8_X_KRAFT = new KafkaVersion('3.8.x.kraft');
  /** MSK 3.9.x in KRaft mode, the library's MSK default. */
  public static readonly MSK_3_9_X_KRAFT = new KafkaVersion('3.9.x.kraft');
  /** MSK 4.0.x in KRaft mode. */
  public static readonly MSK_4_0_X_KRAFT = new KafkaVersion('4.0.x.kraft');
  /** MSK 4.1.x in KRaft mode. */
  public static readonly MSK_4_1_X_KRAFT = new KafkaVersion('4.1.x.kraft');

  /** Any version string; whether a target accepts it is checked by the target and by HA-005. */
  public static of(version: string): KafkaVersion {
    if (typeof version !== 'string' || !/^\d+\.\d+\.(x|\d+)(\.kraft|\.tiered)?$/.test(version)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-VERSION', path: 'KafkaVersion', prop: 'version', found: version,
        expected: "an Apache version such as '4.3.1' or an MSK version such as '3.9.x.kraft'",
        fix: 'Use one of the KafkaVersion constants.',
      });
    }
    return new KafkaVersion(version);
  }

  /** Whether MSK runs this version string in KRaft mode (3.7.x.kraft to 4.1.x.kraft). */
  public static isMskKraft(version: string): boolean {
    return MSK_KRAFT.test(version);
  }

  /** Whether Strimzi 1.2 supports this Apache version (4.2.0, 4.2.1, 4.3.0, 4.3.1). */
  public static isStrimziSupported(version: string): boolean {
    return STRIMZI_1_2_VERSIONS.includes(version);
  }

  /** Whether this is an Apache Kafka 4.x version, which is KRaft-only (for the StatefulSet). */
  public static isKafka4(version: string): boolean {
    const m = APACHE.exec(version);
    return m !== null && Number(m[1]) >= 4;
  }

  /** The versions Strimzi 1.2 supports. */
  public static readonly STRIMZI_SUPPORTED: readonly string[] = STRIMZI_1_2_VERSIONS;

  private constructor(public readonly version: string) {}

  /** True when MSK runs this version in KRaft mode. */
  public get isMskKraft(): boolean {
    return KafkaVersion.isMskKraft(this.version);
  }

  /** True when Strimzi 1.2 supports this version. */
  public get isStrimziSupported(): boolean {
    return KafkaVersion.isStrimziSupported(this.version);
  }

  /** True for Apache Kafka 4.x (KRaft-only), as the StatefulSet target needs. */
  public get isKafka4(): boolean {
    return KafkaVersion.isKafka4(this.version);
  }

  /** The version string, such as `4.3.1` or `3.9.x.kraft`. */
  public toString(): string {
    return this.version;
  }
}
