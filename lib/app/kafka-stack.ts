import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App as TerraformApp, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Environment } from '../model/environment';
import { attachEnvironment } from '../model/environment-attachment';
import type { ComplianceReport } from '../rules/report';
import { rulesOf, type RuleSelection } from '../rules/rule-pack';
import { RuleValidation } from '../rules/rule-validation';
import { terraformDocuments } from './terraform-documents';
import { stackTerraform } from './stack-terraform';
import { ENVIRONMENT_TAG, PROFILE_TAG } from '../contract/vocabulary';
import { registerTerraformTarget } from './app-targets';
import { checkedConstructId } from '../contract/construct-id';

/**
 * The Terraform versions the synthesized stacks need: write-only arguments (`secret_string_wo`)
 * are "supported in Terraform 1.11 and later", and ephemeral input variables came in 1.10.
 * @see https://developer.hashicorp.com/terraform/language/manage-sensitive-data/write-only
 */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.11.0';

/** Props of a `KafkaStack`: the cdktf stack of one environment of the MSK target. */
export interface KafkaStackProps {
  /** The environment this stack deploys; its profile decides which rules are errors. */
  readonly environment: Environment;
  /**
   * Tags put on every AWS resource through the provider's `default_tags`.
   * @default - `kafka-iac:environment` and `kafka-iac:profile`
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Configure the backend yourself (S3, remote). When false, a local backend with a relative
   * path `terraform.<env>.tfstate` is set, so that synthesized output is the same on every machine.
   * @default false
   */
  readonly customBackend?: boolean;
  /**
   * The rules to run at synthesis: a list, or a `RulePack` (`RulePack.all().without('PERF').with(myRule)`).
   * @default - every rule in the registry
   */
  readonly rules?: RuleSelection;
}

/**
 * A cdktf stack for one environment: the AWS provider for its region, and the rules run over
 * the synthesized resources at synthesis (`node.addValidation`). A violation stops `synth`
 * with one line per violation.
 */
export class KafkaStack extends TerraformStack {
  public readonly environment: Environment;
  /** The provider for the environment's region. */
  public readonly provider: AwsProvider;
  private readonly validation: RuleValidation;
  /** While cdktf synthesizes this stack: its Terraform JSON, rendered once for the rules and the file. */
  private synthesis?: { json?: Record<string, any> };
  /** The Terraform JSON of the last synthesis, until KafkaApp takes it for the output files. */
  private synthesized?: Record<string, any>;

  public constructor(scope: Construct, id: string, props: KafkaStackProps) {
    super(scope, checkedConstructId(scope, id));
    this.environment = props.environment;
    attachEnvironment(this, props.environment);
    this.provider = new AwsProvider(this, 'aws', {
      region: props.environment.region,
      defaultTags: [{
        tags: {
          [ENVIRONMENT_TAG]: props.environment.name,
          [PROFILE_TAG]: props.environment.profile,
          ...(props.tags ?? {}),
        },
      }],
    });
    // Ephemeral input variables (Terraform 1.10) and write-only `*_wo` arguments (1.11) are in the output.
    this.addOverride('terraform.required_version', TERRAFORM_REQUIRED_VERSION);
    if (!props.customBackend) {
      new LocalBackend(this, { path: `terraform.${props.environment.name}.tfstate` });
    }
    this.validation = new RuleValidation(this, {
      environment: props.environment,
      collect: () => terraformDocuments(this),
      rules: rulesOf(props.rules),
    });
    this.node.addValidation(this.validation);
    // Inside one synthesis (aspects, then the rules, then cdk.tf.json) nothing of ours changes
    // the stack between the rules and the file, so the JSON the rules checked is the JSON
    // written: one toTerraform() instead of two. Outside a synthesis (Testing.synth,
    // direct calls) every call renders afresh.
    const synthesizer = this.synthesizer;
    this.synthesizer = {
      synthesize: (session) => {
        this.synthesized = this.synthesizeOnce(() => {
          synthesizer.synthesize(session);
          return this.synthesis!.json;
        });
      },
    };
  }

  /**
   * Runs `synthesize` (a synthesis of this stack: the rules, then its Terraform JSON) with the
   * stack rendered once: every `toTerraform()` inside it returns the JSON the rules checked.
   * cdktf's own synthesis of the stack runs inside it; so can `Testing.synth(stack, true)`.
   * Nothing may change the stack inside `synthesize`.
   */
  public synthesizeOnce<T>(synthesize: () => T): T {
    this.synthesis = {};
    try {
      return synthesize();
    } finally {
      // Outside a synthesis every toTerraform() renders afresh again.
      this.synthesis = undefined;
    }
  }

  /**
   * cdktf resolves every element of every stack once more before synthesizing (`prepareStack`), and
   * throws the result away: that pass only finds references to another stack's resources, for
   * which it adds outputs and remote state (`Reference.resolve` in cdktf/lib/tfExpression.js acts
   * when `context.preparing` and the reference's stack is not the stack resolving it). An app whose
   * only stack is this one has no such reference, so the pass is skipped there (about a fifth of
   * the MSK quick start's synthesis); with two stacks or more (a DR stack reads its source
   * stack's cluster) it runs. The backend is ensured either way, as cdktf does.
   */
  public override prepareStack(): void {
    const stacks = TerraformApp.of(this).node.findAll().filter((c) => TerraformStack.isStack(c));
    if (stacks.length === 1 && stacks[0] === this) {
      this.ensureBackendExists();
      return;
    }
    super.prepareStack();
  }

  /**
   * The Terraform JSON of the stack: what cdktf's `toTerraform()` gives, without its last pass
   * over the whole resolved document (`stackTerraform`). During a synthesis, the JSON the rules
   * checked, rendered once.
   */
  public override toTerraform(): any {
    if (!this.synthesis) return stackTerraform(this);
    return (this.synthesis.json ??= stackTerraform(this));
  }

  /**
   * The Terraform JSON written by the last synthesis, once: KafkaApp renders the output files
   * from it right after synthesizing, instead of rendering the stack a third time.
   */
  public takeSynthesizedJson(): Record<string, any> | undefined {
    const json = this.synthesized;
    this.synthesized = undefined;
    return json;
  }

  /** The rules report of the last synthesis, or a fresh evaluation when there was none. */
  public get complianceReport(): ComplianceReport {
    return this.validation.report ?? this.validation.evaluate();
  }
}

// Loading this module gives KafkaApp its Terraform target (`app.stack()`).
registerTerraformTarget({
  createApp: (outdir) => new TerraformApp({ outdir }),
  createStack: (app, environment, props) => new KafkaStack(app, environment.name, { ...props, environment }),
});
