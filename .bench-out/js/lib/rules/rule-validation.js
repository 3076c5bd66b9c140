"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RuleValidation = void 0;
const engine_1 = require("./engine");
const registry_1 = require("./registry");
const suppressions_1 = require("./suppressions");
/**
 * Runs the rules at synthesis (`node.addValidation`), on the documents as they will be
 * written. Returns one line per unsuppressed error; warnings never stop synthesis.
 * The report of the last run is kept in `report`.
 */
class RuleValidation {
    root;
    props;
    lastReport;
    constructor(root, props) {
        this.root = root;
        this.props = props;
    }
    /** The report of the last validation, or undefined before synthesis. */
    get report() {
        return this.lastReport;
    }
    /** Evaluates the rules now, without throwing. */
    evaluate() {
        this.lastReport = (0, engine_1.evaluateRules)({
            environment: this.props.environment,
            documents: this.props.collect(),
            rules: this.props.rules ?? registry_1.RuleRegistry.all(),
            suppressionFor: suppressions_1.RuleSuppressions.lookup(this.root),
        });
        return this.lastReport;
    }
    validate() {
        return this.evaluate().errors().map(engine_1.formatViolation);
    }
}
exports.RuleValidation = RuleValidation;
