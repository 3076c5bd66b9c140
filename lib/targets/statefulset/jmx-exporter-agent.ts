import { KafkaIacError } from '../../model/errors';
import { checkAbsolutePath } from '../../model/grammar/names';
import { shellWord } from '../../contract/writers/shell';
import { KafkaPodPaths } from './kafka-node-properties';

/** The curl image the init containers use (the official image of the curl project). */
export const CURL_IMAGE = 'curlimages/curl:8.11.1';

/**
 * Where the Prometheus JMX exporter java agent comes from. The `apache/kafka` image has no
 * agent, so an init container puts the jar into a shared `emptyDir`, and the Kafka container
 * loads it with `KAFKA_OPTS=-javaagent:...=9404:<rules file>`.
 * @see https://github.com/prometheus/jmx_exporter
 */
export class JmxExporterAgent {
  /**
   * Downloads the agent jar from Maven Central in an init container (needs egress to
   * repo1.maven.org). With `sha256`, the download is checked with `sha256sum -c`.
   * @param version the jmx_exporter release, default '1.1.0'
   * @param sha256 the jar's SHA-256 (hex); recommended
   */
  public static download(version: string = '1.1.0', sha256?: string): JmxExporterAgent {
    if (!/^\d+\.\d+\.\d+$/.test(version)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: 'JmxExporterAgent.download', prop: 'version', found: version,
        expected: 'a jmx_exporter release such as 1.1.0', fix: "Use JmxExporterAgent.download('1.1.0').",
      });
    }
    if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: 'JmxExporterAgent.download', prop: 'sha256', found: sha256,
        expected: '64 lower-case hex digits', fix: 'Copy the checksum from the .sha256 file next to the jar on Maven Central.',
      });
    }
    const url = `https://repo1.maven.org/maven2/io/prometheus/jmx/jmx_prometheus_javaagent/${version}/jmx_prometheus_javaagent-${version}.jar`;
    const script = [
      'set -eu',
      `curl -fsSL --retry 5 -o ${shellWord(KafkaPodPaths.JMX_EXPORTER_JAR)} ${shellWord(url)}`,
      ...(sha256 ? [`echo "${sha256}  ${KafkaPodPaths.JMX_EXPORTER_JAR}" | sha256sum -c -`] : []),
    ].join('\n');
    return new JmxExporterAgent(CURL_IMAGE, ['/bin/sh', '-c', script], `jmx_exporter ${version} from Maven Central`);
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
