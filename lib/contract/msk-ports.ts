import { AuthenticationMechanism } from '../model/client-authentication';

/**
 * The MSK listener port of each client authentication mode (private connectivity).
 * Plaintext (9092) is never opened: SEC-001.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html
 */
export const MSK_LISTENER_PORTS: Readonly<Record<string, number>> = {
  [AuthenticationMechanism.MUTUAL_TLS]: 9094,
  [AuthenticationMechanism.SCRAM_SHA_512]: 9096,
  [AuthenticationMechanism.IAM]: 9098,
};

/** MSK open monitoring: the port of the JMX exporter on each broker. */
export const MSK_JMX_EXPORTER_PORT = 11001;
/** MSK open monitoring: the port of the node exporter on each broker. */
export const MSK_NODE_EXPORTER_PORT = 11002;
/** The open-monitoring exporter ports: 11001 JMX exporter, 11002 node exporter. */
export const MSK_EXPORTER_PORTS: readonly number[] = [MSK_JMX_EXPORTER_PORT, MSK_NODE_EXPORTER_PORT];

/** The listener port of an authentication mode on MSK, or undefined when MSK has none (OAuth). */
export function mskListenerPort(mechanism: AuthenticationMechanism): number | undefined {
  return MSK_LISTENER_PORTS[mechanism];
}
