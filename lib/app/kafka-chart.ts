import { App as Cdk8sApp, Chart, YamlOutputType } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Environment } from '../model/environment';
import { attachEnvironment } from '../model/environment-attachment';
import type { ComplianceReport } from '../rules/report';
import { rulesOf, type RuleSelection } from '../rules/rule-pack';
import { RuleValidation } from '../rules/rule-validation';
import { kubernetesDocuments } from './kubernetes-documents';
import { ENVIRONMENT_METADATA_LABEL } from '../contract/vocabulary';
import { registerKubernetesTarget } from './app-targets';
import { writeYaml } from '../contract/yaml-writer';
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
      collect: () => kubernetesDocuments(this),
      rules: rulesOf(props.rules),
    });
    this.node.addValidation(this.validation);
  }

  /** The rules report of the last synthesis, or a fresh evaluation when there was none. */
  public get complianceReport(): ComplianceReport {
    return this.validation.report ?? this.validation.evaluate();
  }
}

// Loading this module gives KafkaApp its Kubernetes target (`app.chart()`).
registerKubernetesTarget({
  createApp: (outdir) => new Cdk8sApp({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART }),
  createChart: (app, id, environment, props) => new KafkaChart(app, id, { ...props, environment }),
  renderKustomization: (resources) => writeYaml({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  }),
});
