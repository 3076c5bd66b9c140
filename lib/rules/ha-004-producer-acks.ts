import { readProperties } from '../contract/writers/properties';
import { CLIENT_PRODUCER_LABEL, CLIENT_PROPERTIES_ARTEFACT_KIND, CLIENT_PROPERTIES_KEY, CLIENT_PROPERTIES_LABEL } from '../contract/vocabulary';
import type { SynthesizedDocument } from '../contract/document';
import { Findings, NOT_APPLICABLE, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';

/** HA-004: Producers use `acks=all` with idempotence on; the recommended client properties that the library publishes for an environment say so. */
export const HA_004_PRODUCER_ACKS: Rule = defineRule({
  id: 'HA-004',
  title: 'Producers use `acks=all` with idempotence on; the recommended client properties that the library publishes for an environment say so.',
  explanation: 'With acks=1 a write is acknowledged by the leader alone and is lost if the leader fails before followers copy it; min.insync.replicas only protects writes made with acks=all. Idempotence stops retries from duplicating or reordering records (it needs max.in.flight.requests.per.connection <= 5). The rule reads the client properties the library publishes per principal: the client-properties ConfigMaps on Kubernetes and the client-properties terraform_data on MSK, from which dist/<env>/clients/<principal>.properties is written.',
  remediation: 'Publish producer properties with acks=all, enable.idempotence=true and max.in.flight.requests.per.connection at most 5 (ClientProperties does so by default); remove any override that changes them.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: checkMsk, strimzi: checkStrimzi, statefulset: checkStatefulSet },
});

/** The producer checks over one principal's published properties. */
function checkProducerProperties(principal: string, text: string, f: Findings): void {
  const props = readProperties(text.replace(/\$\$\{/g, '${'));
  const acks = props['acks'];
  f.expect(acks === 'all' || acks === '-1', {
    found: `acks is ${acks === undefined ? 'not set' : `'${acks}'`} in the client properties of '${principal}'`,
    expected: "'all'",
    fix: `Publish acks=all for producer '${principal}' (ClientProperties writes it; remove the override).`,
  });
  const idempotence = props['enable.idempotence'];
  f.expect(idempotence === 'true', {
    found: `enable.idempotence is ${idempotence === undefined ? 'not set' : `'${idempotence}'`} in the client properties of '${principal}'`,
    expected: "'true'",
    fix: `Publish enable.idempotence=true for producer '${principal}'.`,
  });
  const inFlight = props['max.in.flight.requests.per.connection'];
  f.expect(inFlight === undefined || Number(inFlight) <= 5, {
    found: `max.in.flight.requests.per.connection is '${inFlight}' in the client properties of '${principal}'`,
    expected: 'at most 5 (idempotence keeps ordering only up to 5)',
    fix: `Publish max.in.flight.requests.per.connection=5 for producer '${principal}'.`,
  });
}

/** Whether published properties belong to a producer: the marker, or any producer setting present. */
function isProducer(marker: unknown, text: string): boolean {
  return marker === true || marker === 'true' || /^\s*(acks|enable\.idempotence)\s*[=:]/m.test(text);
}

/** MSK: the client-properties terraform_data (one entry per principal). */
function checkMsk(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  if (doc.source !== 'terraform' || doc.type !== 'terraform_data') return NOT_APPLICABLE;
  if (doc.body.input?.kind !== CLIENT_PROPERTIES_ARTEFACT_KIND) return NOT_APPLICABLE;
  const f = new Findings();
  let producers = 0;
  for (const [principal, entry] of Object.entries<any>(doc.body.input?.principals ?? {})) {
    const text = String(entry?.properties ?? '');
    if (!isProducer(entry?.producer, text)) continue;
    producers++;
    checkProducerProperties(principal, text, f);
  }
  return producers === 0 ? NOT_APPLICABLE : f.outcome();
}

/** Kubernetes: a client-properties ConfigMap. */
function checkConfigMap(doc: SynthesizedDocument): RuleOutcome {
  if (doc.source !== 'kubernetes' || doc.kind !== 'ConfigMap') return NOT_APPLICABLE;
  const principal = doc.body.metadata?.labels?.[CLIENT_PROPERTIES_LABEL];
  if (principal === undefined) return NOT_APPLICABLE;
  const text = String(doc.body.data?.[CLIENT_PROPERTIES_KEY] ?? '');
  if (!isProducer(doc.body.metadata?.labels?.[CLIENT_PRODUCER_LABEL], text)) return NOT_APPLICABLE;
  const f = new Findings();
  checkProducerProperties(String(principal), text, f);
  return f.outcome();
}

/** Strimzi: the client-properties ConfigMaps StrimziAccess publishes. */
function checkStrimzi(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return checkConfigMap(doc);
}

/** StatefulSet: the client-properties ConfigMaps StatefulSetAccessJob publishes. */
function checkStatefulSet(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return checkConfigMap(doc);
}
