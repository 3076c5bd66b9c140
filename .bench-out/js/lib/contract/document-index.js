"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DocumentIndex = void 0;
const REFERENCE = /^\$\{([a-z0-9_.]+?)\.([a-z0-9_-]+)\.[a-z0-9_[\].]+\}$/i;
/**
 * Every synthesized document of one synthesis, indexed once so that a rule can look up a
 * related document by reference in O(1) instead of rescanning the output.
 */
class DocumentIndex {
    documents;
    byType = new Map();
    byAddress = new Map();
    byKind = new Map();
    byKindName = new Map();
    constructor(documents) {
        this.documents = documents;
        for (const doc of documents) {
            if (doc.source === 'terraform') {
                push(this.byType, doc.type, doc);
                this.byAddress.set(doc.address, doc);
            }
            else {
                push(this.byKind, doc.kind, doc);
                this.byKindName.set(kindKey(doc.kind, doc.name, doc.namespace), doc);
            }
        }
    }
    /** Terraform resources of one type. */
    terraform(type) {
        return this.byType.get(type) ?? [];
    }
    /** Kubernetes objects of one kind. */
    kubernetes(kind) {
        return this.byKind.get(kind) ?? [];
    }
    /** A Kubernetes object by kind, name and namespace. */
    kubernetesByName(kind, name, namespace) {
        return this.byKindName.get(kindKey(kind, name, namespace));
    }
    /** A Terraform resource by address (`aws_kms_key.key`). */
    terraformByAddress(address) {
        return this.byAddress.get(address);
    }
    /**
     * The resource a reference expression such as `${aws_kms_key.key.arn}` points at, or
     * undefined for a literal or an expression that is not a plain reference.
     */
    resolve(expression) {
        if (typeof expression !== 'string')
            return undefined;
        const m = REFERENCE.exec(expression);
        if (!m)
            return undefined;
        return this.byAddress.get(`${m[1]}.${m[2]}`);
    }
}
exports.DocumentIndex = DocumentIndex;
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
function kindKey(kind, name, namespace) {
    return `${kind}|${namespace ?? ''}|${name}`;
}
