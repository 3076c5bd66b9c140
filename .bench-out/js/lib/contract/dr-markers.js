"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DR_PAIRING_ARTEFACT_KIND = exports.DR_PAIRING_TAG = exports.DR_PAIRING_ANNOTATION = void 0;
exports.drPairingArtefactInput = drPairingArtefactInput;
exports.parseDrPairingDeclaration = parseDrPairingDeclaration;
/**
 * The annotations, tags and kinds that carry a DR pairing's declaration into synthesized
 * output, so that the DR rules check the replication (after any escape hatch) against what was
 * declared, without importing any construct. Plain strings only.
 *
 * - Kubernetes (KafkaMirrorMaker2, KafkaConnector): annotation `DR_PAIRING_ANNOTATION` holds
 *   the declaration as JSON.
 * - Terraform (aws_msk_replicator): the replicator carries tag `DR_PAIRING_TAG` = the pairing
 *   name; a `terraform_data` in the same stack has `input` = `drPairingArtefactInput(pairing)`
 *   (`kind` = `DR_PAIRING_ARTEFACT_KIND`, `pairing` = the name, `declaration` = JSON).
 */
/** Annotation with the pairing declaration (JSON) on MirrorMaker 2 resources; read by DR-001..DR-005. */
exports.DR_PAIRING_ANNOTATION = 'kafka-iac.dev/dr-pairing';
/** Tag on an `aws_msk_replicator` naming its pairing (`<primary>-to-<peer>`); read by the DR rules. */
exports.DR_PAIRING_TAG = 'kafka-iac:dr-pairing';
/** The `input.kind` of the `terraform_data` that holds a pairing declaration; read by the DR rules. */
exports.DR_PAIRING_ARTEFACT_KIND = 'kafka-iac/dr-pairing';
/** The `input` of the `terraform_data` that carries a pairing declaration into Terraform JSON. Pure. */
function drPairingArtefactInput(pairing) {
    return { kind: exports.DR_PAIRING_ARTEFACT_KIND, pairing: pairing.name, declaration: JSON.stringify(pairing.declaration) };
}
/** Parses a declaration written by `DrPairing.declaration`; undefined when absent or not one. */
function parseDrPairingDeclaration(text) {
    if (typeof text !== 'string')
        return undefined;
    try {
        const d = JSON.parse(text);
        if (typeof d !== 'object' || d === null || typeof d.name !== 'string' || !Array.isArray(d.topics))
            return undefined;
        return d;
    }
    catch {
        return undefined;
    }
}
