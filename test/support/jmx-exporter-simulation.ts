import { KAFKA_JMX_EXPORTER_RULES, type JmxExporterRule } from '../../lib/targets/kubernetes/jmx-exporter-rules';

/**
 * What the JMX exporter does with one MBean attribute, written as the exporter writes it
 * (`domain<key=value, ...><>attribute: value`): the first rule whose pattern matches (wrapped
 * as `^.*(?:pattern).*$`) names the sample, with `$n` replaced, the name lower-cased, and
 * characters Prometheus does not allow in names replaced by `_` (the exporter's safe names).
 */
export function exported(bean: string, rules: readonly JmxExporterRule[] = KAFKA_JMX_EXPORTER_RULES) {
  for (const rule of rules) {
    const m = new RegExp(`^.*(?:${rule.pattern}).*$`).exec(bean);
    if (!m) continue;
    const sub = (s: string) => s.replace(/\$(\d+)/g, (_, n) => m[Number(n)] ?? '');
    const safe = (s: string) => s.replace(/[^a-zA-Z0-9:_]/g, '_').replace(/__+/g, '_');
    const labels = Object.fromEntries(Object.entries(rule.labels ?? {}).map(([k, v]) => [safe(sub(k)), sub(v)]));
    return { name: safe(sub(rule.name).toLowerCase()), labels, type: rule.type };
  }
  return undefined;
}
