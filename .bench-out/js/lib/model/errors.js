"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaIacError = void 0;
/**
 * The one error type of kafka-iac. Built only by the named factories below, so that every
 * message carries the rule ID or error code, the construct path, the value found, the value
 * expected and the fix.
 */
class KafkaIacError extends Error {
    code;
    constructPath;
    /** A bad prop, caught at construction. */
    static invalidProp(p) {
        return new KafkaIacError(p.code, p.path, `${p.code} [${p.path}] ${p.prop} is ${show(p.found)}; expected ${p.expected}. ${p.fix}`);
    }
    /**
     * A required prop that is missing or not an object (plain JavaScript callers, `as any`):
     * returns it, typed, or throws the same error as `invalidProp` instead of a TypeError later.
     */
    static required(value, p) {
        if (value === null || value === undefined || typeof value !== 'object')
            throw KafkaIacError.invalidProp({ ...p, found: value });
        return value;
    }
    /** Synthesis stopped: one line per violation. */
    static ruleViolations(lines) {
        return new KafkaIacError('RULES', '', `${lines.length} rule violation(s):\n  ${lines.join('\n  ')}`);
    }
    /** A suppression whose reason is missing or is not a real sentence. */
    static suppressionWithoutReason(path, id, reason) {
        return new KafkaIacError('KIAC-SUPPRESS', path, `KIAC-SUPPRESS [${path}] the suppression of ${id} has reason ${show(reason)}; expected a sentence of at least 20 characters and 4 words that says why the rule does not apply. Write the reason, for example { id: '${id}', reason: 'Single-broker sandbox cluster used only for demos.' }.`);
    }
    /** A suppression of a rule ID the registry does not know. */
    static unknownRuleId(path, id, known) {
        return new KafkaIacError('KIAC-SUPPRESS', path, `KIAC-SUPPRESS [${path}] suppression id is ${show(id)}; expected one of the rule IDs in RULES.md (${known.slice(0, 6).join(', ')}, ...). Fix the ID's spelling.`);
    }
    /** A construct was created outside a stack or chart that carries an Environment. */
    static missingEnvironment(path) {
        return new KafkaIacError('KIAC-ENV', path, `KIAC-ENV [${path}] environment is missing; expected the construct inside a KafkaStack or KafkaChart (or a scope passed to Environment.attachTo). Create it under new KafkaStack(app, id, { environment }).`);
    }
    /**
     * A KafkaApp method needs a target whose module was not loaded: `kafka-iac/msk` (cdktf) or
     * `kafka-iac/kubernetes` (cdk8s). Each entry point loads only its own target.
     */
    static targetNotLoaded(path, method, target, entryPoint) {
        return new KafkaIacError('KIAC-TARGET', path, `KIAC-TARGET [${path}] ${method} needs the ${target} target, which is not loaded; expected an import from '${entryPoint}' or 'kafka-iac'. Import KafkaApp (or any construct) from '${entryPoint}', or from 'kafka-iac', which loads every target.`);
    }
    /** Two things that must be unique share a name. */
    static duplicate(code, path, what, name) {
        return new KafkaIacError(code, path, `${code} [${path}] ${what} ${show(name)} is declared twice; expected unique names. Rename or remove one of them.`);
    }
    constructor(code, constructPath, message) {
        super(message);
        this.code = code;
        this.constructPath = constructPath;
        this.name = 'KafkaIacError';
    }
}
exports.KafkaIacError = KafkaIacError;
function show(v) {
    if (typeof v === 'string')
        return `'${v}'`;
    if (v === undefined)
        return 'not set';
    return JSON.stringify(v);
}
