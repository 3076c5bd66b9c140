import { KafkaIacError } from '../../model/errors';
import { checkAbsolutePath } from '../../model/grammar/names';
import { shellWord } from '../../contract/writers/shell';
import { KafkaPodPaths } from './kafka-node-properties';

/** The curl image the init containers use (the official image of the curl project). */
export const CURL_IMAGE = 'curlimages/curl:8.11.1';

/**
 * The SHA-256 of jmx_prometheus_javaagent-1.1.0.jar of the jmx_exporter 1.1.0 GitHub release
 * (github.com/prometheus/jmx_exporter/releases/download/1.1.0/jmx_prometheus_javaagent-1.1.0.jar),
 * as pinned by public provisioning scripts that verify that asset (JMX_SHA256). Not yet checked
 * against upstream's own digest, the release asset `jmx_prometheus_javaagent-1.1.0.jar.sha256`
 * (1.1.0 is published on GitHub Releases, not Maven Central): confirm it with
 * `curl -sL <url>.sha256` before relying on it, or pass your own to `JmxExporterAgent.download`.
 */
export const JMX_EXPORTER_1_1_0_SHA256 = '2d158db7a4cd2999f40ca30a2532bc8456ca3ecf37498cbe60a02a588bf3c9f1';

const PINNED_SHA256: Readonly<Record<string, string>> = { '1.1.0': JMX_EXPORTER_1_1_0_SHA256 };

/**
 * Where the Prometheus JMX exporter java agent comes from. The `apache/kafka` image has no
 * agent, so an init container puts the jar into a shared `emptyDir`, and the Kafka container
 * loads it with `KAFKA_OPTS=-javaagent:...=9404:<rules file>`.
 * @see https://github.com/prometheus/jmx_exporter
 */
export class JmxExporterAgent {
  /**
   * Downloads the agent jar of a jmx_exporter GitHub release in an init container (needs egress
   * to github.com) and checks it with `sha256sum -c` before the Kafka JVM loads it: the JVM holds
   * the keystore passwords, so an unverified jar is never loaded. The checksum is required,
   * except for 1.1.0, whose checksum is pinned (`JMX_EXPORTER_1_1_0_SHA256`).
   * @param version the jmx_exporter release, default '1.1.0'
   * @param sha256 the jar's SHA-256 (hex); required for any version but 1.1.0
   */
  public static download(version: string = '1.1.0', sha256?: string): JmxExporterAgent {
    if (!/^\d+\.\d+\.\d+$/.test(version)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: 'JmxExporterAgent.download', prop: 'version', found: version,
        expected: 'a jmx_exporter release such as 1.1.0', fix: "Use JmxExporterAgent.download('1.1.0').",
      });
    }
    const checksum = sha256 ?? PINNED_SHA256[version];
    if (checksum === undefined || !/^[0-9a-f]{64}$/.test(checksum)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: 'JmxExporterAgent.download', prop: 'sha256', found: sha256 ?? 'none',
        expected: `the jar's SHA-256, 64 lower-case hex digits (pinned only for ${Object.keys(PINNED_SHA256).join(', ')}): an unverified jar is not loaded into the broker JVM`,
        fix: `Pass the checksum: JmxExporterAgent.download('${version}', '<sha256 of jmx_prometheus_javaagent-${version}.jar>'), or use JmxExporterAgent.fromImage(...).`,
      });
    }
    const url = `https://github.com/prometheus/jmx_exporter/releases/download/${version}/jmx_prometheus_javaagent-${version}.jar`;
    const script = [
      'set -eu',
      `curl -fsSL --retry 5 -o ${shellWord(KafkaPodPaths.JMX_EXPORTER_JAR)} ${shellWord(url)}`,
      `echo "${checksum}  ${KafkaPodPaths.JMX_EXPORTER_JAR}" | sha256sum -c -`,
    ].join('\n');
    return new JmxExporterAgent(CURL_IMAGE, ['/bin/sh', '-c', script], `jmx_exporter ${version} from its GitHub release, SHA-256 ${checksum}`);
  }

  /**
   * Copies the agent jar out of an image you build or mirror (air-gapped clusters), for example
   * `FROM busybox` plus `COPY jmx_prometheus_javaagent-1.1.0.jar /agent/jmx_prometheus_javaagent.jar`.
   * The image needs `/bin/sh` and `cp`.
   */
  public static fromImage(image: string, jarPath: string): JmxExporterAgent {
    if (typeof image !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(image)) {
      throw KafkaIacError.grammar({
        code: 'KIAC-PROP', path: 'JmxExporterAgent.fromImage', prop: 'image', found: image,
        grammar: "an image reference: letters, digits and . _ - / : @", fix: "Use JmxExporterAgent.fromImage('registry.example.com/jmx-agent:1.1.0', '/agent/jmx_prometheus_javaagent.jar').",
      });
    }
    checkAbsolutePath(jarPath, { code: 'KIAC-PROP', path: 'JmxExporterAgent.fromImage', prop: 'jarPath' });
    return new JmxExporterAgent(image, ['/bin/sh', '-c', `cp ${shellWord(jarPath)} ${shellWord(KafkaPodPaths.JMX_EXPORTER_JAR)}`], `the agent in ${image}`);
  }

  private constructor(
    /** The init container's image. */
    public readonly image: string,
    /** The init container's command. */
    public readonly command: readonly string[],
    /** Where the jar comes from, for documentation and reports. */
    public readonly description: string,
  ) {}
}
