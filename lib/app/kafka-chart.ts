import * as fs from 'node:fs';
import { ApiObject, App as Cdk8sApp, Chart, Yaml, YamlOutputType } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Environment, OutputRenderContext } from '../model/environment';
import { attachEnvironment } from '../model/environment-attachment';
import type { ComplianceReport } from '../rules/report';
import { rulesOf, type RuleSelection } from '../rules/rule-pack';
import { RuleValidation } from '../rules/rule-validation';
import { kubernetesDocuments } from './kubernetes-documents';
import { ENVIRONMENT_METADATA_LABEL } from '../contract/vocabulary';
import { registerKubernetesTarget } from './app-targets';
import { writeManifestYaml, writeYaml } from '../contract/yaml-writer';
import { checkedConstructId } from '../contract/construct-id';

/** Props of a `KafkaChart`: the cdk8s chart of one environment of a Kubernetes target. */
export interface KafkaChartProps {
  /** The environment this chart deploys; its profile decides which rules are errors. */
  readonly environment: Environment;
  /**
   * Labels put on every object of the chart.
   * @default - `app.kubernetes.io/part-of: kafka-iac` and `kafka-iac.dev/environment`
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * The rules to run at synthesis: a list, or a `RulePack` (`RulePack.all().without('PERF').with(myRule)`).
   * @default - every rule in the registry
   */
  readonly rules?: RuleSelection;
}

/**
 * A cdk8s chart for one environment, in the environment's namespace, with the rules run over
 * the synthesized API objects at synthesis (`node.addValidation`).
 */
export class KafkaChart extends Chart {
  public readonly environment: Environment;
  private readonly validation: RuleValidation;
  /**
   * While a `KafkaKubernetesApp` synthesizes this chart: the rules' verdict, and each object's
   * manifest, computed once. cdk8s validates the whole app again inside every `Chart.toJson()`
   * and renders every object again to write it; without this the rules would run once plus
   * once per chart of the app, and every object would be rendered three times.
   */
  private synthesis?: { errors?: string[]; readonly rendered: ApiObject[]; readonly context?: OutputRenderContext };

  public constructor(scope: Construct, id: string, props: KafkaChartProps) {
    super(scope, checkedConstructId(scope, id), {
      namespace: props.environment.namespace,
      labels: {
        'app.kubernetes.io/part-of': 'kafka-iac',
        [ENVIRONMENT_METADATA_LABEL]: props.environment.name,
        ...(props.labels ?? {}),
      },
    });
    this.environment = props.environment;
    attachEnvironment(this, props.environment);
    this.validation = new RuleValidation(this, {
      environment: props.environment,
      collect: () => kubernetesDocuments(this, this.synthesis && ((o, json) => this.keepRendered(o, json)), this.synthesis?.context),
      rules: rulesOf(props.rules),
    });
    this.node.addValidation({
      validate: () => (this.synthesis ? (this.synthesis.errors ??= this.validation.validate()) : this.validation.validate()),
    });
  }

  /**
   * Runs `synthesize` (a cdk8s synthesis of this chart's app) with the rules run and each object
   * rendered once: nothing of the chart changes between cdk8s' validation and its writing, so the
   * manifests the rules checked are the manifests written. With `context` (KafkaApp's synthesis),
   * an object whose manifest an output file already read (`context.manifest`) is not rendered again.
   */
  public synthesizeOnce<T>(synthesize: () => T, context?: OutputRenderContext): T {
    this.synthesis = { rendered: [], context };
    try {
      return synthesize();
    } finally {
      // Outside a synthesis every toJson() renders afresh again.
      for (const o of this.synthesis.rendered) delete (o as { toJson?: unknown }).toJson;
      this.synthesis = undefined;
    }
  }

  /** During a synthesis: the object's toJson() gives the manifest the rules read, instead of rendering it again. */
  private keepRendered(o: ApiObject, json: Record<string, any>): void {
    Object.defineProperty(o, 'toJson', { value: () => json, configurable: true, writable: true });
    this.synthesis!.rendered.push(o);
  }

  /** The rules report of the last synthesis, or a fresh evaluation when there was none. */
  public get complianceReport(): ComplianceReport {
    return this.validation.report ?? this.validation.evaluate();
  }
}

/**
 * The cdk8s app KafkaApp writes an environment's charts with: its `synth()` runs the rules of
 * each KafkaChart once and renders each of their objects once (`KafkaChart.synthesizeOnce`), and
 * writes the manifests through `writeManifestYaml` (`withManifestWriter`).
 */
class KafkaKubernetesApp extends Cdk8sApp {
  public override synth(context?: OutputRenderContext): void {
    const charts = this.node.findAll().filter((c): c is KafkaChart => c instanceof KafkaChart);
    const run = charts.reduce<() => void>((inner, chart) => () => chart.synthesizeOnce(inner, context), () => super.synth());
    withManifestWriter(run);
  }
}

/**
 * Runs a cdk8s synthesis with cdk8s' `Yaml.save` (what `App.synth` writes each manifest file
 * with) writing the same bytes through `writeManifestYaml`, which writes the plain data of a
 * manifest itself, and each other document through cdk8s' own `Yaml.stringify`. cdk8s builds
 * `yaml`'s node tree of every object to write it, most of a Kubernetes environment's synthesis
 * after the rules (the examples' 107 manifests: about 100 ms of CPU, against about 10 ms).
 * `Yaml.save` is cdk8s' own again when the synthesis ends or throws.
 */
function withManifestWriter(synth: () => void): void {
  const save = Yaml.save;
  Yaml.save = (filePath: string, docs: unknown[]) => {
    const text = docs.map((d) => (d === undefined ? '\n' : writeManifestYaml(d) ?? Yaml.stringify(d))).join('---\n');
    fs.writeFileSync(filePath, text, { encoding: 'utf8' });
  };
  try {
    synth();
  } finally {
    Yaml.save = save;
  }
}

// Loading this module gives KafkaApp its Kubernetes target (`app.chart()`).
registerKubernetesTarget({
  createApp: (outdir) => new KafkaKubernetesApp({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART }),
  createChart: (app, id, environment, props) => new KafkaChart(app, id, { ...props, environment }),
  renderKustomization: (resources) => writeYaml({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  }),
});
