import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, JsonPatch } from 'cdk8s';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Testing } from 'cdktf';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Environment, KafkaApp, KafkaPrometheusMonitoring, KafkaStack, KubernetesKafkaTarget, type KafkaChart } from '../../lib';
import { defineRule, Severity } from '../../lib/rules/define-rule';
import { NOT_APPLICABLE } from '../../lib/rules/rule';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';
import { sampleModel } from '../support/access-fixtures';
import { TEST_OUT } from '../support/paths';
import { SCRATCH_APP } from '../support/scratch';

/**
 * One synthesis runs the rules once over each document and renders each object once: cdk8s
 * validates the whole app again inside every Chart.toJson(), which ran the rules of every chart
 * once more per chart of the app, each time rendering every object again (docs/performance.md).
 */
function countingApp(name: string) {
  const checked = new Map<string, number>();
  const counting = defineRule({
    id: 'ACME-900', title: 'Counts the documents it reads.', explanation: 'e', remediation: 'r', severity: Severity.ERROR,
    targets: {
      any: (doc) => {
        checked.set(doc.path, (checked.get(doc.path) ?? 0) + 1);
        return NOT_APPLICABLE;
      },
    },
  });
  const dir = path.join(TEST_OUT, 'synthesis-once', name);
  fs.rmSync(dir, { recursive: true, force: true });
  const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), rules: [counting], quiet: true });
  const env = Environment.development({ name: 'development', region: 'us-east-1' });
  const charts = ['kafka', 'clients', 'tools'].map((id) => app.chart(env, id));
  for (const [i, chart] of charts.entries()) {
    for (const n of [1, 2]) new ApiObject(chart, `Config${n}`, { apiVersion: 'v1', kind: 'ConfigMap', data: { chart: chart.node.id, n: String(n + i) } });
  }
  return { app, charts, checked, dist: path.join(dir, 'dist', 'development') };
}

/** What `run` returned, and how many times it called the method `key` of `proto` (a prototype). */
function callsOf<P extends object, K extends keyof P, T>(proto: P, key: K, run: () => T): { calls: number; result: T } {
  let calls = 0;
  const original = proto[key] as (...args: unknown[]) => unknown;
  proto[key] = function (this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  } as P[K];
  try {
    const result = run();
    return { calls, result };
  } finally {
    proto[key] = original as P[K];
  }
}

const objectsOf = (charts: readonly KafkaChart[]) => charts.flatMap((c) => c.node.findAll().filter(ApiObject.isApiObject));

describe('KafkaApp.synth on Kubernetes: the rules run once per document, each object is rendered once', () => {
  it('reads each of the 6 objects of 3 charts exactly once (cdk8s alone would validate each chart 4 times)', () => {
    const { app, charts, checked } = countingApp('count');
    app.synth();
    expect(objectsOf(charts).map((o) => o.node.path).sort()).toEqual([...checked.keys()].sort());
    expect([...checked.values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('renders each object once, and writes the manifests the rules read', () => {
    const { app, charts, dist } = countingApp('render');
    const objects = objectsOf(charts);
    const { calls: renders } = callsOf(ApiObject.prototype, 'toJson', () => app.synth());
    expect(renders).toBe(objects.length);
    for (const chart of charts) {
      const written = parseAllDocuments(fs.readFileSync(path.join(dist, `${chart.node.id}.k8s.yaml`), 'utf8')).map((d) => d.toJS());
      // After the synthesis every object renders afresh again (no manifest kept on the object).
      expect(written).toEqual(chart.toJson());
      expect(written.map((m) => m.data.chart)).toEqual([chart.node.id, chart.node.id]);
    }
    expect(objects.filter((o) => Object.hasOwn(o, 'toJson'))).toEqual([]);
  });

  it('renders afresh at the next synthesis: a change made after the first one is written', () => {
    const { app, charts, checked, dist } = countingApp('again');
    app.synth();
    new ApiObject(charts[0]!, 'Late', { apiVersion: 'v1', kind: 'ConfigMap', data: { late: 'yes' } });
    app.synth();
    expect(fs.readFileSync(path.join(dist, 'kafka.k8s.yaml'), 'utf8')).toContain('late: "yes"');
    expect(checked.get('kafka/Late')).toBe(1);
    expect(checked.get('kafka/Config1')).toBe(2);
  });
});

describe('KafkaApp.synth on Kubernetes: the rule files read the PrometheusRule once', () => {
  it('renders the PrometheusRule once for all its rule files, the rules and the manifest', () => {
    const dir = path.join(TEST_OUT, 'synthesis-once', 'prometheus-rule');
    fs.rmSync(dir, { recursive: true, force: true });
    const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), rules: [], quiet: true });
    const chart = app.chart(Environment.staging({ name: 'staging', region: 'us-east-1' }), 'kafka');
    const monitoring = new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'staging-kafka', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6 });
    const ruleFiles = monitoring.files.ruleFiles;
    let renders = 0;
    const toJson = monitoring.resource.toJson.bind(monitoring.resource);
    monitoring.resource.toJson = () => {
      renders++;
      return toJson();
    };
    app.synth();
    // Each rule file is the group of the PrometheusRule as synthesized.
    expect(ruleFiles.length).toBeGreaterThan(2);
    const written = parseAllDocuments(fs.readFileSync(path.join(dir, 'dist', 'staging', 'kafka.k8s.yaml'), 'utf8')).map((d) => d.toJS());
    const groups = written.find((m) => m.kind === 'PrometheusRule').spec.groups as { name: string }[];
    for (const file of ruleFiles) {
      const rules = parseAllDocuments(fs.readFileSync(path.join(dir, 'dist', 'staging', file), 'utf8'))[0]!.toJS();
      expect(rules.groups.map((g: { name: string }) => g.name)).toEqual([path.basename(file, '.rules.yml')]);
      expect(groups.map((g) => g.name)).toContain(rules.groups[0].name);
    }
    // Once in all: the rule files read the manifest the synthesis renders for the chart's rules and
    // the written file (manifestOf), not once per file nor once more for the chart.
    expect(renders).toBe(1);
  });
});

