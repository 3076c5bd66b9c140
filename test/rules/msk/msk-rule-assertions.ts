import { expect } from 'vitest';
import type { KafkaStack } from '../../../lib/app/kafka-stack';
import { synthError, synthJson } from '../../support/msk-stack';

/** Synthesis fails with a line for `ruleId` at `path` whose text matches `found`. */
export function expectViolation(stack: KafkaStack, ruleId: string, path: string, found: RegExp): string {
  const message = synthError(stack);
  const line = message.split('\n').find((l) => l.includes(`${ruleId} [${path}]`) && found.test(l));
  expect(line, `no ${ruleId} [${path}] line matching ${found} in:\n${message}`).toBeDefined();
  return message;
}

/** Synthesis passes and the report has `ruleId` compliant at `path`; returns the entry's notes. */
export function expectCompliant(stack: KafkaStack, ruleId: string, path: string): readonly string[] {
  synthJson(stack);
  const entry = stack.complianceReport.entries.find((e) => e.ruleId === ruleId && e.path === path);
  expect(entry?.status, `${ruleId} at ${path}`).toBe('compliant');
  return entry!.notes;
}
