/**
 * `read(key)` done once per key: the first call with an object reads, later calls with the same
 * object get that result (held weakly: it goes with the object). For the views the rules share
 * (documents grouped by cluster, the alerts of a rule document: one synthesis's index and
 * documents do not change while the rules run, and no rule rescans them per document) and the
 * output files that read the same synthesized value once per synthesis (`oncePerSynthesis`).
 */
export function oncePer<K extends object, T>(read: (key: K) => T): (key: K) => T {
  const results = new WeakMap<K, { readonly value: T }>();
  return (key) => {
    let result = results.get(key);
    // Stryker disable next-line ConditionalExpression: equivalent, reading again gives the same value (the cache only saves work)
    if (!result) {
      result = { value: read(key) };
      results.set(key, result);
    }
    return result.value;
  };
}
