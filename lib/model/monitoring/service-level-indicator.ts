import type { BackendMetrics } from './metrics-backend';

/** An indicator resolved against one metrics backend: an expression of one series and the value above which a minute is bad. */
export interface ResolvedIndicator {
  /** PromQL that gives one series (no labels) per evaluation. */
  readonly expression: string;
  /** A minute is bad when the expression is above this value. */
  readonly threshold: number;
  /** A concrete input series that drives `expression` in promtool tests (its value is the expression's value). */
  readonly testSeries: string;
  /** What the indicator measures, for annotations and runbooks. */
  readonly description: string;
}

/** Props of a custom indicator: any expression of one series, bad above a threshold. */
export interface ThresholdIndicatorProps {
  /** PromQL that gives one series; aggregate it (`max(...)`) so that labels do not matter. */
  readonly expression: string;
  /** A minute is bad when the expression is above this value. */
  readonly threshold: number;
  /** A concrete series that makes the expression equal its value, for the generated promtool tests. */
  readonly testSeries: string;
  /** What is measured, such as 'checkout consumer lag'. */
  readonly description: string;
}

/**
 * What an SLO measures, as time slices: each evaluation (a minute) is good or bad, and the
 * error ratio over a window is the share of bad minutes. Kafka exposes percentiles and gauges,
 * not per-request buckets, so time slices are the honest SLI for these objectives.
 */
export class ServiceLevelIndicator {
  /** SLO-001: produce request latency P99 below `thresholdMs` (the worst broker counts). */
  public static produceLatencyP99(thresholdMs = 100): ServiceLevelIndicator {
    return new ServiceLevelIndicator(thresholdMs, `produce request latency P99 < ${thresholdMs} ms`, (m) => {
      const sel = m.requestP99.with({ [m.requestLabel]: 'Produce' });
      return { expression: `max(${sel})`, testSeries: sel.series({ [m.nodeLabel]: m.nodeExample(0) }) };
    });
  }

  /** SLO-002: the largest consumer group lag (per group and topic) below `messages`. */
  public static maxConsumerLag(messages = 10_000): ServiceLevelIndicator {
    return new ServiceLevelIndicator(messages, `max consumer lag < ${messages} messages`, (m) => ({
      expression: `max(${m.lagAggregation} by (${m.lagGroupLabel}, ${m.lagTopicLabel}) (${m.consumerLag}))`,
      testSeries: m.consumerLag.series({ [m.lagGroupLabel]: 'orders-service', [m.lagTopicLabel]: 'orders', partition: '0' }),
    }));
  }

  /** SLO-003: no under-replicated partitions anywhere in the cluster. */
  public static noUnderReplicatedPartitions(): ServiceLevelIndicator {
    return new ServiceLevelIndicator(0, 'under-replicated partitions = 0', (m) => ({
      expression: `sum(${m.underReplicated})`,
      testSeries: m.underReplicated.series({ [m.nodeLabel]: m.nodeExample(0) }),
    }));
  }

  /** Your own indicator: any expression of one series, bad above a threshold. */
  public static threshold(props: ThresholdIndicatorProps): ServiceLevelIndicator {
    return new ServiceLevelIndicator(props.threshold, props.description, () => ({ expression: props.expression, testSeries: props.testSeries }));
  }

  /**
   * @param bound a minute is bad when the indicator is above this value, on every backend
   * @param summary what is measured and the bound, such as `produce request latency P99 < 100 ms`
   */
  private constructor(
    /**
     * A minute is bad when the indicator is above this value, the same on every metrics backend
     * (named apart from the static `threshold()` factory: jsii languages refuse a static and an
     * instance member of one name).
     */
    public readonly bound: number,
    /** What is measured and its bound: `produce request latency P99 < 100 ms`. */
    public readonly summary: string,
    private readonly resolver: (m: BackendMetrics) => Pick<ResolvedIndicator, 'expression' | 'testSeries'>,
  ) {}

  /** The indicator against one backend's metric names. */
  public resolve(metrics: BackendMetrics): ResolvedIndicator {
    return { ...this.resolver(metrics), threshold: this.bound, description: this.summary };
  }
}
