import { KafkaIacError } from '../model/errors';
import { objectLikeMismatch } from './object-like';

/** The documents of one environment, as `KafkaTesting.synth` read them back. */
export interface EnvironmentDocumentsProps {
  readonly environment: string;
  /** Terraform JSON (`cdk.tf.json`) per stack name. */
  readonly terraform: Readonly<Record<string, Record<string, any>>>;
  /** Kubernetes objects per chart id (`dist/<env>/<id>.k8s.yaml`). */
  readonly manifests: Readonly<Record<string, readonly Record<string, any>[]>>;
  /** `dist/<env>/report.json`. */
  readonly report: Record<string, any>;
  /** Every other file under `dist/<env>/` (kustomization, runbooks, promtool tests, ...) by relative path. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * What one environment synthesizes to, with machine- and time-dependent values replaced
 * (absolute paths, dates), for `expect(docs.toSnapshot()).toMatchSnapshot()`; and assertions
 * that read like the rules (`hasResource`, `hasManifest`, `ruleIsCompliant`). A failed assertion
 * throws a KafkaIacError (KIAC-ASSERT), so it works in vitest, jest and node:test alike.
 */
export class EnvironmentDocuments {
  public readonly environment: string;
  public readonly terraform: Readonly<Record<string, Record<string, any>>>;
  public readonly manifests: Readonly<Record<string, readonly Record<string, any>[]>>;
  public readonly report: Record<string, any>;
  public readonly files: Readonly<Record<string, string>>;

  public constructor(props: EnvironmentDocumentsProps) {
    this.environment = props.environment;
    this.terraform = props.terraform;
    this.manifests = props.manifests;
    this.report = props.report;
    this.files = props.files;
  }

  /** Everything, in one object: `{ terraform, manifests, report, files }`. */
  public toSnapshot(): Record<string, unknown> {
    return { terraform: this.terraform, manifests: this.manifests, report: this.report, files: this.files };
  }

  /** Every Terraform resource of a type (`aws_msk_cluster`), across the environment's stacks. */
  public resources(type: string): Record<string, any>[] {
    return Object.values(this.terraform).flatMap((json) => Object.values<Record<string, any>>(json.resource?.[type] ?? {}));
  }

  /** Every Kubernetes object of a kind (`Kafka`, `StatefulSet`), across the environment's charts. */
  public objects(kind: string): Record<string, any>[] {
    return Object.values(this.manifests).flatMap((objects) => objects.filter((o) => o.kind === kind));
  }

  /**
   * Asserts that a Terraform resource of `type` exists whose properties include `properties`
   * (nested objects match partially; arrays match item by item). Returns the first match.
   */
  public hasResource(type: string, properties: Record<string, unknown> = {}): Record<string, any> {
    return this.findMatch(`a Terraform resource ${type}`, this.resources(type), properties);
  }

  /** Asserts that a Kubernetes object of `kind` exists whose fields include `properties`. Returns the first match. */
  public hasManifest(kind: string, properties: Record<string, unknown> = {}): Record<string, any> {
    return this.findMatch(`a Kubernetes ${kind}`, this.objects(kind), properties);
  }

  /** Asserts that a rule applied to at least one document and was compliant on every one. */
  public ruleIsCompliant(ruleId: string): void {
    const entries = this.ruleEntries(ruleId);
    const other = entries.filter((e) => e.status !== 'compliant');
    if (entries.length === 0 || other.length > 0) {
      throw KafkaIacError.assertionFailed(this.environment, `${ruleId} compliant on every document it applies to`,
        entries.length === 0 ? 'no report entry for it' : other.map((e) => `${e.status} at ${e.path}`).join(', '),
        'Read the rule in docs/rules.md and dist/<env>/report.md.');
    }
  }

  /** Asserts that a rule is suppressed somewhere, with a reason that contains `reasonContains`. */
  public ruleIsSuppressed(ruleId: string, reasonContains = ''): void {
    const suppressed = this.ruleEntries(ruleId).filter((e) => e.status === 'suppressed' && String(e.suppression?.reason ?? '').includes(reasonContains));
    if (suppressed.length === 0) {
      throw KafkaIacError.assertionFailed(this.environment, `${ruleId} suppressed${reasonContains ? ` with a reason containing '${reasonContains}'` : ''}`,
        this.ruleEntries(ruleId).map((e) => `${e.status} at ${e.path}`).join(', ') || 'no report entry for it',
        'Add the suppression with RuleSuppressions.add(construct, [{ id, reason }]).');
    }
  }

  /** Asserts that no rule is non-compliant, warnings included (errors already stop synthesis). */
  public hasNoRuleWarnings(): void {
    const problems = this.reportEntries().filter((e) => e.status === 'non-compliant');
    if (problems.length > 0) {
      throw KafkaIacError.assertionFailed(this.environment, 'no non-compliant rule',
        problems.map((e) => `${e.ruleId} (${e.level}) at ${e.path}`).join(', '), 'Fix the findings listed in dist/<env>/report.md.');
    }
  }

  private reportEntries(): Record<string, any>[] {
    return (this.report.entries ?? []) as Record<string, any>[];
  }

  private ruleEntries(ruleId: string): Record<string, any>[] {
    return this.reportEntries().filter((e) => e.ruleId === ruleId && e.status !== 'not-applicable');
  }

  private findMatch(what: string, candidates: readonly Record<string, any>[], properties: Record<string, unknown>): Record<string, any> {
    const mismatches: string[] = [];
    for (const candidate of candidates) {
      const mismatch = objectLikeMismatch(candidate, properties);
      if (!mismatch) return candidate;
      mismatches.push(mismatch);
    }
    throw KafkaIacError.assertionFailed(this.environment, `${what} with ${JSON.stringify(properties)}`,
      candidates.length === 0 ? 'none of that type' : `${candidates.length} of that type, none matching (${mismatches.join('; ')})`,
      'Check the construct props, or the escape hatch (addOverride, addJsonPatch) that changes them.');
  }
}
