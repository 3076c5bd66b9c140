import { KafkaIacError } from '../model/errors';
import { RuleRegistry } from './registry';
import type { Rule } from './rule';

/**
 * A selection of rules to run at synthesis: the built-in rules, a subset of them, and your own
 * rules written with `defineRule` (the cdk-nag habit of rule packs). Immutable: every method
 * returns a new pack. Give it to `KafkaApp` (every stack and chart), or to one `KafkaStack` or
 * `KafkaChart` through `rules`.
 *
 * A selector is a rule ID (`HA-001`) or a family (`HA`, `HA-*`); a selector that matches no rule
 * of the pack is an error, so a misspelt ID does not silently turn a rule off.
 */
export class RulePack {
  /** Every built-in rule (the registry). */
  public static all(): RulePack {
    return new RulePack(RuleRegistry.all());
  }

  /** Exactly these rules. */
  public static of(...rules: readonly Rule[]): RulePack {
    return new RulePack([]).with(...rules);
  }

  private constructor(public readonly rules: readonly Rule[]) {}

  /** The rule IDs of the pack, in order. */
  public get ids(): readonly string[] {
    return this.rules.map((r) => r.id);
  }

  /** Only the rules that match one of the selectors (IDs or families). */
  public only(...selectors: readonly string[]): RulePack {
    const matchers = selectors.map((s) => this.matcher('only', s));
    return new RulePack(this.rules.filter((r) => matchers.some((m) => m(r.id))));
  }

  /** The rules of the pack except those that match one of the selectors. */
  public without(...selectors: readonly string[]): RulePack {
    const matchers = selectors.map((s) => this.matcher('without', s));
    return new RulePack(this.rules.filter((r) => !matchers.some((m) => m(r.id))));
  }

  /** The pack plus your own rules; an ID already in the pack is an error. */
  public with(...rules: readonly Rule[]): RulePack {
    const list = [...this.rules];
    for (const rule of rules) {
      if (list.some((r) => r.id === rule.id)) throw KafkaIacError.duplicate('KIAC-RULES', 'RulePack', 'rule', rule.id);
      list.push(rule);
    }
    return new RulePack(list);
  }

  private matcher(method: string, selector: string): (id: string) => boolean {
    const family = /^([A-Z][A-Z0-9]*)(?:-\*)?$/.exec(selector)?.[1];
    const matches = family === undefined ? (id: string) => id === selector : (id: string) => id.startsWith(`${family}-`);
    if (!this.rules.some((r) => matches(r.id))) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-RULES', path: `RulePack.${method}`, prop: 'selector', found: selector,
        expected: `a rule ID or family of the pack (${this.ids.slice(0, 6).join(', ')}, ...)`,
        fix: 'Fix the spelling of the rule ID, or add the rule to the pack with with().',
      });
    }
    return matches;
  }
}

/** The rules to run: a list of rules or a pack. */
export type RuleSelection = readonly Rule[] | RulePack;

/** The rules of a selection, or undefined for none given. */
export function rulesOf(selection: RuleSelection | undefined): readonly Rule[] | undefined {
  return selection instanceof RulePack ? selection.rules : selection;
}
