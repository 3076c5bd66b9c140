import * as fs from 'node:fs';
import * as path from 'node:path';
import { App as Cdk8sApp, YamlOutputType } from 'cdk8s';
import { App as TerraformApp } from 'cdktf';
import { stringify } from 'yaml';
import { outputRenderContext, type Environment } from '../model/environment';
import { KafkaIacError } from '../model/errors';
import { KafkaStack, type KafkaStackProps } from './kafka-stack';
import { KafkaChart, type KafkaChartProps } from './kafka-chart';
import { ComplianceReport } from '../rules/report';
import { CostEstimate } from './cost-estimate';
import { operatorFiles } from './report-writers';
import { evaluatedDocuments } from '../rules/engine';
import { secretValueViolationsInOutputFile } from '../rules/sec-009-no-secret-values';

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
}

interface EnvironmentOutputs {
  readonly environment: Environment;
  readonly stacks: KafkaStack[];
  readonly charts: KafkaChart[];
  k8sApp?: Cdk8sApp;
}

/** What `KafkaApp.synth` wrote for one environment. */
export interface EnvironmentSynthesis {
  readonly environment: string;
  /** `cdktf.out/stacks/<env>` for each stack of the environment. */
  readonly terraformDirs: readonly string[];
  /** `dist/<env>`: manifests, kustomization, reports and the files constructs added. */
  readonly distDir: string;
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
 */
export class KafkaApp {
  /** The cdktf app; its stacks are named after their environments. */
  public readonly terraform: TerraformApp;
  public readonly distDir: string;
  private readonly outputs = new Map<string, EnvironmentOutputs>();

  public constructor(props: KafkaAppProps = {}) {
    // cdktf-cli passes its --output through CDKTF_OUTDIR; an explicit terraformOutdir wins.
    const outdir = props.terraformOutdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
    fs.mkdirSync(outdir, { recursive: true });
    this.terraform = new TerraformApp({ outdir });
    this.distDir = props.distDir ?? 'dist';
  }

  /** The Terraform stack of an environment, named after it. One per environment. */
  public stack(environment: Environment, props: Omit<KafkaStackProps, 'environment'> = {}): KafkaStack {
    const out = this.outputsOf(environment);
    const stack = new KafkaStack(this.terraform, environment.name, { ...props, environment });
    out.stacks.push(stack);
    return stack;
  }

  /** A chart of an environment; its manifests go to `dist/<env>/<id>.k8s.yaml`. */
  public chart(environment: Environment, id: string, props: Omit<KafkaChartProps, 'environment'> = {}): KafkaChart {
    const out = this.outputsOf(environment);
    out.k8sApp ??= new Cdk8sApp({
      outdir: path.join(this.distDir, environment.name),
      yamlOutputType: YamlOutputType.FILE_PER_CHART,
    });
    const chart = new KafkaChart(out.k8sApp, id, { ...props, environment });
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
   * secret values first: one is a SEC-009 violation that throws, naming the file, and leaves no
   * `dist/<env>/` behind. Returns, per environment, where the files went and the report's counts.
   */
  public synth(): EnvironmentSynthesis[] {
    this.terraform.synth();
    const context = outputRenderContext();
    const written: EnvironmentSynthesis[] = [];
    for (const out of this.outputs.values()) {
      const dir = path.join(this.distDir, out.environment.name);
      const files = [...out.environment.outputFiles].map(([rel, render]) => ({ rel, text: render(context) }));
      throwOnSecretValues(dir, files);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      const generated: { rel: string; text: string; source?: string }[] = [];
      if (out.k8sApp) {
        out.k8sApp.synth();
        const resources = fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml')).sort();
        generated.push({ rel: 'kustomization.yaml', text: stringify({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources,
        }) });
      }
      const report = this.report(out.environment);
      generated.push(
        { rel: 'report.json', text: JSON.stringify(report.toJson(), null, 2) + '\n', source: REPORT_SOURCE },
        { rel: 'report.md', text: report.toMarkdown(), source: REPORT_SOURCE },
        ...operatorFiles(report, out, { terraformOutdir: this.terraform.outdir, distDir: dir }),
      );
      try {
        throwOnSecretValues(dir, generated);
      } catch (e) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw e;
      }
      for (const { rel, text } of [...files, ...generated]) {
        const file = path.join(dir, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
      const summary = report.summary();
      written.push({
        environment: out.environment.name,
        terraformDirs: out.stacks.map((st) => path.join(this.terraform.outdir, 'stacks', st.node.id)),
        distDir: dir,
        errors: summary.errors,
        warnings: summary.warnings,
        suppressed: summary.suppressed,
      });
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

/** What writes the rules report's text besides the rules: named in the SEC-009 fix. */
const REPORT_SOURCE = 'the report section (addReportSection) or suppression reason that carries it';

/** SEC-009 on files about to be written under `dir`: throws one error listing every secret value found. */
function throwOnSecretValues(dir: string, files: readonly { rel: string; text: string; source?: string }[]): void {
  const lines = files.flatMap(({ rel, text, source }) => secretValueViolationsInOutputFile(path.join(dir, rel), rel, text, source));
  if (lines.length > 0) throw KafkaIacError.ruleViolations(lines);
}
