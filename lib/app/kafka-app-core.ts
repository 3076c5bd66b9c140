import * as fs from 'node:fs';
import * as path from 'node:path';
import type { App as TerraformApp } from 'cdktf';
import { outputRenderContext, type Environment } from '../model/environment';
import { KafkaIacError } from '../model/errors';
import type { KafkaStack, KafkaStackProps } from './kafka-stack';
import type { KafkaChart, KafkaChartProps } from './kafka-chart';
import { kubernetesTarget, terraformTarget, type KubernetesAppLike, type TerraformAppLike } from './app-targets';
import { ComplianceReport } from '../rules/report';
import { CostEstimate } from './cost-estimate';
import { operatorFiles } from './report-writers';
import { evaluatedDocuments } from '../rules/engine';
import { secretValueViolationsInOutputFile } from '../rules/sec-009-no-secret-values';
import type { RuleSelection } from '../rules/rule-pack';
import { writeJson } from '../contract/writers/json';

/** Options of a `KafkaApp`: where its outputs go and which rules run. */
export interface KafkaAppProps {
  /**
   * Where Terraform JSON goes: `<terraformOutdir>/stacks/<env>/cdk.tf.json`.
   * @default - `CDKTF_OUTDIR` (set by `cdktf synth --output`), else 'cdktf.out'
   */
  readonly terraformOutdir?: string;
  /**
   * Where manifests, reports and other files go: `<distDir>/<env>/`.
   * @default 'dist'
   */
  readonly distDir?: string;
  /**
   * The rules every stack and chart of the app runs at synthesis, unless it is given its own
   * `rules`: a subset of the built-in rules, or them plus your own (`RulePack.all().with(rule)`).
   * @default - every rule in the registry
   */
  readonly rules?: RuleSelection;
  /**
   * Print nothing. Otherwise `synth` prints one line per environment: its rule errors, warnings
   * and suppressions, where the Terraform JSON and the files went, and where the report is.
   * @default - false, unless the environment variable `KAFKA_IAC_QUIET` is `1` (the test suite sets it)
   */
  readonly quiet?: boolean;
}

interface EnvironmentOutputs {
  readonly environment: Environment;
  readonly stacks: KafkaStack[];
  readonly charts: KafkaChart[];
  k8sApp?: KubernetesAppLike;
}

/** What `KafkaApp.synth` wrote for one environment. */
export interface EnvironmentSynthesis {
  readonly environment: string;
  /** `cdktf.out/stacks/<env>` for each stack of the environment. */
  readonly terraformDirs: readonly string[];
  /** `dist/<env>`: manifests, kustomization, reports and the files constructs added. */
  readonly distDir: string;
  /** `dist/<env>/report.md` (beside it, `report.json`). */
  readonly reportFile: string;
  /** Rule outcomes in the report: errors are 0 (synthesis throws otherwise), warnings and suppressions are listed there. */
  readonly errors: number;
  readonly warnings: number;
  readonly suppressed: number;
}

/**
 * The outputs of several environments, laid out as the tools expect them:
 * Terraform JSON per stack for `cdktf deploy <env>` and `terraform`, and per environment a
 * folder of manifests with a `kustomization.yaml` (`kubectl apply -k`), the files constructs
 * added, and the rules report (`report.json`, `report.md`, `report.sarif`, `report.junit.xml`).
 *
 * An app loads only the targets it uses: imported from `kafka-iac/msk` it has `stack()` and
 * never loads cdk8s; from `kafka-iac/kubernetes` it has `chart()` and never loads cdktf or the
 * AWS provider; from `kafka-iac` it has both.
 */
export class KafkaApp {
  public readonly distDir: string;
  /** Where Terraform JSON goes. */
  private readonly terraformOutdir: string;
  private terraformApp?: TerraformAppLike;
  private readonly rules?: RuleSelection;
  private readonly quiet: boolean;
  private readonly outputs = new Map<string, EnvironmentOutputs>();

