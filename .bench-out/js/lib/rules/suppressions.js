"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RuleSuppressions = void 0;
const errors_1 = require("../model/errors");
const registry_1 = require("./registry");
const vocabulary_1 = require("../contract/vocabulary");
const store = new WeakMap();
/** Attaching suppressions to constructs, and finding the ones that cover a construct path. */
class RuleSuppressions {
    /**
     * Suppresses rules on `scope` and every construct below it. Each reason is mandatory and
     * must be a sentence; an unknown rule ID is an error. The suppression is written into the
     * compliance report, and into the resource itself where it has a place for it (a `//`
     * comment in Terraform JSON, an annotation on a Kubernetes object).
     */
    static add(scope, suppressions) {
        const path = scope.node.path || '<root>';
        for (const s of suppressions) {
            if (!registry_1.RuleRegistry.has(s.id))
                throw errors_1.KafkaIacError.unknownRuleId(path, s.id, registry_1.RuleRegistry.ids());
            if (!isSentence(s.reason))
                throw errors_1.KafkaIacError.suppressionWithoutReason(path, s.id, s.reason);
        }
        const list = store.get(scope) ?? [];
        list.push(...suppressions.map((s) => ({ id: s.id, reason: s.reason.trim() })));
        store.set(scope, list);
        annotate(scope, list);
    }
    /** The suppressions attached directly to `scope`. */
    static of(scope) {
        return store.get(scope) ?? [];
    }
    /**
     * Builds, once, a lookup from construct path to the suppressions that cover it (its own and
     * every ancestor's), for the tree under `root` and the scopes above it.
     */
    static lookup(root) {
        const byPath = new Map();
        for (const c of [...root.node.scopes, ...root.node.findAll()]) {
            const list = store.get(c);
            if (list)
                byPath.set(c.node.path, list);
        }
        if (byPath.size === 0)
            return () => undefined;
        return (path, id) => {
            const parts = path.split('/');
            for (let n = parts.length; n >= 0; n--) {
                const prefix = parts.slice(0, n).join('/');
                const hit = byPath.get(prefix)?.find((s) => s.id === id);
                if (hit)
                    return { ...hit, attachedTo: prefix || '<root>' };
            }
            return undefined;
        };
    }
}
exports.RuleSuppressions = RuleSuppressions;
function isSentence(reason) {
    if (typeof reason !== 'string')
        return false;
    const text = reason.trim();
    return text.length >= 20 && text.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length >= 4;
}
/** Duck-typed so that the rules stay free of cdktf and cdk8s types. */
function annotate(scope, list) {
    const text = list.map((s) => `${s.id}: ${s.reason}`).join('; ');
    const target = scope;
    if (typeof target.addOverride === 'function' && 'terraformResourceType' in scope) {
        target.addOverride('//.kafka_iac_suppressions', list.map((s) => ({ id: s.id, reason: s.reason })));
    }
    else if (typeof target.metadata?.addAnnotation === 'function') {
        target.metadata.addAnnotation(vocabulary_1.SUPPRESSIONS_ANNOTATION, text);
    }
}
