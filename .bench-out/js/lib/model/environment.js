"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Environment = exports.EnvironmentProfile = void 0;
exports.outputRenderContext = outputRenderContext;
const errors_1 = require("./errors");
/**
 * How strict the rules are for an environment.
 *
 * `staging` is production-like by design: every rule applies to it.
 */
var EnvironmentProfile;
(function (EnvironmentProfile) {
    /** Relaxes the HA rules (a single broker is fine); every other rule, and SEC-009, still holds. */
    EnvironmentProfile["DEVELOPMENT"] = "development";
    /** Production-like: every rule is in force. */
    EnvironmentProfile["STAGING"] = "staging";
    /** Every rule is in force; destructive changes to storage and keys are prevented. */
    EnvironmentProfile["PRODUCTION"] = "production";
})(EnvironmentProfile || (exports.EnvironmentProfile = EnvironmentProfile = {}));
const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const attached = new WeakMap();
/**
 * A context for one synthesis: each stack's Terraform JSON is rendered at most once.
 * @param synthesized stacks' JSON already rendered by this synthesis (as written to cdk.tf.json)
 */
function outputRenderContext(synthesized = new Map()) {
    const rendered = new Map(synthesized);
    return {
        terraformJson(stack) {
            let json = rendered.get(stack);
            if (!json) {
                json = stack.toTerraform();
                rendered.set(stack, json);
            }
            return json;
        },
    };
}
/** A deployment environment: its name, its rule profile and its region. */
class Environment {
    /** A `development` environment: HA rules are relaxed. */
    static development(props) {
        return new Environment({ ...props, profile: EnvironmentProfile.DEVELOPMENT });
    }
    /** A production-like `staging` environment. */
    static staging(props) {
        return new Environment({ ...props, profile: EnvironmentProfile.STAGING });
    }
    /** A `production` environment. */
    static production(props) {
        return new Environment({ ...props, profile: EnvironmentProfile.PRODUCTION });
    }
    /** The environment attached to the nearest enclosing stack or chart, or throws. */
    static of(scope) {
        const found = Environment.tryOf(scope);
        if (!found) {
            throw errors_1.KafkaIacError.missingEnvironment(scope.node.path);
        }
        return found;
    }
    /** The environment attached to the nearest enclosing stack or chart, if any. */
    static tryOf(scope) {
        for (const s of scope.node.scopes.slice().reverse()) {
            const env = attached.get(s);
            if (env)
                return env;
        }
        return undefined;
    }
    name;
    profile;
    region;
    namespace;
    files = new Map();
    sections = new Map();
    constructor(props) {
        if (!ENVIRONMENT_NAME.test(props.name)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-ENV', path: 'Environment', prop: 'name', found: props.name,
                expected: 'lower-case letters, digits and dashes, starting with a letter, at most 31 characters',
                fix: "Use a name such as 'production' or 'dr-us-west-2'.",
            });
        }
        if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(props.region)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-ENV', path: `Environment ${props.name}`, prop: 'region', found: props.region,
                expected: 'a region name such as us-east-1', fix: 'Set region to the AWS region name.',
            });
        }
        this.name = props.name;
        this.profile = props.profile;
        this.region = props.region;
        this.namespace = props.namespace ?? 'kafka';
    }
    /** True for `staging` and `production`: every rule is in force. */
    get isProductionLike() {
        return this.profile !== EnvironmentProfile.DEVELOPMENT;
    }
    /** True for `production` only: destructive changes are prevented (`prevent_destroy`). */
    get isProduction() {
        return this.profile === EnvironmentProfile.PRODUCTION;
    }
    /**
     * A DR peer of this environment: a production-profile environment in another region.
     * @see DR-001
     */
    drPeer(props) {
        if (props.region === this.region) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path: `Environment ${props.name}`, prop: 'region', found: props.region,
                expected: `a region other than ${this.region}, the region of ${this.name}`,
                fix: 'Put the DR peer in another region, for example us-west-2.',
            });
        }
        return new Environment({ ...props, profile: EnvironmentProfile.PRODUCTION });
    }
    /**
     * Adds a file that is written to `dist/<env>/<relativePath>` after synthesis (promtool
     * tests, runbooks, client properties). `render` is called once, when the file is written,
     * with a context whose reads are shared by every file of that synthesis (called directly,
     * it gets none). A second file at the same path is an error.
     */
    addOutputFile(relativePath, render) {
        if (relativePath.startsWith('/') || relativePath.split('/').includes('..')) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-OUTPUT', path: `Environment ${this.name}`, prop: 'relativePath', found: relativePath,
                expected: 'a path inside dist/<env>/', fix: "Use a relative path such as 'runbooks/broker-down.md'.",
            });
        }
        if (this.files.has(relativePath))
            throw errors_1.KafkaIacError.duplicate('KIAC-OUTPUT', `Environment ${this.name}`, 'output file', relativePath);
        this.files.set(relativePath, render);
    }
    /** The files added with `addOutputFile`, by relative path. */
    get outputFiles() {
        return this.files;
    }
    /**
     * Adds a section to the environment's rules report (a capacity plan, a cost estimate).
     * A later section with the same title replaces the earlier one.
     */
    addReportSection(section) {
        this.sections.set(section.title, section);
    }
    /** The sections added with `addReportSection`. */
    get reportSections() {
        return [...this.sections.values()];
    }
    /** Attaches this environment to a stack or chart, so that constructs under it find it with `Environment.of`. */
    attachTo(scope) {
        attached.set(scope, this);
    }
}
exports.Environment = Environment;
