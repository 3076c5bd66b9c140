import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, Yaml } from 'cdk8s';
import { describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Environment, KafkaApp } from '../../lib';
import { defineRule, Severity } from '../../lib/rules/define-rule';
import { NOT_APPLICABLE, type RuleOutcome } from '../../lib/rules/rule';
import { TEST_OUT } from '../support/paths';

/**
 * KafkaApp writes the manifests of its charts through lib/contract/yaml-writer.ts
 * (`writeManifestYaml`) instead of cdk8s' `yaml` node tree, with the bytes cdk8s writes, and
 * leaves cdk8s' `Yaml.save` as it found it (docs/performance.md).
 */
function app(name: string, failing = false) {
  const dir = path.join(TEST_OUT, 'manifest-writer', name);
  fs.rmSync(dir, { recursive: true, force: true });
  const fails = defineRule({
    id: 'ACME-901', title: 'Fails every ConfigMap.', explanation: 'e', remediation: 'r', severity: Severity.ERROR,
    targets: { any: (doc): RuleOutcome => (failing && doc.source === 'kubernetes' && doc.kind === 'ConfigMap' ? { status: 'non-compliant', findings: [{ found: 'a ConfigMap', expected: 'none' }] } : NOT_APPLICABLE) },
  });
  const kafka = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), rules: [fails], quiet: true });
  const env = Environment.development({ name: 'development', region: 'us-east-1' });
  const chart = kafka.chart(env, 'kafka');
  new ApiObject(chart, 'Script', { apiVersion: 'v1', kind: 'ConfigMap', data: { 'run.sh': 'set -e\n  echo "yes: no"\n', flag: 'on', when: '2024-01-01', port: '0777' } });
  new ApiObject(chart, 'Account', { apiVersion: 'v1', kind: 'ServiceAccount', automountServiceAccountToken: false });
  return { kafka, file: path.join(dir, 'dist', 'development', 'kafka.k8s.yaml') };
}

describe('KafkaApp writes its manifests through writeManifestYaml', () => {
  it('writes the bytes cdk8s writes, without cdk8s\' yaml, and gives cdk8s its Yaml.save back', () => {
    const save = Yaml.save;
    const { kafka, file } = app('plain');
    const stringify = vi.spyOn(Yaml, 'stringify');
    try {
      kafka.synth();
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
    expect(Yaml.save).toBe(save);
    const text = fs.readFileSync(file, 'utf8');
    const docs = parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJSON() as unknown);
    expect(docs.map((d) => (d as { kind: string }).kind)).toEqual(['ConfigMap', 'ServiceAccount']);
    expect(Yaml.stringify(...docs)).toBe(text);
    // cdk8s sorts the keys; the YAML 1.1 words are quoted, the script is a literal block.
    expect(text).toContain('data:\n  flag: "on"\n  port: "0777"\n  run.sh: |\n    set -e\n      echo "yes: no"\n  when: "2024-01-01"\n');
  });

  it('gives cdk8s its Yaml.save back when the synthesis throws', () => {
    const save = Yaml.save;
    const { kafka } = app('failing', true);
    expect(() => kafka.synth()).toThrow(/ACME-901/);
    expect(Yaml.save).toBe(save);
  });
});