  public constructor(props: KafkaAppProps = {}) {
    // cdktf-cli passes its --output through CDKTF_OUTDIR; an explicit terraformOutdir wins.
    this.terraformOutdir = props.terraformOutdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
    fs.mkdirSync(this.terraformOutdir, { recursive: true });
    this.distDir = props.distDir ?? 'dist';
    this.rules = props.rules;
    this.quiet = props.quiet ?? process.env.KAFKA_IAC_QUIET === '1';
    // With the cdktf target loaded the Terraform app exists from the start, as it always has.
    if (terraformTarget()) this.terraformApp = terraformTarget()!.createApp(this.terraformOutdir);
  }

  /** The cdktf app; its stacks are named after their environments. Needs the MSK (cdktf) target. */
  public get terraform(): TerraformApp {
    if (!this.terraformApp) {
      const target = terraformTarget();
      if (!target) throw KafkaIacError.targetNotLoaded('KafkaApp', 'KafkaApp.terraform', 'cdktf (MSK)', 'kafka-iac/msk');
      this.terraformApp = target.createApp(this.terraformOutdir);
    }
    return this.terraformApp as TerraformApp;
  }

  /** The Terraform stack of an environment, named after it. One per environment. */
  public stack(environment: Environment, props: Omit<KafkaStackProps, 'environment'> = {}): KafkaStack {
    const target = terraformTarget();
    if (!target) throw KafkaIacError.targetNotLoaded('KafkaApp', 'KafkaApp.stack()', 'cdktf (MSK)', 'kafka-iac/msk');
    const out = this.outputsOf(environment);
    const stack = target.createStack(this.terraform, environment, { rules: this.rules, ...props }) as KafkaStack;
    out.stacks.push(stack);
    return stack;
  }

  /** A chart of an environment; its manifests go to `dist/<env>/<id>.k8s.yaml`. */
  public chart(environment: Environment, id: string, props: Omit<KafkaChartProps, 'environment'> = {}): KafkaChart {
    const target = kubernetesTarget();
    if (!target) throw KafkaIacError.targetNotLoaded('KafkaApp', 'KafkaApp.chart()', 'cdk8s (Kubernetes)', 'kafka-iac/kubernetes');
    const out = this.outputsOf(environment);
    out.k8sApp ??= target.createApp(path.join(this.distDir, environment.name));
    const chart = target.createChart(out.k8sApp, id, environment, { rules: this.rules, ...props }) as KafkaChart;
    out.charts.push(chart);
    return chart;
  }

  /** The merged rules report of an environment (its stacks and charts, and any sections). */
  public report(environment: Environment): ComplianceReport {
    const out = this.outputsOf(environment);
    const reports = [
      ...out.stacks.map((s) => s.complianceReport),
      ...out.charts.map((c) => c.complianceReport),
    ];
    const merged = ComplianceReport.merge(environment, reports);
    for (const section of environment.reportSections) merged.addSection(section);
    // The cost estimate reads the documents the rules read (after escape hatches), without serializing again.
    const documents = reports.flatMap((r) => evaluatedDocuments(r) ?? []);
    merged.addSection(CostEstimate.of(documents, { region: environment.region }).toReportSection());
    return merged;
  }

  /**
   * Synthesizes everything. Rules run first (as validations); a violation in any
   * environment throws before that environment's files are written. Every file written under
   * `dist/<env>/` besides the manifests (which SEC-009 checked as documents) is scanned for
   * secret values first: one is a SEC-009 violation that throws, naming the file. Whatever
   * fails, no output of this app is left behind: each stack's `cdktf.out/stacks/<stack>`, cdktf's
   * `manifest.json` and each `dist/<env>/` are removed, so that neither a half-written folder nor
   * the previous run's output looks like the result of this run. Prints one line per environment (unless `quiet`) and returns, per
   * environment, where the files went and the report's counts.
   */
  public synth(): EnvironmentSynthesis[] {
    try {
      return this.synthesizeAll();
    } catch (e) {
      this.removeOutputs();
      throw e;
    }
  }

  /**
   * After a failed synthesis: removes what this app writes (each stack's `cdktf.out/stacks/<stack>`,
   * cdktf's `manifest.json`, each environment's `dist/<env>/`), so that neither a half-written
   * folder nor the previous run's output is left looking like the result of this run.
   */
  private removeOutputs(): void {
    for (const out of this.outputs.values()) {
      fs.rmSync(path.join(this.distDir, out.environment.name), { recursive: true, force: true });
      for (const stack of out.stacks) fs.rmSync(path.join(this.terraformOutdir, 'stacks', stack.node.id), { recursive: true, force: true });
    }
    if ([...this.outputs.values()].some((o) => o.stacks.length > 0)) fs.rmSync(path.join(this.terraformOutdir, 'manifest.json'), { force: true });
  }

