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

  /** A construct was created outside a stack or chart that carries an Environment. */
  public static missingEnvironment(path: string): KafkaIacError {
    return new KafkaIacError('KIAC-ENV', path,
      `KIAC-ENV [${path}] environment is missing; expected the construct inside a KafkaStack or KafkaChart (or a scope passed to Environment.attachTo). Create it under new KafkaStack(app, id, { environment }).`);
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

  private constructor(public readonly code: string, public readonly constructPath: string, message: string) {
    super(message);
    this.name = 'KafkaIacError';
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === undefined) return 'not set';
  return JSON.stringify(v);
}
