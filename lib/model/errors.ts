/**
 * The one error type of kafka-iac. Built only by the named factories below, so that every
 * message carries the rule ID or error code, the construct path, the value found, the value
 * expected and the fix.
 */
export class KafkaIacError extends Error {
  /** A bad prop, caught at construction. */
  public static invalidProp(p: {
    /** Rule ID (`HA-006`) or error code (`KIAC-PROP`). */
    readonly code: string;
    /** Construct path, or the name of what is being configured. */
    readonly path: string;
    readonly prop: string;
    readonly found: unknown;
    readonly expected: string;
    readonly fix: string;
  }): KafkaIacError {
    return new KafkaIacError(p.code, p.path,
      `${p.code} [${p.path}] ${p.prop} is ${show(p.found)}; expected ${p.expected}. ${p.fix}`);
  }

  /**
   * A required prop that is missing or not an object (plain JavaScript callers, `as any`):
   * returns it, typed, or throws the same error as `invalidProp` instead of a TypeError later.
   */
  public static required<T>(value: T | null | undefined, p: {
    readonly code: string; readonly path: string; readonly prop: string; readonly expected: string; readonly fix: string;
  }): T {
    if (value === null || value === undefined || typeof value !== 'object') throw KafkaIacError.invalidProp({ ...p, found: value });
    return value;
  }

  /**
   * A list that must hold at least one entry (client networks, listeners, topics): returns it,
   * or throws the same error as `invalidProp` with the list found (`[]` when it is missing).
   */
  public static nonEmpty<L extends readonly unknown[]>(list: L | null | undefined, p: {
    readonly code: string; readonly path: string; readonly prop: string; readonly expected: string; readonly fix: string;
  }): L {
    if (!Array.isArray(list) || list.length === 0) throw KafkaIacError.invalidProp({ ...p, found: list ?? [] });
    return list;
  }

  /**
   * An authentication mechanism that a target or a component does not offer (SEC-003). The
   * expected value reads `<offered> <where> (<why>)`: `iam, scram-sha-512 or tls on MSK`.
   */
  public static unsupportedAuthentication(p: {
    readonly code: string; readonly path: string; readonly prop: string; readonly found: unknown;
    /** The mechanisms offered, by name: `['iam', 'scram-sha-512', 'tls']`. */
    readonly offered: readonly string[];
    /** Where they are offered: `on MSK`, `for MirrorMaker 2 on a Strimzi cluster`. @default - not said */
    readonly where?: string;
    /** Why the one found is not offered: `IAM exists only on MSK`. @default - not said */
    readonly why?: string;
    readonly fix: string;
  }): KafkaIacError {
    const offered = p.offered.length > 1 ? `${p.offered.slice(0, -1).join(', ')} or ${p.offered.at(-1)}` : p.offered.join('');
    return KafkaIacError.invalidProp({
      code: p.code, path: p.path, prop: p.prop, found: p.found,
      expected: `${offered}${p.where ? ` ${p.where}` : ''}${p.why ? ` (${p.why})` : ''}`, fix: p.fix,
    });
  }

  /** A count that is not a whole number of at least 1 (brokers, nodes, pods, seconds). */
  public static notPositiveWhole(p: {
    readonly code: string; readonly path: string; readonly prop: string; readonly found: unknown;
    /** What is counted, in the plural: `brokers`, `Kafka nodes`, `seconds`. */
    readonly of: string;
    readonly fix: string;
  }): KafkaIacError {
    return KafkaIacError.invalidProp({ code: p.code, path: p.path, prop: p.prop, found: p.found, expected: `a whole number of ${p.of}, at least 1`, fix: p.fix });
  }

  /** Returns a count that is a whole number of at least 1, or throws `notPositiveWhole`. */
  public static positiveWhole(value: number, p: {
    readonly code: string; readonly path: string; readonly prop: string; readonly of: string; readonly fix: string;
  }): number {
    if (!Number.isInteger(value) || value < 1) throw KafkaIacError.notPositiveWhole({ ...p, found: value });
    return value;
  }

  /** A value that does not follow the grammar of its kind (a Kafka name, a DNS label, a CIDR, a duration). */
  public static grammar(p: {
    readonly code: string; readonly path: string; readonly prop: string; readonly found: unknown;
    /** The grammar in words: `a DNS-1123 label: at most 63 lower-case letters, digits and '-'`. */
    readonly grammar: string;
    readonly fix: string;
  }): KafkaIacError {
    return KafkaIacError.invalidProp({ ...p, expected: p.grammar });
  }

