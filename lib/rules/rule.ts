import { RuleTarget } from '../contract/rule-target';
import type { Environment } from '../model/environment';
import type { SynthesizedDocument } from '../contract/document';
import type { DocumentIndex } from '../contract/document-index';
import type { RuleRefusal } from '../model/rule-checks';

/** How a violation is treated. */
export enum RuleLevel {
  /** Stops synthesis unless a suppression with a written reason covers it. */
  ERROR = 'error',
  /** Reported; never stops synthesis. */
  WARNING = 'warning',
}

export { RuleTarget };

/** What was wrong in one document. */
export interface RuleFinding {
  /** What was found, phrased as `<attribute> is <value>`. */
  readonly found: string;
  /** What the rule expects. */
  readonly expected: string;
  /** How to fix it; the rule's remediation when absent. */
  readonly fix?: string;
}

/** What a rule check found in one document. */
export type RuleOutcome =
  | { readonly status: 'compliant'; readonly notes?: readonly string[] }
  | { readonly status: 'not-applicable' }
  | { readonly status: 'non-compliant'; readonly findings: readonly RuleFinding[] };

/** What a rule check may read besides its document: the environment and the index of every document of the synthesis. */
export interface RuleContext {
  readonly environment: Environment;
  readonly index: DocumentIndex;
}

/** A rule: metadata plus one pure check over a synthesized document. */
export interface Rule {
  /** The ID in RULES.md, such as `HA-001`. */
  readonly id: string;
  readonly level: RuleLevel;
  readonly title: string;
  /** Why the rule exists. */
  readonly explanation: string;
  /** What to change to comply. */
  readonly remediation: string;
  readonly targets: readonly RuleTarget[];
  /** HA rules: in a `development` environment a violation is a warning, not an error. */
  readonly relaxedInDevelopment?: boolean;
  /** Reads one document (and any related ones through `ctx.index`) and returns an outcome. */
  check(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome;
}

/** The outcome of a document that complies. */
export const COMPLIANT: RuleOutcome = Object.freeze({ status: 'compliant' });
/** The outcome of a document the rule does not read. */
export const NOT_APPLICABLE: RuleOutcome = Object.freeze({ status: 'not-applicable' });

/** A compliant outcome that carries notes for the report (for example, prefixed ACL patterns). */
export function compliantWithNotes(notes: readonly string[]): RuleOutcome {
  return notes.length === 0 ? COMPLIANT : { status: 'compliant', notes };
}

/**
 * Collects findings one condition at a time (one check per condition, never `a && b`),
 * then gives the outcome.
 */
export class Findings {
  private readonly list: RuleFinding[] = [];

  /** Records a finding unless `ok` holds. */
  public expect(ok: boolean, finding: RuleFinding): void {
    if (!ok) this.list.push(finding);
  }

  /** Records a finding. */
  public add(finding: RuleFinding): void {
    this.list.push(finding);
  }

  /** Records a value check's refusal, if any, in the words the constructors use (lib/model/rule-checks). */
  public refused(found: string, refusal: RuleRefusal | undefined): void {
    if (refusal) this.list.push({ found, expected: refusal.expected, fix: refusal.fix });
  }

  /** The outcome: non-compliant with the findings recorded, else compliant with `notes`. */
  public outcome(notes: readonly string[] = []): RuleOutcome {
    return this.list.length > 0 ? { status: 'non-compliant', findings: [...this.list] } : compliantWithNotes(notes);
  }
}

/** Shows a value in a finding: strings quoted, absent values as `not set`. */
export function shown(v: unknown): string {
  if (v === undefined || v === null) return 'not set';
  if (typeof v === 'string') return `'${v}'`;
  return JSON.stringify(v);
}
