"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaStack = void 0;
const provider_1 = require("@cdktf/provider-aws/lib/provider");
const cdktf_1 = require("cdktf");
const rule_validation_1 = require("../rules/rule-validation");
const terraform_documents_1 = require("./terraform-documents");
const vocabulary_1 = require("../contract/vocabulary");
const app_targets_1 = require("./app-targets");
/**
 * A cdktf stack for one environment: the AWS provider for its region, and the rules run over
 * the synthesized resources at synthesis (`node.addValidation`). A violation stops `synth`
 * with one line per violation.
 */
class KafkaStack extends cdktf_1.TerraformStack {
    environment;
    /** The provider for the environment's region. */
    provider;
    validation;
    /** While cdktf synthesizes this stack: its Terraform JSON, rendered once for the rules and the file. */
    synthesis;
    /** The Terraform JSON of the last synthesis, until KafkaApp takes it for the output files. */
    synthesized;
    constructor(scope, id, props) {
        super(scope, id);
        this.environment = props.environment;
        props.environment.attachTo(this);
        this.provider = new provider_1.AwsProvider(this, 'aws', {
            region: props.environment.region,
            defaultTags: [{
                    tags: {
                        [vocabulary_1.ENVIRONMENT_TAG]: props.environment.name,
                        [vocabulary_1.PROFILE_TAG]: props.environment.profile,
                        ...(props.tags ?? {}),
                    },
                }],
        });
        if (!props.customBackend) {
            new cdktf_1.LocalBackend(this, { path: `terraform.${props.environment.name}.tfstate` });
        }
        this.validation = new rule_validation_1.RuleValidation(this, {
            environment: props.environment,
            collect: () => (0, terraform_documents_1.terraformDocuments)(this),
            rules: props.rules,
        });
        this.node.addValidation(this.validation);
        // Inside one synthesis (aspects, then the rules, then cdk.tf.json) nothing of ours changes
        // the stack between the rules and the file, so the JSON the rules checked is the JSON
        // written: one toTerraform() instead of two. Outside a synthesis (Testing.synth,
        // direct calls) every call renders afresh.
        const synthesizer = this.synthesizer;
        this.synthesizer = {
            synthesize: (session) => {
                this.synthesis = {};
                try {
                    synthesizer.synthesize(session);
                    this.synthesized = this.synthesis.json;
                }
                finally {
                    this.synthesis = undefined;
                }
            },
        };
    }
    toTerraform() {
        if (!this.synthesis)
            return super.toTerraform();
        return (this.synthesis.json ??= super.toTerraform());
    }
    /**
     * The Terraform JSON written by the last synthesis, once: KafkaApp renders the output files
     * from it right after synthesizing, instead of rendering the stack a third time.
     */
    takeSynthesizedJson() {
        const json = this.synthesized;
        this.synthesized = undefined;
        return json;
    }
    /** The rules report of the last synthesis, or a fresh evaluation when there was none. */
    get complianceReport() {
        return this.validation.report ?? this.validation.evaluate();
    }
}
exports.KafkaStack = KafkaStack;
// Loading this module gives KafkaApp its Terraform target (`app.stack()`).
(0, app_targets_1.registerTerraformTarget)({
    createApp: (outdir) => new cdktf_1.App({ outdir }),
    createStack: (app, environment, props) => new KafkaStack(app, environment.name, { ...props, environment }),
});