  /** A number that is not an integer, or outside the limits of the system it configures. */
  public static outOfRange(p: {
    readonly code: string; readonly path: string; readonly prop: string; readonly found: unknown;
    readonly min: number; readonly max: number;
    /** Where the limit comes from (`MSK`, `Kafka`, `Kubernetes`). */
    readonly limitOf?: string;
    /** Whether fractions are allowed. @default false */
    readonly fractional?: boolean;
    readonly fix?: string;
  }): KafkaIacError {
    const kind = p.fractional ? 'a number' : 'an integer';
    const of = p.limitOf ? ` (the ${p.limitOf} limit)` : '';
    return KafkaIacError.invalidProp({
      code: p.code, path: p.path, prop: p.prop, found: p.found,
      expected: `${kind} from ${p.min} to ${p.max}${of}`,
      fix: p.fix ?? `Set ${p.prop} to ${kind} from ${p.min} to ${p.max}.`,
    });
  }

  /** A number that must be a multiple of another (brokers of the zone count). */
  public static notMultipleOf(p: {
    readonly code: string; readonly path: string; readonly prop: string; readonly found: number;
    readonly of: number; readonly because: string; readonly fix: string;
  }): KafkaIacError {
    return KafkaIacError.invalidProp({ ...p, expected: `a multiple of ${p.of} (${p.because})` });
  }

  /** Two construct ids collide in one scope. */
  public static duplicateId(scopePath: string, id: string): KafkaIacError {
    return new KafkaIacError('KIAC-ID', scopePath,
      `KIAC-ID [${scopePath || '<root>'}] construct id ${show(id)} is used twice in this scope; expected unique ids among siblings. Give the second construct another id.`);
  }

  /**
   * One value that breaks several rules, refused at construction: every error, one line each
   * (the code and path of the first), so that no rule hides another.
   */
  public static combined(errors: readonly KafkaIacError[]): KafkaIacError {
    if (errors.length === 1) return errors[0];
    return new KafkaIacError(errors[0].code, errors[0].constructPath, errors.map((e) => e.message).join('\n'));
  }

  /** Synthesis stopped: one line per violation. */
  public static ruleViolations(lines: readonly string[]): KafkaIacError {
    return new KafkaIacError('RULES', '', `${lines.length} rule violation(s):\n  ${lines.join('\n  ')}`);
  }

  /** A suppression whose reason is missing or is not a real sentence. */
  public static suppressionWithoutReason(path: string, id: string, reason: unknown): KafkaIacError {
    return new KafkaIacError('KIAC-SUPPRESS', path,
      `KIAC-SUPPRESS [${path}] the suppression of ${id} has reason ${show(reason)}; expected a sentence of at least 20 characters and 4 words that says why the rule does not apply. Write the reason, for example { id: '${id}', reason: 'Single-broker sandbox cluster used only for demos.' }.`);
  }

  /** A suppression of a rule ID the registry does not know. */
  public static unknownRuleId(path: string, id: string, known: readonly string[]): KafkaIacError {
    return new KafkaIacError('KIAC-SUPPRESS', path,
      `KIAC-SUPPRESS [${path}] suppression id is ${show(id)}; expected one of the rule IDs in RULES.md (${known.slice(0, 6).join(', ')}, ...). Fix the ID's spelling.`);
  }

  /**
   * A construct was created outside a stack or chart that carries an Environment. Only a
   * KafkaStack or KafkaChart carries one: they are what runs the rules at synthesis.
   */
  public static missingEnvironment(path: string): KafkaIacError {
    return new KafkaIacError('KIAC-ENV', path,
      `KIAC-ENV [${path}] environment is missing; expected the construct inside a KafkaStack or KafkaChart, which run the rules at synthesis. Create it under app.stack(environment) or app.chart(environment, id) of a KafkaApp, or under new KafkaStack(yourCdktfApp, id, { environment }) / new KafkaChart(yourCdk8sApp, id, { environment }).`);
  }

  /**
   * Peer packages that kafka-iac cannot run with: one line per package, each with the version
   * found (or that it is missing, or installed twice) and the supported range.
   */
  public static unsupportedPeerDependencies(lines: readonly string[]): KafkaIacError {
    return new KafkaIacError('KIAC-PEER', 'kafka-iac',
      `KIAC-PEER [kafka-iac] ${lines.length} peer dependenc${lines.length === 1 ? 'y is' : 'ies are'} not supported:\n  ${lines.join('\n  ')}\nInstall versions in the supported ranges next to kafka-iac (npm install <package>@<range>) so that one copy of each is shared, then run npm ls <package> to check.`);
  }

