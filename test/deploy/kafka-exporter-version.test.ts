import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { KafkaVersion } from '../../lib/model/kafka-version';
import { exampleDist } from '../support/paths';
import { statefulSetChart, synth } from '../support/statefulset-fixture';

/*
 * danielqsj/kafka_exporter v1.9.0, kafka_exporter.go:
 *   toFlagStringVar("kafka.version", "Kafka broker version", sarama.V2_0_0_0.String(), &opts.kafkaVersion)
 * and config.Version = sarama.ParseKafkaVersion(opts.kafkaVersion): without the flag the client
 * speaks to the cluster as to Kafka 2.0.0. IBM/sarama ParseKafkaVersion accepts any `x.y.z`
 * (validPostKafka1Version `^\d+\.\d+\.\d+$`).
 */
function exporterArgs(objects: readonly Record<string, any>[]): string[] {
  const deployment = objects.find((o) => o.kind === 'Deployment' && String(o.metadata.name).endsWith('-kafka-exporter'))!;
  return deployment.spec.template.spec.containers[0].args;
}

describe('Kafka Exporter on the StatefulSet target runs with the cluster\'s Kafka version', () => {
  it('passes --kafka.version equal to the cluster version, a version sarama parses', () => {
    const { chart } = statefulSetChart({ cluster: { kafkaVersion: KafkaVersion.V4_2_0 } });
    const args = exporterArgs(synth(chart));
    expect(args).toContain('--kafka.version=4.2.0');
    expect(args.filter((a) => a.startsWith('--kafka.version='))).toHaveLength(1);
  });

  it('the development example passes the version of its apache/kafka image', () => {
    const dir = exampleDist('development');
    const objects = fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml'))
      .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()));
    const image: string = objects.find((o) => o.kind === 'StatefulSet')!.spec.template.spec.containers.find((c: any) => c.name === 'kafka').image;
    const version = image.slice(image.lastIndexOf(':') + 1);
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(exporterArgs(objects)).toContain(`--kafka.version=${version}`);
  });
});
