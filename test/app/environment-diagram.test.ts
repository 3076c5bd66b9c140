// The environment diagrams (dist/<env>/diagram.md) against the documents each example wrote.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Environment } from '../../lib/model/environment';
import type { KubernetesDocument } from '../../lib/contract/document';
import { decodeMermaidLabel, mermaidLabel } from '../../lib/contract/mermaid-flowchart';
import { environmentDiagram } from '../../lib/app/environment-diagram';
import { EXAMPLE_ENVIRONMENTS, exampleDist, exampleTerraform } from '../support/paths';

/** The Mermaid source of a diagram.md, and its labels decoded. */
function mermaidOf(markdown: string): { source: string; text: string } {
  const m = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  expect(m, 'a mermaid block').not.toBeNull();
  const source = m![1]!;
  return { source, text: decodeMermaidLabel(source.replace(/<br>/g, '\n')) };
}

/** Every quoted label holds only the characters mermaidLabel leaves as they are, and entity codes. */
function expectEscaped(source: string): void {
  for (const label of source.match(/"[^"]*"/g) ?? []) {
    expect(label.slice(1, -1).replace(/<br>/g, ''), label).toMatch(/^(?:[A-Za-z0-9 .,:/_+=@()-]|#\d+;)*$/);
  }
  // Every subgraph is closed by its own `end`: no label opened or closed one.
  expect((source.match(/^\s*subgraph /gm) ?? []).length).toBe((source.match(/^\s*end$/gm) ?? []).length);
}

function terraformOf(env: string): Record<string, Record<string, any>> {
  const file = exampleTerraform(env);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).resource ?? {} : {};
}

function kubernetesOf(env: string): any[] {
  const dir = exampleDist(env);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml'))
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()).filter(Boolean));
}

describe('the diagram of every example environment matches its documents', () => {
  for (const env of EXAMPLE_ENVIRONMENTS) {
    it(env, () => {
      const { source, text } = mermaidOf(fs.readFileSync(path.join(exampleDist(env), 'diagram.md'), 'utf8'));
      expectEscaped(source);
      const tf = terraformOf(env);
      const k8s = kubernetesOf(env);
      let clusters = 0;
      for (const c of Object.values(tf.aws_msk_cluster ?? {})) {
        clusters++;
        expect(text).toContain(`MSK cluster ${c.cluster_name}`);
        expect(text).toContain(`${c.number_of_broker_nodes} brokers`);
        const subnets = c.broker_node_group_info.client_subnets as string[];
        for (const ref of subnets) {
          const subnet = tf.aws_subnet[/aws_subnet\.([^.]+)\.id/.exec(ref)![1]!];
          expect(text).toContain(`zone ${subnet.availability_zone}`);
          expect(text).toContain(`${c.number_of_broker_nodes / subnets.length} brokers\nsubnet ${subnet.cidr_block}`);
        }
      }
      for (const rule of Object.values(tf.aws_vpc_security_group_ingress_rule ?? {})) {
        if (rule.cidr_ipv4) expect(text).toContain(`${rule.cidr_ipv4} (${rule.description})`);
      }
      for (const r of Object.values(tf.aws_msk_replicator ?? {})) expect(text).toContain(`MSK Replicator ${r.replicator_name}`);
      const alarms = Object.keys(tf.aws_cloudwatch_metric_alarm ?? {}).length;
      if (alarms > 0) expect(text).toContain(`CloudWatch: ${alarms} alarms`);
      for (const d of k8s) {
        if (d.kind === 'Kafka') {
          clusters++;
          expect(text).toContain(`Strimzi Kafka ${d.metadata.name}`);
          for (const l of d.spec.kafka.listeners) expect(text).toContain(`listener ${l.name} :${l.port}`);
        }
        if (d.kind === 'KafkaNodePool') expect(text).toContain(`node pool ${d.metadata.name}: ${d.spec.replicas} replicas\nroles ${d.spec.roles.join(', ')}`);
        if (d.kind === 'StatefulSet') {
          clusters++;
          expect(text).toContain(`StatefulSet ${d.metadata.name}: ${d.spec.replicas} replicas`);
        }
        if (d.kind === 'KafkaMirrorMaker2') expect(text).toContain(`MirrorMaker 2 ${d.metadata.name}: ${d.spec.replicas} replicas`);
        if (d.kind === 'NetworkPolicy') expect(text).toContain(`NetworkPolicy ${d.metadata.name}`);
        if (d.kind === 'PodMonitor') expect(text).toContain(d.metadata.name);
      }
      expect(clusters, 'every example environment has a cluster').toBeGreaterThan(0);
    });
  }

  it('draws a DR link into each DR environment', () => {
    expect(mermaidOf(fs.readFileSync(path.join(exampleDist('dr'), 'diagram.md'), 'utf8')).text).toContain('MSK cluster of production (us-east-1)');
    expect(mermaidOf(fs.readFileSync(path.join(exampleDist('staging-dr'), 'diagram.md'), 'utf8')).text).toMatch(/MirrorMaker 2 mm2-staging-to-staging-dr[\s\S]*==>/);
  });
});

describe('Mermaid labels', () => {
  it('escapes what could end a label, an edge or a subgraph, and decodes back', () => {
    const hostile = 'a"]-->x; end #1 |b| <script>`';
    const label = mermaidLabel(hostile);
    expect(label).toMatch(/^(?:[A-Za-z0-9 .,:/_+=@()-]|#\d+;)*$/);
    expect(label).toContain('#34;');
    expect(decodeMermaidLabel(label)).toBe(hostile);
  });

  it('keeps a hostile resource name inside its label in a whole diagram', () => {
    const env = Environment.staging({ name: 'staging', region: 'us-east-1' });
    const name = 'x"]\nend\nsubgraph y["';
    const docs: KubernetesDocument[] = [
      { source: 'kubernetes', apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', name, namespace: 'kafka', path: 'c/k', body: { metadata: { name }, spec: { kafka: { listeners: [{ name: 'tls', port: 9093, type: 'internal', tls: true, networkPolicyPeers: [{ ipBlock: { cidr: '10.0.0.0/8"]' } }] }] } } } },
      { source: 'kubernetes', apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaNodePool', name: 'pool', namespace: 'kafka', path: 'c/p', body: { metadata: { name: 'pool', labels: { 'strimzi.io/cluster': name } }, spec: { replicas: 3, roles: ['broker'] } } },
    ];
    const { source, text } = mermaidOf(environmentDiagram(env, docs));
    expectEscaped(source);
    expect(text).toContain(`Strimzi Kafka ${name.replace(/\n/g, ' ')}`);
    expect(text).toContain('node pool pool: 3 replicas');
    expect(text).toContain('network 10.0.0.0/8"]');
  });
});
