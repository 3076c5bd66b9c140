import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { KubernetesDocument } from '../contract/document';
import { manifestOf, type OutputRenderContext } from '../model/environment';

/**
 * Every API object under `scope`, as it will be written (after JSON patches). `rendered`, when
 * given, is told each object's manifest (a chart synthesis keeps it for writing). With `context`,
 * each manifest is rendered once for the synthesis (an output file may have read it already).
 */
export function kubernetesDocuments(scope: IConstruct, rendered?: (o: ApiObject, json: Record<string, any>) => void, context?: OutputRenderContext): KubernetesDocument[] {
  return scope.node.findAll().filter(ApiObject.isApiObject).map((o) => {
    const body = manifestOf(o, context);
    rendered?.(o, body);
    return {
      source: 'kubernetes', apiVersion: body.apiVersion, kind: body.kind,
      name: body.metadata?.name, namespace: body.metadata?.namespace, path: o.node.path, body,
    };
  });
}
