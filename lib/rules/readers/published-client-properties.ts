import { readProperties } from '../../contract/writers/properties';
import type { SynthesizedDocument } from '../../contract/document';
import { oncePer } from '../../model/once-per';
import { RuleTarget } from '../rule';

import { CLIENT_PRODUCER_LABEL, CLIENT_PROPERTIES_ARTEFACT_KIND, CLIENT_PROPERTIES_KEY, CLIENT_PROPERTIES_LABEL, TARGET_LABEL } from '../../contract/vocabulary';

/** One principal's published client properties, as a rule reads them. */
export interface PublishedClientProperties {
  readonly principal: string;
  readonly target: RuleTarget;
  readonly producer: boolean;
  /** True when the properties carry a consumer group (`group.id` or `group.protocol`). */
  readonly consumer: boolean;
  readonly properties: Readonly<Record<string, string>>;
}

/**
 * The client properties a document publishes: a Kubernetes ConfigMap labelled
 * `kafka-iac.dev/client-properties`, or the MSK `terraform_data` artefact. Empty for any
 * other document. Read once per document (a new array each call): the PERF, HA and SEC rules
 * read the same properties, and a synthesized document does not change while the rules run.
 */
export function publishedClientProperties(doc: SynthesizedDocument): PublishedClientProperties[] {
  // Only a terraform_data or a ConfigMap can publish any: every other document is answered at
  // once, without the cache, as three rules ask for every document.
  if (doc.source === 'terraform' ? doc.type !== 'terraform_data' : doc.kind !== 'ConfigMap') return [];
  return [...readPublished(doc)];
}

const readPublished = oncePer((doc: SynthesizedDocument): readonly PublishedClientProperties[] => {
  if (doc.source === 'terraform') {
    if (doc.body.input?.kind !== CLIENT_PROPERTIES_ARTEFACT_KIND) return [];
    const principals: Record<string, { producer?: unknown; properties?: unknown }> = doc.body.input.principals ?? {};
    return Object.entries(principals).map(([principal, p]) => read(principal, RuleTarget.MSK, p?.producer === true || p?.producer === 'true', String(p?.properties ?? '')));
  }
  const labels = doc.body.metadata?.labels ?? {};
  const principal = labels[CLIENT_PROPERTIES_LABEL];
  const text = doc.body.data?.[CLIENT_PROPERTIES_KEY];
  if (principal === undefined || typeof text !== 'string') return [];
  const target = labels[TARGET_LABEL] === RuleTarget.STATEFULSET ? RuleTarget.STATEFULSET : RuleTarget.STRIMZI;
  return [read(String(principal), target, labels[CLIENT_PRODUCER_LABEL] === 'true', text)];
});

function read(principal: string, target: RuleTarget, producerFlag: boolean, text: string): PublishedClientProperties {
  const properties = readProperties(text);
  return {
    principal, target, properties,
    producer: producerFlag || properties.acks !== undefined,
    consumer: properties['group.id'] !== undefined || properties['group.protocol'] !== undefined,
  };
}
