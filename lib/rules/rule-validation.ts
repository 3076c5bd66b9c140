import type { IConstruct, IValidation } from 'constructs';
import type { Environment } from '../model/environment';
import type { SynthesizedDocument } from '../contract/document';
import { evaluateRules, formatViolation } from './engine';
import { RuleRegistry } from './registry';
import type { ComplianceReport } from './report';
import type { Rule } from './rule';
import { RuleSuppressions } from './suppressions';

/** Props of a `RuleValidation`: the environment, the documents of its scope and the rules to run. */
export interface RuleValidationProps {
  readonly environment: Environment;
  /** Gives the synthesized documents of the scope, after every escape hatch. */
  readonly collect: () => readonly SynthesizedDocument[];
  /**
   * The rules to run.
   * @default - every rule in the registry
   */
  readonly rules?: readonly Rule[];
}

/**
 * Runs the rules at synthesis (`node.addValidation`), on the documents as they will be
 * written. Returns one line per unsuppressed error; warnings never stop synthesis.
 * The report of the last run is kept in `report`.
 */
export class RuleValidation implements IValidation {
  private lastReport?: ComplianceReport;

  public constructor(private readonly root: IConstruct, private readonly props: RuleValidationProps) {}

  /** The report of the last validation, or undefined before synthesis. */
  public get report(): ComplianceReport | undefined {
    return this.lastReport;
  }

  /** Evaluates the rules now, without throwing. */
  public evaluate(): ComplianceReport {
    this.lastReport = evaluateRules({
      environment: this.props.environment,
      documents: this.props.collect(),
      rules: this.props.rules ?? RuleRegistry.all(),
      suppressionFor: RuleSuppressions.lookup(this.root),
      suppressions: RuleSuppressions.attached(this.root),
    });
    return this.lastReport;
  }

  /** The construct validation: one line per violation of an error-level rule, empty when synthesis may go on. */
  public validate(): string[] {
    return this.evaluate().errors().map(formatViolation);
  }
}
