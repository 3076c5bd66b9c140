/** An ISO 8601 date-time (`2026-12-06T23:07:40Z`, `2026-12-06T23:07:40.123+01:00`). */
const DATE_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * A copy of `value` in which every string has its machine- and time-dependent parts replaced:
 * each `[absolutePath, placeholder]` prefix (longest first), then ISO date-times by `<date-time>`.
 * Object keys are kept in their order.
 */
export function stableValue(value: unknown, paths: readonly (readonly [string, string])[]): unknown {
  const ordered = [...paths].filter(([p]) => p.length > 1).sort((a, b) => b[0].length - a[0].length);
  const fix = (s: string) => {
    let out = s;
    for (const [p, placeholder] of ordered) out = out.split(p).join(placeholder);
    return out.replace(DATE_TIME, '<date-time>');
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fix(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [fix(k), walk(x)]));
    return v;
  };
  return walk(value);
}
