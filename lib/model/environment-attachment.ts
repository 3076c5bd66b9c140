import type { Environment } from './environment';

/**
 * Which environment a stack or chart carries. Internal: lib/index.ts does not export it. Only
 * KafkaStack and KafkaChart attach an environment, because they are what runs the rules at
 * synthesis; a public way to attach one to any scope would let constructs synthesize with no
 * rule checking them.
 */
const attached = new WeakMap<object, Environment>();

/** Attaches `environment` to a scope (a KafkaStack or KafkaChart), for `Environment.of`. */
export function attachEnvironment(scope: object, environment: Environment): void {
  attached.set(scope, environment);
}

/** The environment attached to this very scope, if any. */
export function attachedEnvironment(scope: object): Environment | undefined {
  return attached.get(scope);
}
