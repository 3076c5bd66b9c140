import type { IConstruct } from 'constructs';
import { KafkaIacError } from '../model/errors';
import { Environment } from '../model/environment';
import { RuleRegistry } from './registry';
import { isDefinedRuleId } from './define-rule';
import { SUPPRESSIONS_ANNOTATION } from '../contract/vocabulary';

/** A rule that does not apply to a construct and its children, and why. */
export interface RuleSuppression {
  /** The rule ID, such as `HA-001`. */
  readonly id: string;
  /** Why the rule does not apply: a real sentence (at least 20 characters and 4 words). */
  readonly reason: string;
  /**
   * In staging and production, a suppression attached to an app, stack or chart root covers
   * every resource of the environment. For the MON, SLO, PERF and CAP rules (and rules of your
   * own packs) that is honoured only with this explicit acknowledgment; the HA, SEC and DR
   * rules are never suppressed at a root there.
   * @default false - a root suppression of an error-level rule in staging or production is refused
   */
  readonly acknowledgeWholeScope?: boolean;
}

/** A suppression as it applies to a document: where it was attached. */
export interface AppliedSuppression extends RuleSuppression {
  /** Construct path the suppression was attached to. */
  readonly attachedTo: string;
  /**
   * True when it was attached to an app, stack or chart root (the app, or the top-most scope that
   * carries the Environment) rather than to a resource or a construct that owns resources.
   */
  readonly atRoot?: boolean;
}

const store = new WeakMap<IConstruct, RuleSuppression[]>();

/** Attaching suppressions to constructs, and finding the ones that cover a construct path. */
export class RuleSuppressions {
  /**
   * Suppresses rules on `scope` and every construct below it. Each reason is mandatory and
   * must be a sentence; an unknown rule ID (neither built in nor defined with `defineRule`) is an error. The suppression is written into the
   * compliance report, and into the resource itself where it has a place for it (a `//`
   * comment in Terraform JSON, an annotation on a Kubernetes object).
   */
  public static add(scope: IConstruct, suppressions: readonly RuleSuppression[]): void {
    const path = scope.node.path || '<root>';
    for (const s of suppressions) {
      if (!RuleRegistry.has(s.id) && !isDefinedRuleId(s.id)) throw KafkaIacError.unknownRuleId(path, s.id, RuleRegistry.ids());
      if (!isSentence(s.reason)) throw KafkaIacError.suppressionWithoutReason(path, s.id, s.reason);
      if (s.acknowledgeWholeScope !== undefined && typeof s.acknowledgeWholeScope !== 'boolean') {
        throw KafkaIacError.invalidProp({ code: 'KIAC-SUPPRESS', path, prop: `acknowledgeWholeScope of ${s.id}`, found: s.acknowledgeWholeScope, expected: 'true, false or nothing', fix: 'Set acknowledgeWholeScope: true only where a suppression must cover a whole app, stack or chart.' });
      }
    }
    const list = store.get(scope) ?? [];
    list.push(...suppressions.map((s) => ({ id: s.id, reason: s.reason.trim(), ...(s.acknowledgeWholeScope ? { acknowledgeWholeScope: true } : {}) })));
    store.set(scope, list);
    annotate(scope, list);
  }

  /**
   * Every suppression that covers something under `root`: those attached to `root`, to the
   * scopes above it and to the constructs below it, each with where it is attached.
   */
  public static attached(root: IConstruct): readonly AppliedSuppression[] {
    return [...new Set([...root.node.scopes, ...root.node.findAll()])].flatMap((c) => (store.get(c) ?? [])
      .map((s) => ({ ...s, attachedTo: c.node.path || '<root>', atRoot: isRoot(c) })));
  }

  /** The suppressions attached directly to `scope`. */
  public static of(scope: IConstruct): readonly RuleSuppression[] {
    return store.get(scope) ?? [];
  }

  /**
   * Builds, once, a lookup from construct path to the suppressions that cover it (its own and
   * every ancestor's), for the tree under `root` and the scopes above it.
   */
  public static lookup(root: IConstruct): (path: string, id: string) => AppliedSuppression | undefined {
    const byPath = new Map<string, RuleSuppression[]>();
    const roots = new Set<string>();
    for (const c of [...root.node.scopes, ...root.node.findAll()]) {
      const list = store.get(c);
      // Stryker disable next-line ConditionalExpression: equivalent, a construct without suppressions would map to undefined, which the lookup below skips like a missing path
      if (!list) continue;
      byPath.set(c.node.path, list);
      if (isRoot(c)) roots.add(c.node.path);
    }
    return (path, id) => {
      const parts = path.split('/');
      for (let n = parts.length; n >= 0; n--) {
        const prefix = parts.slice(0, n).join('/');
        const hit = byPath.get(prefix)?.find((s) => s.id === id);
        if (hit) return { ...hit, attachedTo: prefix || '<root>', atRoot: roots.has(prefix) };
      }
      return undefined;
    };
  }
}

/**
 * The app, the top-most scope carrying the Environment (a KafkaStack or KafkaChart), or a scope
 * between them (a construct that groups stacks or charts): each covers a whole environment. In a
 * tree where no scope carries an Environment, only the app.
 */
function isRoot(c: IConstruct): boolean {
  if (c.node.scope === undefined) return true;
  return Environment.tryOf(c.node.scope) === undefined && c.node.findAll().some((d) => Environment.tryOf(d) !== undefined);
}

/** Words that hold a place for a reason instead of giving one. */
const PLACEHOLDERS = /\b(todo|tbd|fixme|xxx+|n\/a|placeholder|lorem|ipsum|asdf|foo|bar|baz|later|whatever|dummy|temp|test test)\b/i;

function isSentence(reason: unknown): boolean {
  if (typeof reason !== 'string') return false;
  const text = reason.trim();
  // (Runs of spaces give empty pieces, which have no letter.)
  const words = text.split(/\s/).filter((w) => /[a-z]/i.test(w)).map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, ''));
  // Every word keeps its letter: four distinct words are also at least four words.
  const distinct = new Set(words);
  return text.length >= 20 && distinct.size >= 4 && distinct.size * 2 > words.length && !PLACEHOLDERS.test(text);
}

/** Duck-typed so that the rules stay free of cdktf and cdk8s types. */
function annotate(scope: IConstruct, list: readonly RuleSuppression[]): void {
  const text = list.map((s) => `${s.id}: ${s.reason}`).join('; ');
  const target = scope as unknown as {
    addOverride: (path: string, value: unknown) => void;
    metadata?: { addAnnotation?: (key: string, value: string) => void };
  };
  // A Terraform resource or data source (every one has addOverride).
  if ('terraformResourceType' in scope) {
    target.addOverride('//.kafka_iac_suppressions', list.map((s) => ({ id: s.id, reason: s.reason })));
  } else if (typeof target.metadata?.addAnnotation === 'function') {
    target.metadata.addAnnotation(SUPPRESSIONS_ANNOTATION, text);
  }
}
