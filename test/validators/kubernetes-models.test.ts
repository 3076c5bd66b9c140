import * as fs from 'node:fs';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ENVIRONMENTS, exampleDist } from '../support/paths';
import { UnknownFieldChecker, isCoreObject, manifestObjects, validateWithModel, type ManifestObject } from '../support/kubernetes-validation';
import { find, statefulSetChart, synth } from '../support/statefulset-fixture';

/**
 * cert-manager is a CRD, so kubernetes-models has no class for it. This schema covers the
 * `Certificate` fields kafka-iac writes, closed against typos, with the enums of cert-manager v1
 * (written from the cert-manager v1 API reference; the CRD itself is not vendored here). Fields
 * outside it (subject, uris, nameConstraints, ...) are rejected too, which is stricter than the
 * CRD: extend the schema when the library starts writing them.
 */
const CERTIFICATE_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'cert-manager.io/v1' },
    kind: { const: 'Certificate' },
    metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' } } },
    spec: {
      type: 'object', additionalProperties: false, required: ['secretName', 'issuerRef'],
      properties: {
        secretName: { type: 'string', minLength: 1 },
        secretTemplate: { type: 'object', additionalProperties: false, properties: { labels: { type: 'object', additionalProperties: { type: 'string' } }, annotations: { type: 'object', additionalProperties: { type: 'string' } } } },
        commonName: { type: 'string', maxLength: 64 },
        dnsNames: { type: 'array', items: { type: 'string' } },
        duration: { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$' },
        renewBefore: { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$' },
        renewBeforePercentage: { type: 'integer', minimum: 1, maximum: 99 },
        privateKey: {
          type: 'object', additionalProperties: false,
          properties: {
            algorithm: { enum: ['RSA', 'ECDSA', 'Ed25519'] }, size: { type: 'integer' },
            encoding: { enum: ['PKCS1', 'PKCS8'] }, rotationPolicy: { enum: ['Never', 'Always'] },
          },
        },
        usages: {
          type: 'array',
          items: { enum: ['signing', 'digital signature', 'content commitment', 'key encipherment', 'key agreement', 'data encipherment', 'cert sign', 'crl sign', 'encipher only', 'decipher only', 'any', 'server auth', 'client auth', 'code signing', 'email protection', 's/mime', 'ipsec end system', 'ipsec tunnel', 'ipsec user', 'timestamping', 'ocsp signing', 'microsoft sgc', 'netscape sgc'] },
        },
        issuerRef: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1 }, kind: { type: 'string' }, group: { type: 'string' } } },
        keystores: {
          type: 'object', additionalProperties: false,
          properties: {
            pkcs12: {
              type: 'object', additionalProperties: false, required: ['create'],
              properties: {
                create: { type: 'boolean' },
                profile: { enum: ['LegacyRC2', 'LegacyDES', 'Modern2023'] },
                passwordSecretRef: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' }, key: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
  },
} as const;

describe('kubernetes-models validation of the example manifests', () => {
  const objects: ManifestObject[] = EXAMPLE_ENVIRONMENTS
    .filter((env) => fs.existsSync(exampleDist(env)))
    .flatMap((env) => manifestObjects(exampleDist(env)).map((o) => ({ ...o, file: `${env}/${o.file}` })));
  const core = objects.filter((o) => isCoreObject(o.body));
  let checker: UnknownFieldChecker;

  beforeAll(() => {
    checker = UnknownFieldChecker.forKinds(core.map((o) => o.body as { apiVersion: string; kind: string }));
  });

  it('finds core objects in the examples (the development StatefulSet cluster among them)', () => {
    expect(core.map((o) => `${o.body.kind}/${o.body.metadata?.name}`)).toEqual(expect.arrayContaining(['StatefulSet/dev-kafka-combined', 'PodDisruptionBudget/dev-kafka-kafka', 'NetworkPolicy/dev-kafka-deny-ingress']));
  });

  it('includes every PodMonitor, PrometheusRule and AlertmanagerConfig of the examples (Prometheus Operator models)', () => {
    const monitoring = core.filter((o) => /^monitoring\.coreos\.com\/v1(alpha1)?$/.test(String(o.body.apiVersion)));
    expect(new Set(monitoring.map((o) => `${o.body.apiVersion} ${o.body.kind}`))).toEqual(new Set([
      'monitoring.coreos.com/v1 PodMonitor', 'monitoring.coreos.com/v1 PrometheusRule', 'monitoring.coreos.com/v1alpha1 AlertmanagerConfig',
    ]));
    expect(monitoring.length).toBe(objects.filter((o) => /^monitoring\.coreos\.com\//.test(String(o.body.apiVersion))).length);
  });

  it('passes kubernetes-models validate() for every core object of every example', async () => {
    const failures: string[] = [];
    for (const o of core) {
      const error = await validateWithModel(o.body);
      if (error) failures.push(`${o.file}#${o.index} ${o.body.kind}/${o.body.metadata?.name}: ${error}`);
    }
    expect(failures).toEqual([]);
  });

  it('has no field name outside the Kubernetes schema in any core object of any example', () => {
    const failures = core.flatMap((o) => checker.unknownFields(o.body).map((f) => `${o.file}#${o.index} ${o.body.kind}/${o.body.metadata?.name}: ${f}`));
    expect(failures).toEqual([]);
  });

  it('passes the cert-manager Certificate schema for every Certificate of every example', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(CERTIFICATE_SCHEMA);
    const certificates = objects.filter((o) => o.body.kind === 'Certificate' && o.body.apiVersion === 'cert-manager.io/v1');
    expect(certificates.length).toBeGreaterThan(0);
    const failures = certificates.filter((o) => !validate(o.body)).map((o) => `${o.file} ${o.body.metadata?.name}: ${JSON.stringify(validate.errors)}`);
    expect(failures).toEqual([]);
  });
});

describe('the validators reject what they should', () => {
  const { chart } = statefulSetChart();
  const objects = synth(chart);
  const pdb = find(objects, 'PodDisruptionBudget', 'orders-kafka');
  const sts = find(objects, 'StatefulSet', 'orders-broker');
  const checker = UnknownFieldChecker.forKinds([pdb, sts] as { apiVersion: string; kind: string }[]);

  it('rejects a maxUnavalable typo that kubernetes-models alone accepts', async () => {
    const typo = { ...pdb, spec: { selector: pdb.spec.selector, maxUnavalable: 1 } };
    expect(await validateWithModel(typo)).toBeUndefined();
    expect(checker.unknownFields(typo)).toEqual(['spec.maxUnavalable']);
  });

  it('rejects a typo deep inside a pod template and accepts free-form labels', () => {
    const bad = structuredClone(sts);
    bad.spec.template.spec.containers[0].readinesProbe = bad.spec.template.spec.containers[0].readinessProbe;
    bad.spec.template.metadata.labels['any-label.example.com/free-form'] = 'yes';
    expect(checker.unknownFields(bad)).toEqual(['spec.template.spec.containers[0].readinesProbe']);
    expect(checker.unknownFields(sts)).toEqual([]);
  });

  it('rejects a typo in a PrometheusRule (Prometheus Operator model) and a wrong type in a PodMonitor', async () => {
    const rule = {
      apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'r' },
      spec: { groups: [{ name: 'g', rules: [{ alert: 'A', expresion: 'up == 0', labels: { severity: 'critical' } }] }] },
    };
    const monitorChecker = UnknownFieldChecker.forKinds([rule]);
    expect(monitorChecker.unknownFields(rule)).toEqual(['spec.groups[0].rules[0].expresion']);
    const monitor = { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', metadata: { name: 'm' }, spec: { selector: {}, podMetricsEndpoints: 'metrics' } };
    expect(await validateWithModel(monitor)).toMatch(/podMetricsEndpoints/);
  });

  it('reports wrong types and bad enums through kubernetes-models', async () => {
    const bad = structuredClone(sts);
    bad.spec.replicas = 'three';
    bad.spec.podManagementPolicy = 'AllAtOnce';
    expect(await validateWithModel(bad)).toMatch(/replicas|podManagementPolicy/);
  });

  it('rejects a Certificate with a bad key algorithm or an unknown field', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(CERTIFICATE_SCHEMA);
    const cert = find(objects, 'Certificate', 'orders-broker-tls');
    expect(validate(cert)).toBe(true);
    expect(validate({ ...cert, spec: { ...cert.spec, privateKey: { ...cert.spec.privateKey, algorithm: 'DSA' } } })).toBe(false);
    expect(validate({ ...cert, spec: { ...cert.spec, renewbefore: '720h' } })).toBe(false);
  });
});
