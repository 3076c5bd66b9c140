"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isMirrorMaker2 = isMirrorMaker2;
exports.isMskReplicator = isMskReplicator;
exports.declarationOf = declarationOf;
exports.missingDeclaration = missingDeclaration;
exports.mirrorsOf = mirrorsOf;
exports.connectorConfig = connectorConfig;
exports.patternCovers = patternCovers;
exports.groupProbe = groupProbe;
exports.booleanOf = booleanOf;
exports.blockOf = blockOf;
exports.regionOfArn = regionOfArn;
const dr_markers_1 = require("../../contract/dr-markers");
const document_1 = require("../../contract/document");
/**
 * What the DR rules read: the replication documents (a Strimzi `KafkaMirrorMaker2`, an
 * `aws_msk_replicator`) and the pairing declaration each carries (annotation
 * `kafka-iac.dev/dr-pairing`; for the replicator, tag `kafka-iac:dr-pairing` naming a
 * `terraform_data` of kind `kafka-iac/dr-pairing`). Pure functions over plain documents.
 */
/** True for a Strimzi KafkaMirrorMaker2. */
function isMirrorMaker2(doc) {
    return doc.source === 'kubernetes' && doc.kind === 'KafkaMirrorMaker2' && (0, document_1.apiGroupOf)(doc) === 'kafka.strimzi.io';
}
/** True for an MSK Replicator. */
function isMskReplicator(doc) {
    return doc.source === 'terraform' && doc.type === 'aws_msk_replicator';
}
/** The pairing declaration a replication document carries, if any (after escape hatches). */
function declarationOf(doc, index) {
    if (isMirrorMaker2(doc))
        return (0, dr_markers_1.parseDrPairingDeclaration)(doc.body.metadata?.annotations?.[dr_markers_1.DR_PAIRING_ANNOTATION]);
    if (isMskReplicator(doc)) {
        const name = doc.body.tags?.[dr_markers_1.DR_PAIRING_TAG];
        if (typeof name !== 'string')
            return undefined;
        const artefact = index.terraform('terraform_data').find((d) => d.body.input?.kind === dr_markers_1.DR_PAIRING_ARTEFACT_KIND && d.body.input?.pairing === name);
        return (0, dr_markers_1.parseDrPairingDeclaration)(artefact?.body.input?.declaration);
    }
    return undefined;
}
/** How a replication without a declaration is reported. */
function missingDeclaration(doc) {
    return isMirrorMaker2(doc)
        ? {
            found: `annotation ${dr_markers_1.DR_PAIRING_ANNOTATION} is not set (or not a pairing declaration)`,
            expected: 'the DR pairing this MirrorMaker 2 carries out: peer, regions, RPO, RTO, topics, groups',
            fix: 'Build the KafkaMirrorMaker2 with StrimziMirrorMaker2 from a DrPairing, and keep its annotation.',
        }
        : {
            found: typeof doc.body.tags?.[dr_markers_1.DR_PAIRING_TAG] === 'string'
                ? `tag ${dr_markers_1.DR_PAIRING_TAG} is '${doc.body.tags[dr_markers_1.DR_PAIRING_TAG]}', which names no terraform_data of kind ${dr_markers_1.DR_PAIRING_ARTEFACT_KIND}`
                : `tag ${dr_markers_1.DR_PAIRING_TAG} is not set: no DR pairing declares this replicator's RPO and RTO`,
            expected: 'the DR pairing this replicator carries out: peer, regions, RPO, RTO, topics, groups',
            fix: 'Build the replicator with MskReplicator from a DrPairing (it tags the replicator and writes the declaration).',
        };
}
/** The mirrors of a KafkaMirrorMaker2. */
function mirrorsOf(doc) {
    const m = doc.body.spec?.mirrors;
    return Array.isArray(m) ? m : [];
}
/** A connector's `config` (empty when absent). */
function connectorConfig(mirror, connector) {
    const c = mirror?.[connector]?.config;
    return c && typeof c === 'object' ? c : {};
}
/**
 * Whether a name is selected by a topic or group pattern: a regular expression or a
 * comma-separated list of them (MirrorMaker 2 `topics`/`groups`, Strimzi `topicsPattern`), or a
 * list (MSK Replicator), matched against the whole name as Java's `matches()` does.
 */
function patternCovers(pattern, name) {
    const parts = (Array.isArray(pattern) ? pattern : typeof pattern === 'string' ? pattern.split(',') : [])
        .map((p) => String(p).trim()).filter((p) => p !== '');
    return parts.some((p) => {
        try {
            return new RegExp(`^(?:${p})$`).test(name);
        }
        catch {
            return false;
        }
    });
}
/** A group of the declaration as the names a pattern must cover (a prefix: the prefix followed by something). */
function groupProbe(group) {
    return group.isPrefix ? `${group.name}x` : group.name;
}
/** `true`/`"true"` → true, `false`/`"false"` → false, anything else → undefined. */
function booleanOf(v) {
    if (v === true || v === 'true')
        return true;
    if (v === false || v === 'false')
        return false;
    return undefined;
}
/** The single block of a Terraform nested block (written as an object or a one-element list). */
function blockOf(v) {
    if (Array.isArray(v))
        return v[0];
    return v && typeof v === 'object' ? v : undefined;
}
/** The region of an ARN literal (`arn:aws:kafka:us-east-1:...`), or undefined for a reference. */
function regionOfArn(arn) {
    return typeof arn === 'string' ? /^arn:[^:]+:[^:]+:([a-z0-9-]+):/.exec(arn)?.[1] : undefined;
}
