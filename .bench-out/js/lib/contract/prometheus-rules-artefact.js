"use strict";
/**
 * The Prometheus rule groups of an MSK cluster (open monitoring) as a synthesized document: the
 * `input` of a `terraform_data` that MskPrometheusMonitoring writes, from which the plain rule
 * files in `dist/<env>/prometheus/` are rendered, and which the MON and SLO rules read. An
 * `addOverride` on it changes both. Plain values only: no cdktf types.
 *
 * input: `{ kind: 'kafka-iac/prometheus-rules', cluster, metrics_backend, groups }`, where
 * `groups` is a rule file's `groups` with every string escaped for Terraform templates.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROMETHEUS_RULES_ARTEFACT_KIND = void 0;
exports.prometheusRulesArtefactInput = prometheusRulesArtefactInput;
exports.isPrometheusRulesArtefactInput = isPrometheusRulesArtefactInput;
exports.ruleGroupsOfArtefactInput = ruleGroupsOfArtefactInput;
exports.escapeTerraformTemplates = escapeTerraformTemplates;
exports.unescapeTerraformTemplates = unescapeTerraformTemplates;
/** The `input.kind` of the terraform_data that holds a cluster's Prometheus rule groups. */
exports.PROMETHEUS_RULES_ARTEFACT_KIND = 'kafka-iac/prometheus-rules';
/** The artefact input for rendered groups (`renderGroups`). */
function prometheusRulesArtefactInput(cluster, metricsBackend, groups) {
    return escapeTerraformTemplates({ kind: exports.PROMETHEUS_RULES_ARTEFACT_KIND, cluster, metrics_backend: metricsBackend, groups });
}
/** Whether a terraform_data `input` is a Prometheus rules artefact. */
function isPrometheusRulesArtefactInput(input) {
    return typeof input === 'object' && input !== null && input.kind === exports.PROMETHEUS_RULES_ARTEFACT_KIND;
}
/** The rule groups of an artefact input as literal text (an empty list when they are missing or not a list). */
function ruleGroupsOfArtefactInput(input) {
    const groups = input?.groups;
    return Array.isArray(groups) ? unescapeTerraformTemplates(groups.filter((g) => g !== null && typeof g === 'object')) : [];
}
/** Terraform reads `${` and `%{` in strings as templates; every string of a value becomes literal text. */
function escapeTerraformTemplates(value) {
    return mapStrings(value, (s) => s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{'));
}
/** The literal text of `escapeTerraformTemplates` output. */
function unescapeTerraformTemplates(value) {
    return mapStrings(value, (s) => s.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{'));
}
function mapStrings(value, f) {
    if (typeof value === 'string')
        return f(value);
    if (Array.isArray(value))
        return value.map((v) => mapStrings(v, f));
    if (value !== null && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
    return value;
}
