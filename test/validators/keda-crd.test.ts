import { describe, expect, it } from 'vitest';
import { kedaValidators, validateKedaObject } from '../support/keda-schemas';

// The schemas are the openAPIV3Schema of KEDA v2.20.2 config/crd/bases/keda.sh_scaledobjects.yaml
// and keda.sh_triggerauthentications.yaml (schemas/keda/NOTICE).
describe('KEDA CRD schemas (schemas/keda, KEDA 2.20.2)', () => {
  const scaledObject = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: 'orders', namespace: 'shop' },
    spec: {
      scaleTargetRef: { name: 'orders' },
      minReplicaCount: 2,
      maxReplicaCount: 6,
      triggers: [{ type: 'kafka', metadata: { topic: 'orders' }, authenticationRef: { name: 'orders' } }],
    },
  };

  it('compiles one validator per kind, both keda.sh/v1alpha1', () => {
    expect([...kedaValidators().keys()].sort()).toEqual(['ScaledObject@keda.sh/v1alpha1', 'TriggerAuthentication@keda.sh/v1alpha1']);
  });

  it('accepts a minimal ScaledObject', () => {
    expect(validateKedaObject(scaledObject)).toEqual([]);
  });

  it('rejects a ScaledObject without triggers (required by the CRD)', () => {
    const { triggers: _omitted, ...spec } = scaledObject.spec;
    expect(validateKedaObject({ ...scaledObject, spec })).toContainEqual({ path: '/spec', message: "must have required property 'triggers'" });
  });

  it('rejects a misspelt field (maxReplicas instead of maxReplicaCount)', () => {
    const obj = structuredClone(scaledObject) as any;
    obj.spec.maxReplicas = 6;
    expect(validateKedaObject(obj)).toContainEqual({ path: '/spec', message: "unknown field 'maxReplicas'" });
  });

  it('rejects a non-string trigger metadata value (metadata is map[string]string)', () => {
    const obj = structuredClone(scaledObject) as any;
    obj.spec.triggers[0].metadata.lagThreshold = 1000;
    expect(validateKedaObject(obj).map((e) => e.path)).toContain('/spec/triggers/0/metadata/lagThreshold');
  });

  it('accepts a TriggerAuthentication with secretTargetRef and rejects one with a misspelt key', () => {
    const auth = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'TriggerAuthentication',
      metadata: { name: 'orders', namespace: 'shop' },
      spec: { secretTargetRef: [{ parameter: 'password', name: 'orders-user', key: 'password' }] },
    };
    expect(validateKedaObject(auth)).toEqual([]);
    const bad = structuredClone(auth) as any;
    bad.spec.secretTargetRef[0].secretKey = 'password';
    expect(validateKedaObject(bad)).toContainEqual({ path: '/spec/secretTargetRef/0', message: "unknown field 'secretKey'" });
  });

  it('refuses an unknown apiVersion', () => {
    expect(validateKedaObject({ ...scaledObject, apiVersion: 'keda.sh/v1' })).toEqual([{ path: '', message: 'no KEDA 2.20.2 CRD serves ScaledObject keda.sh/v1' }]);
  });
});
