import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { KubernetesDocument } from '../contract/document';

/** Every API object under `scope`, as it will be written (after JSON patches). */
export function kubernetesDocuments(scope: IConstruct): KubernetesDocument[] {
  return scope.node.findAll().filter(ApiObject.isApiObject).map((o) => {
    const body = o.toJson() as Record<string, any>;
    return {
      source: 'kubernetes', apiVersion: body.apiVersion, kind: body.kind,
      name: body.metadata?.name, namespace: body.metadata?.namespace, path: o.node.path, body,
    };
  });
}