  /**
   * A KafkaApp method needs a target whose module was not loaded: `kafka-iac/msk` (cdktf) or
   * `kafka-iac/kubernetes` (cdk8s). Each entry point loads only its own target.
   */
  public static targetNotLoaded(path: string, method: string, target: string, entryPoint: string): KafkaIacError {
    return new KafkaIacError('KIAC-TARGET', path,
      `KIAC-TARGET [${path}] ${method} needs the ${target} target, which is not loaded; expected an import from '${entryPoint}' or 'kafka-iac'. Import KafkaApp (or any construct) from '${entryPoint}', or from 'kafka-iac', which loads every target.`);
  }

  /** Two things that must be unique share a name. */
  public static duplicate(code: string, path: string, what: string, name: string): KafkaIacError {
    return new KafkaIacError(code, path,
      `${code} [${path}] ${what} ${show(name)} is declared twice; expected unique names. Rename or remove one of them.`);
  }

  /**
   * Dashboards asked for a cluster that has no monitoring in the same stack or chart: every panel
   * would query series that nobody scrapes.
   */
  public static dashboardWithoutMonitoring(path: string, cluster: string, monitoring: string): KafkaIacError {
    return new KafkaIacError('KIAC-DASHBOARD', path,
      `KIAC-DASHBOARD [${path}] cluster ${show(cluster)} has no ${monitoring} in this scope; expected the monitoring whose metrics the dashboards read. Add ${monitoring} for ${show(cluster)} before its dashboards, or fix clusterName.`);
  }

  /**
   * A DR dashboard asked for where no DR pairing is monitored: it would draw replication latency
   * against an RPO nobody declared.
   */
  public static drDashboardWithoutPairing(path: string, cluster: string, expected: string): KafkaIacError {
    return new KafkaIacError('DR-003', path,
      `DR-003 [${path}] a DR dashboard is asked for cluster ${show(cluster)}, but no DR pairing is monitored there; expected ${expected}. Declare the DrPairing and its replication monitoring, or set dr: false.`);
  }

  /**
   * An alert route that sends to a receiver the routing does not declare: Alertmanager refuses
   * the whole configuration, so no alert would be delivered at all.
   */
  public static undeclaredReceiver(path: string, route: string, receiver: unknown, declared: readonly string[]): KafkaIacError {
    return new KafkaIacError('KIAC-ROUTING', path,
      `KIAC-ROUTING [${path}] the ${route} route sends to receiver ${show(receiver)}, which is not declared; expected one of ${declared.length ? declared.map((d) => `'${d}'`).join(', ') : 'the declared receivers (none are declared)'}. Declare the receiver in receivers, or route to a declared one.`);
  }

  /**
   * A receiver without a reference to the Secret that holds its credential (routing key, webhook
   * token, Slack URL, SMTP password): a credential written inline would land in the output.
   */
  public static receiverWithoutCredential(path: string, receiver: string, credential: string, found: unknown): KafkaIacError {
    return new KafkaIacError('KIAC-ROUTING', path,
      `KIAC-ROUTING [${path}] receiver '${receiver}' has ${credential} ${show(found)}; expected a Kubernetes Secret reference (SecretReference.of('<secret name>', '<key>')). Store the ${credential} in a Secret and reference it; never write it inline.`);
  }

  /**
   * A testing assertion (`kafka-iac/testing`) that does not hold: what was looked for, in which
   * environment, and what was there instead.
   */
  public static assertionFailed(environment: string, what: string, found: string, fix: string): KafkaIacError {
    return new KafkaIacError('KIAC-ASSERT', environment,
      `KIAC-ASSERT [${environment}] expected ${what}; found ${found}. ${fix}`);
  }

  private constructor(public readonly code: string, public readonly constructPath: string, message: string) {
    super(message);
    this.name = 'KafkaIacError';
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 200 ? `${v.slice(0, 200)}...` : v}'`;
  if (v === undefined) return 'not set';
  // NaN and Infinity as JavaScript writes them (JSON would print null).
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function') return String(v);
  try {
    const json = JSON.stringify(v);
    return json.length > 200 ? `${json.slice(0, 200)}...` : json;
  } catch {
    return Object.prototype.toString.call(v);
  }
}
