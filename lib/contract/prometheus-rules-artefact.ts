/**
 * The Prometheus rule groups of an MSK cluster (open monitoring) as a synthesized document: the
 * `input` of a `terraform_data` that MskPrometheusMonitoring writes, from which the plain rule
 * files in `dist/<env>/prometheus/` are rendered, and which the MON and SLO rules read. An
 * `addOverride` on it changes both. Plain values only: no cdktf types.
 *
 * input: `{ kind: 'kafka-iac/prometheus-rules', cluster, metrics_backend, groups }`, where
 * `groups` is a rule file's `groups` with every string escaped for Terraform templates.
 */

/** The `input.kind` of the terraform_data that holds a cluster's Prometheus rule groups. */
export const PROMETHEUS_RULES_ARTEFACT_KIND = 'kafka-iac/prometheus-rules';

/** What the terraform_data holds. */
export interface PrometheusRulesArtefactInput {
  readonly kind: typeof PROMETHEUS_RULES_ARTEFACT_KIND;
  /** The Kafka cluster the rules monitor (the MON rules match it with the cluster's name). */
  readonly cluster: string;
  /** The metrics backend (`msk-open-monitoring`). */
  readonly metrics_backend: string;
  /** The rule groups, as in a rule file, with Terraform templates escaped. */
  readonly groups: readonly Record<string, unknown>[];
}

/** The artefact input for rendered groups (`renderGroups`). */
export function prometheusRulesArtefactInput(cluster: string, metricsBackend: string, groups: readonly Record<string, unknown>[]): PrometheusRulesArtefactInput {
  return escapeTerraformTemplates({ kind: PROMETHEUS_RULES_ARTEFACT_KIND, cluster, metrics_backend: metricsBackend, groups });
}

/** Whether a terraform_data `input` is a Prometheus rules artefact. */
export function isPrometheusRulesArtefactInput(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as Record<string, unknown>).kind === PROMETHEUS_RULES_ARTEFACT_KIND;
}

/** The rule groups of an artefact input as literal text (an empty list when they are missing or not a list). */
export function ruleGroupsOfArtefactInput(input: unknown): Record<string, any>[] {
  const groups = (input as Record<string, unknown> | undefined)?.groups;
  return Array.isArray(groups) ? unescapeTerraformTemplates(groups.filter((g) => g !== null && typeof g === 'object')) : [];
}

/** Terraform reads `${` and `%{` in strings as templates; every string of a value becomes literal text. */
export function escapeTerraformTemplates<T>(value: T): T {
  return mapStrings(value, (s) => (s.includes('{') ? s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{') : s)) as T;
}

/** The literal text of `escapeTerraformTemplates` output. */
export function unescapeTerraformTemplates<T>(value: T): T {
  return mapStrings(value, (s) => (s.includes('{') ? s.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{') : s)) as T;
}

/**
 * `value` with `f` applied to every string in it (keys stay as they are). A list or object in
 * which `f` changes no string is returned as it is, not copied: most rule groups hold no `${` or
 * `%{`, and the groups are escaped once when the construct is made and read back for the rule
 * files and for the MON and SLO rules (each copy was every object of every group again). The
 * values are plain data that nothing changes afterwards.
 */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const mapped = mapStrings(value[i], f);
      if (copy === undefined && mapped !== value[i]) copy = value.slice(0, i);
      copy?.push(mapped);
    }
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    let changed = false;
    for (const entry of entries) {
      const mapped = mapStrings(entry[1], f);
      if (mapped !== entry[1]) {
        entry[1] = mapped;
        changed = true;
      }
    }
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}
