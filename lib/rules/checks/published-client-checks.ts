import type { TargetCheck } from '../define-rule';
import { Findings, NOT_APPLICABLE } from '../rule';
import { publishedClientProperties } from '../readers/published-client-properties';

/**
 * The opening of a rule on the client properties the library publishes (PERF-002 for producers,
 * PERF-003 for consumers), written once: every published client of `role` in a document (the
 * MSK client-properties artefact, a client-properties ConfigMap) goes to `check`, with `at`, the
 * words that place a finding (`in the client properties of '<principal>'`), and one `Findings`
 * for the document. A document that publishes no client of that role is not applicable.
 */
export function publishedClientsCheck(
  role: 'producer' | 'consumer',
  check: (properties: Readonly<Record<string, string>>, at: string, f: Findings) => void,
): TargetCheck {
  return (doc) => {
    const clients = publishedClientProperties(doc).filter((p) => p[role]);
    if (clients.length === 0) return NOT_APPLICABLE;
    const f = new Findings();
    for (const { principal, properties } of clients) check(properties, `in the client properties of '${principal}'`, f);
    return f.outcome();
  };
}
