import { validateAuthentications, type ClientAuthentication } from '../../model/client-authentication';
import { KafkaIacError } from '../../model/errors';
import { checkListenerTls, refuseAll, type RuleRefusal } from '../../model/rule-checks';

/** What every client listener of a Kubernetes target declares (StrimziListenerProps, StatefulSetListenerProps). */
export interface KubernetesClientListener {
  readonly name: string;
  readonly port: number;
  readonly authentication: ClientAuthentication;
  readonly tls?: boolean;
}

/** A target's own rules for listener names and ports (its grammar, its reserved ports): each throws on a value it refuses. */
export interface ListenerNameAndPortRules {
  readonly checkName: (where: string, name: string) => void;
  readonly checkPort: (where: string, port: number) => void;
  /** The target's SEC-003 refusal of a listener declared without authentication (the rule's own check and words). */
  readonly refuseUnauthenticated: (listener: string) => RuleRefusal | undefined;
}

/**
 * The client listeners of a Kubernetes Kafka cluster, checked as both targets check them: at
 * least one (SEC-003); then each is declared, its authentication is valid, its name and its port
 * follow the target's rules and are used once, TLS is on (SEC-001) and the listener authenticates
 * (SEC-003); a listener that breaks both is reported by both. Each listener is then
 * rendered by `render`, which receives it with its error path (`<path> listener <name>`).
 */
export function checkedListeners<L extends KubernetesClientListener, R>(
  path: string, listeners: readonly L[], rules: ListenerNameAndPortRules, render: (listener: L, where: string) => R,
): R[] {
  KafkaIacError.nonEmpty(listeners, {
    code: 'SEC-003', path, prop: 'listeners',
    expected: 'at least one TLS listener with authentication', fix: 'Remove listeners: [] to get the default SCRAM-SHA-512 listener.',
  });
  const names = new Set<string>();
  const ports = new Set<number>();
  return listeners.map((entry, i) => {
    const l = KafkaIacError.required(entry, {
      code: 'KIAC-PROP', path, prop: `listeners[${i}]`, expected: "a listener: { name, port, authentication }",
      fix: "Declare it as { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }.",
    });
    const where = `${path} listener ${l.name}`;
    if (l.authentication !== undefined) validateAuthentications(where, [l.authentication]);
    rules.checkName(where, l.name);
    if (names.has(l.name)) throw KafkaIacError.duplicate('KIAC-PROP', path, 'listener', l.name);
    names.add(l.name);
    rules.checkPort(where, l.port);
    if (ports.has(l.port)) throw KafkaIacError.duplicate('KIAC-PROP', path, 'listener port', String(l.port));
    ports.add(l.port);
    refuseAll([
      [where, 'tls', l.tls ?? true, checkListenerTls(l.tls ?? true)],
      [where, 'authentication', 'none', l.authentication === undefined ? rules.refuseUnauthenticated(l.name) : undefined],
    ]);
    return render(l, where);
  });
}
