"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MSK_ADMIN_TOPICS = void 0;
exports.asMskAdminArtefact = asMskAdminArtefact;
exports.mskAdminTopicLinesOf = mskAdminTopicLinesOf;
exports.mskClusterOfArtefact = mskClusterOfArtefact;
exports.checkMskAdminTopicLines = checkMskAdminTopicLines;
const vocabulary_1 = require("../../contract/vocabulary");
const rule_1 = require("../rule");
const admin_command_lines_1 = require("../../contract/admin-command-lines");
/**
 * Reading the MSK admin artefact for the rules: the `terraform_data` whose `input.kind` is
 * `kafka-iac/kafka-admin` (written by MskAccess), whose `input.topics` becomes
 * `dist/<env>/kafka-admin/topics.txt` and is applied by `apply.sh`. Provider 5.100 has no MSK
 * topic resource, so these lines are where an MSK topic's partitions, replication factor and
 * overrides are declared.
 */
/** Where an MSK artefact's topic lines are, for messages. */
exports.MSK_ADMIN_TOPICS = 'input.topics (kafka-admin/topics.txt)';
/** The document if it is the MSK admin artefact. */
function asMskAdminArtefact(doc) {
    return doc.source === 'terraform' && doc.type === 'terraform_data' && doc.body.input?.kind === vocabulary_1.KAFKA_ADMIN_ARTEFACT_KIND ? doc : undefined;
}
/**
 * The topic lines of an MSK admin artefact, as `topics.txt` will hold them: Terraform's
 * template escapes (`$${`, `%%{`) undone. Undefined when `input.topics` is not text.
 */
function mskAdminTopicLinesOf(artefact) {
    const text = artefact.body.input?.topics;
    if (typeof text !== 'string')
        return undefined;
    return (0, admin_command_lines_1.parseTopicLines)(text.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{'));
}
/** The `aws_msk_cluster` an artefact is for: the one whose `cluster_name` is the artefact's `input.cluster`. */
function mskClusterOfArtefact(artefact, index) {
    const name = artefact.body.input?.cluster;
    return typeof name === 'string' ? index.terraform('aws_msk_cluster').find((c) => c.body.cluster_name === name) : undefined;
}
/**
 * Checks the topic lines of an MSK admin artefact with `check` (which adds its findings); an
 * `input.topics` that is not text is itself a finding, since no line can then be read.
 */
function checkMskAdminTopicLines(artefact, check) {
    const lines = mskAdminTopicLinesOf(artefact);
    const f = new rule_1.Findings();
    if (lines === undefined) {
        f.add({ found: `input.topics is ${(0, rule_1.shown)(artefact.body.input?.topics)}`, expected: 'the kafka-topics.sh lines as text', fix: 'Remove the override of input.topics; MskAccess writes the lines from the access model.' });
    }
    else {
        check(lines, exports.MSK_ADMIN_TOPICS, f);
    }
    return f.outcome();
}
