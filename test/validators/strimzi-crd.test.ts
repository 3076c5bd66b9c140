import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { EXAMPLE_ENVIRONMENTS, exampleDist } from '../support/paths';
import { strimziValidators, validateStrimziObject } from '../support/strimzi-schemas';

/** Every kafka.strimzi.io object in every example environment's manifests. */
function exampleStrimziObjects(): { env: string; file: string; obj: Record<string, any> }[] {
  const out: { env: string; file: string; obj: Record<string, any> }[] = [];
  for (const env of EXAMPLE_ENVIRONMENTS) {
    const dir = exampleDist(env);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml')).sort()) {
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
        const obj = doc.toJS();
        if (typeof obj?.apiVersion === 'string' && obj.apiVersion.startsWith('kafka.strimzi.io/')) out.push({ env, file, obj });
      }
    }
  }
  return out;
}

describe('Strimzi CRD schemas (schemas/strimzi, generated from the Strimzi 1.2.0 CRDs)', () => {
  const objects = exampleStrimziObjects();

  it('compiles one validator per served kind and version, all kafka.strimzi.io/v1', () => {
    const keys = [...strimziValidators().keys()].sort();
    expect(keys).toEqual(expect.arrayContaining(['Kafka@kafka.strimzi.io/v1', 'KafkaNodePool@kafka.strimzi.io/v1', 'KafkaTopic@kafka.strimzi.io/v1', 'KafkaUser@kafka.strimzi.io/v1']));
    expect(keys.every((k) => k.endsWith('@kafka.strimzi.io/v1'))).toBe(true);
  });

  it('finds the staging Kafka and its node pools among the example manifests', () => {
    const staging = objects.filter((o) => o.env === 'staging').map((o) => o.obj.kind);
    expect(staging).toContain('Kafka');
    expect(staging.filter((k) => k === 'KafkaNodePool').length).toBeGreaterThanOrEqual(2);
  });

  it('accepts every kafka.strimzi.io object of every example environment', () => {
    const failures = objects
      .map(({ env, file, obj }) => ({ where: `${env}/${file} ${obj.kind}/${obj.metadata?.name}`, errors: validateStrimziObject(obj) }))
      .filter((r) => r.errors.length > 0);
    expect(failures).toEqual([]);
  });

  it('rejects a misspelt field (deleteClam) in a KafkaNodePool volume', () => {
    const pool = structuredClone(objects.find((o) => o.obj.kind === 'KafkaNodePool')!.obj);
    pool.spec.storage.volumes[0].deleteClam = true;
    expect(validateStrimziObject(pool)).toContainEqual({ path: '/spec/storage/volumes/0', message: "unknown field 'deleteClam'" });
  });

  it('rejects a misspelt field in the Kafka template (maxUnavalable)', () => {
    const kafka = structuredClone(objects.find((o) => o.obj.kind === 'Kafka')!.obj);
    kafka.spec.kafka.template.podDisruptionBudget = { maxUnavalable: 1 };
    expect(validateStrimziObject(kafka)).toContainEqual({ path: '/spec/kafka/template/podDisruptionBudget', message: "unknown field 'maxUnavalable'" });
  });

  it('keeps free-form maps open: spec.kafka.config accepts any broker key', () => {
    const kafka = structuredClone(objects.find((o) => o.obj.kind === 'Kafka')!.obj);
    kafka.spec.kafka.config['num.replica.fetchers'] = 4;
    expect(validateStrimziObject(kafka)).toEqual([]);
  });

  it('rejects a listener authentication type the CRD does not know (plain)', () => {
    const kafka = structuredClone(objects.find((o) => o.obj.kind === 'Kafka')!.obj);
    kafka.spec.kafka.listeners[0].authentication = { type: 'plain' };
    expect(validateStrimziObject(kafka).map((e) => e.path)).toContain('/spec/kafka/listeners/0/authentication/type');
  });

  it('rejects an API version Strimzi 1.2 no longer serves (v1beta2)', () => {
    const kafka = { ...objects.find((o) => o.obj.kind === 'Kafka')!.obj, apiVersion: 'kafka.strimzi.io/v1beta2' };
    expect(validateStrimziObject(kafka)[0].message).toMatch(/no Strimzi 1.2 CRD serves Kafka kafka.strimzi.io\/v1beta2/);
  });
});
