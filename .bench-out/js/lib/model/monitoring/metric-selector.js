"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MetricSelector = void 0;
/**
 * A metric and the labels that select it. Renders the PromQL selector and, for promtool tests,
 * a concrete series with every label spelled out.
 */
class MetricSelector {
    name;
    matchers;
    regexMatchers;
    /**
     * @param name the metric name
     * @param matchers exact label matchers
     * @param regexMatchers regex label matchers, each with an example value that the regex accepts (for tests)
     */
    constructor(name, matchers, regexMatchers = {}) {
        this.name = name;
        this.matchers = matchers;
        this.regexMatchers = regexMatchers;
    }
    /** The same metric with more exact matchers. */
    with(matchers) {
        return new MetricSelector(this.name, { ...this.matchers, ...matchers }, this.regexMatchers);
    }
    /** `name{a="x",b=~"y|z"}` */
    toString() {
        const parts = [
            ...Object.entries(this.matchers).map(([k, v]) => `${k}="${escape(v)}"`),
            ...Object.entries(this.regexMatchers).map(([k, v]) => `${k}=~"${escape(v.pattern)}"`),
        ];
        return parts.length === 0 ? this.name : `${this.name}{${parts.join(',')}}`;
    }
    /** A concrete series this selector matches, with extra labels (the broker, the group). */
    series(extra = {}) {
        const labels = { ...this.matchers };
        for (const [k, v] of Object.entries(this.regexMatchers))
            labels[k] = v.example;
        Object.assign(labels, extra);
        const name = labels.__name__ ?? this.name;
        delete labels.__name__;
        const parts = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
        return parts.length === 0 ? name : `${name}{${parts.join(',')}}`;
    }
}
exports.MetricSelector = MetricSelector;
function escape(v) {
    return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
