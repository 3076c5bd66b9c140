"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.documentLabel = documentLabel;
exports.apiGroupOf = apiGroupOf;
/** A short label for reports: `aws_msk_cluster.kafka` or `Kafka/main`. */
function documentLabel(doc) {
    return doc.source === 'terraform' ? doc.address : `${doc.kind}/${doc.name}`;
}
/** The API group of a Kubernetes document (`kafka.strimzi.io`, or `` for the core group). */
function apiGroupOf(doc) {
    const i = doc.apiVersion.indexOf('/');
    return i < 0 ? '' : doc.apiVersion.slice(0, i);
}