describe('KafkaApp.synth on Strimzi: a client-properties ConfigMap is rendered once for its file and its manifest', () => {
  function accessApp(name: string) {
    const dir = path.join(TEST_OUT, 'synthesis-once', name);
    fs.rmSync(dir, { recursive: true, force: true });
    const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), rules: [], quiet: true });
    const env = Environment.production({ name: 'production', region: 'us-east-1', namespace: 'kafka' });
    const access = new StrimziAccess(app.chart(env, 'kafka'), 'Access', { model: sampleModel(env), clusterName: 'main' });
    return { app, access, dist: path.join(dir, 'dist', 'production') };
  }

  const writtenConfigMaps = (dist: string) => new Map(parseAllDocuments(fs.readFileSync(path.join(dist, 'kafka.k8s.yaml'), 'utf8'))
    .map((d) => d.toJS()).filter((m) => m.kind === 'ConfigMap').map((m) => [m.metadata.name as string, m.data['client.properties'] as string]));

  it('renders each ConfigMap once, and the properties file is its data as written, after a JSON patch', () => {
    const { app, access, dist } = accessApp('client-properties');
    const configMaps = [...access.clientProperties.values()];
    access.clientProperties.get('checkout')!.addJsonPatch(JsonPatch.replace('/data/client.properties', 'acks=all\n'));
    const { calls: renders } = callsOf(ApiObject.prototype, 'toJson', () => app.synth());
    // Every object of the chart once: the KafkaUser and KafkaTopic objects and the ConfigMaps (not twice each).
    expect(renders).toBe(access.node.findAll().filter(ApiObject.isApiObject).length);
    expect(configMaps.length).toBe(3);
    const written = writtenConfigMaps(dist);
    for (const principal of access.clientProperties.keys()) {
      expect(fs.readFileSync(path.join(dist, 'clients', `${principal}.properties`), 'utf8')).toBe(written.get(`${principal}-client-properties`));
    }
    expect(fs.readFileSync(path.join(dist, 'clients', 'checkout.properties'), 'utf8')).toBe('acks=all\n');
    expect(configMaps.filter((o) => Object.hasOwn(o, 'toJson'))).toEqual([]);
  });

  it('renders afresh at the next synthesis: a patch added after the first one is in the file and the manifest', () => {
    const { app, access, dist } = accessApp('client-properties-again');
    app.synth();
    expect(fs.readFileSync(path.join(dist, 'clients', 'billing.properties'), 'utf8')).toContain('group.id=billing');
    access.clientProperties.get('billing')!.addJsonPatch(JsonPatch.replace('/data/client.properties', 'late=yes\n'));
    app.synth();
    expect(fs.readFileSync(path.join(dist, 'clients', 'billing.properties'), 'utf8')).toBe('late=yes\n');
    expect(writtenConfigMaps(dist).get('billing-client-properties')).toBe('late=yes\n');
  });
});

describe('KafkaStack.synthesizeOnce: the rules and the output read one rendering of the stack', () => {
  function countingStack() {
    const checked: string[] = [];
    const counting = defineRule({
      id: 'ACME-901', title: 'Counts the documents it reads.', explanation: 'e', remediation: 'r', severity: Severity.ERROR,
      targets: { any: (doc) => { checked.push(doc.path); return NOT_APPLICABLE; } },
    });
    const env = Environment.development({ name: 'development', region: 'us-east-1' });
    const stack = new KafkaStack(Testing.app(SCRATCH_APP), 'development', { environment: env, rules: [counting] });
    new S3Bucket(stack, 'Bucket', { bucket: 'acme-kafka-archive' });
    return { stack, checked };
  }

  // Each rendering of the stack renders its one resource once (KafkaStack renders the stack
  // itself, lib/app/stack-terraform.ts, not through cdktf's TerraformStack.toTerraform).
  function rendersOf(synthesize: () => string): { renders: number; json: string } {
    const { calls, result } = callsOf(S3Bucket.prototype, 'toTerraform', synthesize);
    return { renders: calls, json: result };
  }

  it('renders once for the rules and the JSON inside it, twice outside it, and the JSON is the same', () => {
    const once = countingStack();
    const inside = rendersOf(() => once.stack.synthesizeOnce(() => Testing.synth(once.stack, true)));
    const twice = countingStack();
    const outside = rendersOf(() => Testing.synth(twice.stack, true));
    expect(inside.renders).toBe(1);
    expect(outside.renders).toBe(2);
    expect(inside.json).toBe(outside.json);
    expect(JSON.parse(inside.json).resource.aws_s3_bucket).toBeDefined();
    expect(once.checked).toEqual(twice.checked);
    expect(once.checked).toContain('development/Bucket');
  });

  it('renders afresh after it: a change made after the synthesis is in the next JSON', () => {
    const { stack } = countingStack();
    stack.synthesizeOnce(() => Testing.synth(stack, true));
    new S3Bucket(stack, 'Late', { bucket: 'acme-kafka-late' });
    expect(Object.keys(stack.toTerraform().resource.aws_s3_bucket)).toHaveLength(2);
  });
});
