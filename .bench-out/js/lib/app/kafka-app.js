"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaApp = void 0;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const cdk8s_1 = require("cdk8s");
const cdktf_1 = require("cdktf");
const yaml_1 = require("yaml");
const environment_1 = require("../model/environment");
const errors_1 = require("../model/errors");
const kafka_stack_1 = require("./kafka-stack");
const kafka_chart_1 = require("./kafka-chart");
const report_1 = require("../rules/report");
const cost_estimate_1 = require("./cost-estimate");
const engine_1 = require("../rules/engine");
const sec_009_no_secret_values_1 = require("../rules/sec-009-no-secret-values");
/**
 * The outputs of several environments, laid out as the tools expect them:
 * Terraform JSON per stack for `cdktf deploy <env>` and `terraform`, and per environment a
 * folder of manifests with a `kustomization.yaml` (`kubectl apply -k`), the files constructs
 * added, and the rules report (`report.json`, `report.md`).
 */
class KafkaApp {
    /** The cdktf app; its stacks are named after their environments. */
    terraform;
    distDir;
    outputs = new Map();
    constructor(props = {}) {
        // cdktf-cli passes its --output through CDKTF_OUTDIR; an explicit terraformOutdir wins.
        const outdir = props.terraformOutdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
        fs.mkdirSync(outdir, { recursive: true });
        this.terraform = new cdktf_1.App({ outdir });
        this.distDir = props.distDir ?? 'dist';
    }
    /** The Terraform stack of an environment, named after it. One per environment. */
    stack(environment, props = {}) {
        const out = this.outputsOf(environment);
        const stack = new kafka_stack_1.KafkaStack(this.terraform, environment.name, { ...props, environment });
        out.stacks.push(stack);
        return stack;
    }
    /** A chart of an environment; its manifests go to `dist/<env>/<id>.k8s.yaml`. */
    chart(environment, id, props = {}) {
        const out = this.outputsOf(environment);
        out.k8sApp ??= new cdk8s_1.App({
            outdir: path.join(this.distDir, environment.name),
            yamlOutputType: cdk8s_1.YamlOutputType.FILE_PER_CHART,
        });
        const chart = new kafka_chart_1.KafkaChart(out.k8sApp, id, { ...props, environment });
        out.charts.push(chart);
        return chart;
    }
    /** The merged rules report of an environment (its stacks and charts, and any sections). */
    report(environment) {
        const out = this.outputsOf(environment);
        const reports = [
            ...out.stacks.map((s) => s.complianceReport),
            ...out.charts.map((c) => c.complianceReport),
        ];
        const merged = report_1.ComplianceReport.merge(environment, reports);
        for (const section of environment.reportSections)
            merged.addSection(section);
        // The cost estimate reads the documents the rules read (after escape hatches), without serializing again.
        const documents = reports.flatMap((r) => (0, engine_1.evaluatedDocuments)(r) ?? []);
        merged.addSection(cost_estimate_1.CostEstimate.of(documents, { region: environment.region }).toReportSection());
        return merged;
    }
    /**
     * Synthesizes everything. Rules run first (as validations); a violation in any
     * environment throws before that environment's files are written. Every file written under
     * `dist/<env>/` besides the manifests (which SEC-009 checked as documents) is scanned for
     * secret values first: one is a SEC-009 violation that throws, naming the file, and leaves no
     * `dist/<env>/` behind. Returns, per environment, where the files went and the report's counts.
     */
    synth() {
        this.terraform.synth();
        const context = (0, environment_1.outputRenderContext)();
        const written = [];
        for (const out of this.outputs.values()) {
            const dir = path.join(this.distDir, out.environment.name);
            const files = [...out.environment.outputFiles].map(([rel, render]) => ({ rel, text: render(context) }));
            throwOnSecretValues(dir, files);
            fs.rmSync(dir, { recursive: true, force: true });
            fs.mkdirSync(dir, { recursive: true });
            const generated = [];
            if (out.k8sApp) {
                out.k8sApp.synth();
                const resources = fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml')).sort();
                generated.push({ rel: 'kustomization.yaml', text: (0, yaml_1.stringify)({
                        apiVersion: 'kustomize.config.k8s.io/v1beta1',
                        kind: 'Kustomization',
                        resources,
                    }) });
            }
            const report = this.report(out.environment);
            generated.push({ rel: 'report.json', text: JSON.stringify(report.toJson(), null, 2) + '\n', source: REPORT_SOURCE }, { rel: 'report.md', text: report.toMarkdown(), source: REPORT_SOURCE });
            try {
                throwOnSecretValues(dir, generated);
            }
            catch (e) {
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
    outputsOf(environment) {
        let out = this.outputs.get(environment.name);
        if (!out) {
            out = { environment, stacks: [], charts: [] };
            this.outputs.set(environment.name, out);
        }
        else if (out.environment !== environment) {
            throw errors_1.KafkaIacError.duplicate('KIAC-ENV', 'KafkaApp', 'environment', environment.name);
        }
        return out;
    }
}
exports.KafkaApp = KafkaApp;
/** What writes the rules report's text besides the rules: named in the SEC-009 fix. */
const REPORT_SOURCE = 'the report section (addReportSection) or suppression reason that carries it';
/** SEC-009 on files about to be written under `dir`: throws one error listing every secret value found. */
function throwOnSecretValues(dir, files) {
    const lines = files.flatMap(({ rel, text, source }) => (0, sec_009_no_secret_values_1.secretValueViolationsInOutputFile)(path.join(dir, rel), rel, text, source));
    if (lines.length > 0)
        throw errors_1.KafkaIacError.ruleViolations(lines);
}
