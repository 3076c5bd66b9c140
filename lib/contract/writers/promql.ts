/**
 * The PromQL writer: label values as escaped string literals. The implementation lives in the
 * model (`lib/model/monitoring/promql-string.ts`) because the model's selectors and SLO rules
 * are written with it; targets import it from here.
 */
export { promqlMatchers, promqlString } from '../../model/monitoring/promql-string';
