"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaChart = void 0;
const cdk8s_1 = require("cdk8s");
const rule_validation_1 = require("../rules/rule-validation");
const kubernetes_documents_1 = require("./kubernetes-documents");
const vocabulary_1 = require("../contract/vocabulary");
const app_targets_1 = require("./app-targets");
const yaml_writer_1 = require("../contract/yaml-writer");
/**
 * A cdk8s chart for one environment, in the environment's namespace, with the rules run over
 * the synthesized API objects at synthesis (`node.addValidation`).
 */
class KafkaChart extends cdk8s_1.Chart {
    environment;
    validation;
    constructor(scope, id, props) {
        super(scope, id, {
            namespace: props.environment.namespace,
            labels: {
                'app.kubernetes.io/part-of': 'kafka-iac',
                [vocabulary_1.ENVIRONMENT_METADATA_LABEL]: props.environment.name,
                ...(props.labels ?? {}),
            },
        });
        this.environment = props.environment;
        props.environment.attachTo(this);
        this.validation = new rule_validation_1.RuleValidation(this, {
            environment: props.environment,
            collect: () => (0, kubernetes_documents_1.kubernetesDocuments)(this),
            rules: props.rules,
        });
        this.node.addValidation(this.validation);
    }
    /** The rules report of the last synthesis, or a fresh evaluation when there was none. */
    get complianceReport() {
        return this.validation.report ?? this.validation.evaluate();
    }
}
exports.KafkaChart = KafkaChart;
// Loading this module gives KafkaApp its Kubernetes target (`app.chart()`).
(0, app_targets_1.registerKubernetesTarget)({
    createApp: (outdir) => new cdk8s_1.App({ outdir, yamlOutputType: cdk8s_1.YamlOutputType.FILE_PER_CHART }),
    createChart: (app, id, environment, props) => new KafkaChart(app, id, { ...props, environment }),
    renderKustomization: (resources) => (0, yaml_writer_1.writeYaml)({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources,
    }),
});
