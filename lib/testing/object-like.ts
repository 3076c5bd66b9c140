/**
 * Where `actual` differs from the partial `expected`, or undefined when it matches. Objects match
 * when every key of `expected` matches (other keys may be there); arrays match element by
 * element and must have the same length; anything else must be equal. The same idea as
 * aws-cdk's `Match.objectLike` and vitest's `toMatchObject`.
 */
export function objectLikeMismatch(actual: unknown, expected: unknown, at = ''): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at || 'value'} is ${JSON.stringify(actual)}, not an array`;
    if (actual.length !== expected.length) return `${at || 'value'} has ${actual.length} items, not ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const m = objectLikeMismatch(actual[i], expected[i], `${at}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${at || 'value'} is ${JSON.stringify(actual)}, not an object`;
    for (const [key, value] of Object.entries(expected)) {
      const m = objectLikeMismatch((actual as Record<string, unknown>)[key], value, at ? `${at}.${key}` : key);
      if (m) return m;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${at || 'value'} is ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`;
}
