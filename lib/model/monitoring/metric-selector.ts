import { promqlString } from './promql-string';

/**
 * A metric and the labels that select it. Renders the PromQL selector and, for promtool tests,
 * a concrete series with every label spelled out.
 */
export class MetricSelector {
  /**
   * @param name the metric name
   * @param matchers exact label matchers
   * @param regexMatchers regex label matchers, each with an example value that the regex accepts (for tests)
   */
  public constructor(
    public readonly name: string,
    public readonly matchers: Readonly<Record<string, string>>,
    public readonly regexMatchers: Readonly<Record<string, { readonly pattern: string; readonly example: string }>> = {},
  ) {}

  /** The same metric with more exact matchers. */
  public with(matchers: Readonly<Record<string, string>>): MetricSelector {
    return new MetricSelector(this.name, { ...this.matchers, ...matchers }, this.regexMatchers);
  }

  /** `name{a="x",b=~"y|z"}` */
  public toString(): string {
    const parts = [
      ...Object.entries(this.matchers).map(([k, v]) => `${k}=${promqlString(v)}`),
      ...Object.entries(this.regexMatchers).map(([k, v]) => `${k}=~${promqlString(v.pattern)}`),
    ];
    return parts.length === 0 ? this.name : `${this.name}{${parts.join(',')}}`;
  }

  /** A concrete series this selector matches, with extra labels (the broker, the group). */
  public series(extra: Readonly<Record<string, string>> = {}): string {
    const labels: Record<string, string> = { ...this.matchers };
    for (const [k, v] of Object.entries(this.regexMatchers)) labels[k] = v.example;
    Object.assign(labels, extra);
    const name = labels.__name__ ?? this.name;
    delete labels.__name__;
    const parts = Object.entries(labels).map(([k, v]) => `${k}=${promqlString(v)}`);
    return parts.length === 0 ? name : `${name}{${parts.join(',')}}`;
  }
}
