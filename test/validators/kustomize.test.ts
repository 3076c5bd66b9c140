import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { EXAMPLE_ENVIRONMENTS, exampleDist } from '../support/paths';

/** The example environments whose dist folder has a kustomization (the Kubernetes ones). */
const withKustomization = EXAMPLE_ENVIRONMENTS.filter((env) => fs.existsSync(path.join(exampleDist(env), 'kustomization.yaml')));

describe('kubectl kustomize', () => {
  it('finds the Kubernetes example environments (development on the StatefulSet, staging on Strimzi)', () => {
    expect(withKustomization).toEqual(expect.arrayContaining(['development', 'staging']));
  });

  it.each(withKustomization)('builds dist/%s into the objects of its manifests', (env) => {
    const dir = exampleDist(env);
    const built = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const objects = parseAllDocuments(built).map((d) => d.toJS()).filter((o) => o && typeof o === 'object');
    const expected = fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml'))
      .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()).filter((o) => o && typeof o === 'object'));
    const key = (o: any) => `${o.apiVersion}|${o.kind}|${o.metadata?.namespace ?? ''}|${o.metadata?.name}`;
    expect(objects.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it('fails on a kustomization that names a missing file (the check is real)', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'kustomize-'));
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [missing.k8s.yaml]\n');
    expect(() => execFileSync('kubectl', ['kustomize', dir], { stdio: ['ignore', 'pipe', 'pipe'] })).toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
