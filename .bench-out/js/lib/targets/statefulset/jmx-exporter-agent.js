"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JmxExporterAgent = exports.CURL_IMAGE = void 0;
const errors_1 = require("../../model/errors");
const kafka_node_properties_1 = require("./kafka-node-properties");
/** The curl image the init containers use (the official image of the curl project). */
exports.CURL_IMAGE = 'curlimages/curl:8.11.1';
/**
 * Where the Prometheus JMX exporter java agent comes from. The `apache/kafka` image has no
 * agent, so an init container puts the jar into a shared `emptyDir`, and the Kafka container
 * loads it with `KAFKA_OPTS=-javaagent:...=9404:<rules file>`.
 * @see https://github.com/prometheus/jmx_exporter
 */
class JmxExporterAgent {
    image;
    command;
    description;
    /**
     * Downloads the agent jar from Maven Central in an init container (needs egress to
     * repo1.maven.org). With `sha256`, the download is checked with `sha256sum -c`.
     * @param version the jmx_exporter release, default '1.1.0'
     * @param sha256 the jar's SHA-256 (hex); recommended
     */
    static download(version = '1.1.0', sha256) {
        if (!/^\d+\.\d+\.\d+$/.test(version)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path: 'JmxExporterAgent.download', prop: 'version', found: version,
                expected: 'a jmx_exporter release such as 1.1.0', fix: "Use JmxExporterAgent.download('1.1.0').",
            });
        }
        if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path: 'JmxExporterAgent.download', prop: 'sha256', found: sha256,
                expected: '64 lower-case hex digits', fix: 'Copy the checksum from the .sha256 file next to the jar on Maven Central.',
            });
        }
        const url = `https://repo1.maven.org/maven2/io/prometheus/jmx/jmx_prometheus_javaagent/${version}/jmx_prometheus_javaagent-${version}.jar`;
        const script = [
            'set -eu',
            `curl -fsSL --retry 5 -o ${kafka_node_properties_1.KafkaPodPaths.JMX_EXPORTER_JAR} ${url}`,
            ...(sha256 ? [`echo "${sha256}  ${kafka_node_properties_1.KafkaPodPaths.JMX_EXPORTER_JAR}" | sha256sum -c -`] : []),
        ].join('\n');
        return new JmxExporterAgent(exports.CURL_IMAGE, ['/bin/sh', '-c', script], `jmx_exporter ${version} from Maven Central`);
    }
    /**
     * Copies the agent jar out of an image you build or mirror (air-gapped clusters), for example
     * `FROM busybox` plus `COPY jmx_prometheus_javaagent-1.1.0.jar /agent/jmx_prometheus_javaagent.jar`.
     * The image needs `/bin/sh` and `cp`.
     */
    static fromImage(image, jarPath) {
        if (typeof image !== 'string' || image.trim() === '' || typeof jarPath !== 'string' || !jarPath.startsWith('/')) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path: 'JmxExporterAgent.fromImage', prop: 'image/jarPath', found: { image, jarPath },
                expected: 'an image reference and an absolute jar path inside it', fix: "Use JmxExporterAgent.fromImage('registry.example.com/jmx-agent:1.1.0', '/agent/jmx_prometheus_javaagent.jar').",
            });
        }
        return new JmxExporterAgent(image, ['/bin/sh', '-c', `cp ${jarPath} ${kafka_node_properties_1.KafkaPodPaths.JMX_EXPORTER_JAR}`], `the agent in ${image}`);
    }
    constructor(
    /** The init container's image. */
    image, 
    /** The init container's command. */
    command, 
    /** Where the jar comes from, for documentation and reports. */
    description) {
        this.image = image;
        this.command = command;
        this.description = description;
    }
}
exports.JmxExporterAgent = JmxExporterAgent;