  private synthesizeAll(): EnvironmentSynthesis[] {
    this.terraformApp?.synth();
    const synthesized = new Map<KafkaStack, Record<string, any>>();
    for (const out of this.outputs.values()) {
      for (const stack of out.stacks) {
        const json = stack.takeSynthesizedJson();
        if (json) synthesized.set(stack, json);
      }
    }
    const context = outputRenderContext(synthesized);
    const written: EnvironmentSynthesis[] = [];
    for (const out of this.outputs.values()) {
      const dir = path.join(this.distDir, out.environment.name);
      const files = [...out.environment.outputFiles].map(([rel, render]) => ({ rel, text: render(context) }));
      throwOnSecretValues(dir, files);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      const generated: { rel: string; text: string; source?: string }[] = [];
      if (out.k8sApp) {
        out.k8sApp.synth(context);
        const resources = fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml')).sort();
        generated.push({ rel: 'kustomization.yaml', text: kubernetesTarget()!.renderKustomization(resources) });
      }
      const report = this.report(out.environment);
      generated.push(
        { rel: 'report.json', text: writeJson(report.toJson()), source: REPORT_SOURCE },
        { rel: 'report.md', text: report.toMarkdown(), source: REPORT_SOURCE },
        ...operatorFiles(report, out, { terraformOutdir: this.terraformOutdir, distDir: dir }),
      );
      try {
        throwOnSecretValues(dir, generated);
      } catch (e) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw e;
      }
      const made = new Set<string>([dir]);
      for (const { rel, text } of [...files, ...generated]) {
        const file = path.join(dir, rel);
        const parent = path.dirname(file);
        if (!made.has(parent)) {
          fs.mkdirSync(parent, { recursive: true });
          made.add(parent);
        }
        fs.writeFileSync(file, text);
      }
      const summary = report.summary();
      const synthesis: EnvironmentSynthesis = {
        environment: out.environment.name,
        terraformDirs: out.stacks.map((st) => path.join(this.terraform.outdir, 'stacks', st.node.id)),
        distDir: dir,
        reportFile: path.join(dir, 'report.md'),
        errors: summary.errors,
        warnings: summary.warnings,
        suppressed: summary.suppressed,
      };
      written.push(synthesis);
      if (!this.quiet) console.log(synthesisLine(synthesis));
    }
    return written;
  }

  private outputsOf(environment: Environment): EnvironmentOutputs {
    let out = this.outputs.get(environment.name);
    if (!out) {
      out = { environment, stacks: [], charts: [] };
      this.outputs.set(environment.name, out);
    } else if (out.environment !== environment) {
      throw KafkaIacError.duplicate('KIAC-ENV', 'KafkaApp', 'environment', environment.name);
    }
    return out;
  }
}

/**
 * The line `synth` prints for an environment, for example:
 * `kafka-iac production: 0 errors, 2 warnings, 1 suppressed; Terraform in cdktf.out/stacks/production; files in dist/production; report dist/production/report.md`
 */
export function synthesisLine(s: EnvironmentSynthesis): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [`${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.suppressed} suppressed`];
  if (s.terraformDirs.length > 0) parts.push(`Terraform in ${s.terraformDirs.join(', ')}`);
  parts.push(`files in ${s.distDir}`, `report ${s.reportFile}`);
  return `kafka-iac ${s.environment}: ${parts.join('; ')}`;
}

/** What writes the rules report's text besides the rules: named in the SEC-009 fix. */
const REPORT_SOURCE = 'the report section (addReportSection) or suppression reason that carries it';

/** SEC-009 on files about to be written under `dir`: throws one error listing every secret value found. */
function throwOnSecretValues(dir: string, files: readonly { rel: string; text: string; source?: string }[]): void {
  const lines = files.flatMap(({ rel, text, source }) => secretValueViolationsInOutputFile(path.join(dir, rel), rel, text, source));
  if (lines.length > 0) throw KafkaIacError.ruleViolations(lines);
}
