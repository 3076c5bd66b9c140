import { shellComment, shellQuote, shellWord } from '../../contract/writers/shell';
import { KafkaJmxMetricNames } from '../kubernetes/jmx-exporter-rules';
import { KafkaNodeRole, StatefulSetPorts } from './kafka-node-properties';

/** The key of the readiness script in a node set's ConfigMap (mounted at `KafkaPodPaths.CONFIG_DIR`). */
export const READINESS_SCRIPT_KEY = 'ready.sh';

/** apache/kafka `BrokerState.RUNNING` ("registered at least once, and is accepting client requests"). */
export const BROKER_STATE_RUNNING = 3;

/**
 * A controller is caught up when the newest metadata record it applied is younger than this
 * (`kafka.controller:type=KafkaController,name=LastAppliedRecordLagMs`). The active controller
 * appends a NoOpRecord every `metadata.max.idle.interval.ms` (500 ms by default, KIP-835), so a
 * controller that follows the log stays far below it; one that is replaying old records is above.
 */
export const CONTROLLER_MAX_APPLIED_RECORD_LAG_MS = 10_000;

/**
 * Seconds the probe waits for the exporter's answer. The JMX exporter builds its whole response
 * (every MBean through the rules) before it sends the status line, which takes seconds on a
 * broker with thousands of partitions; the probe's `timeoutSeconds` is above it.
 */
export const READINESS_RESPONSE_WAIT_SECONDS = 20;

/** The KRaft states (`raft-metrics` `current-state`) of a voter that takes part in a quorum with a leader. */
export const QUORUM_MEMBER_STATES: readonly string[] = ['leader', 'follower'];

/** The metric names each role's probe reads, as the shipped JMX exporter rules name them. */
export function readinessMetricNames(role: KafkaNodeRole): string[] {
  const broker = [
    KafkaJmxMetricNames.BROKER_STATE, KafkaJmxMetricNames.UNDER_REPLICATED_PARTITIONS,
    KafkaJmxMetricNames.PARTITION_COUNT, KafkaJmxMetricNames.LEADER_COUNT, KafkaJmxMetricNames.REPLICA_FETCHER_LAG,
  ];
  const controller = [KafkaJmxMetricNames.RAFT_CURRENT_STATE, KafkaJmxMetricNames.LAST_APPLIED_RECORD_LAG_MS];
  if (role === KafkaNodeRole.BROKER) return broker;
  if (role === KafkaNodeRole.CONTROLLER) return controller;
  return [...broker, ...controller];
}

/** Bash functions of the probe: number tests on Prometheus sample values (`3.0`, `-1.0`, `1.2345E7`, `NaN`). */
const NUMBER_FUNCTIONS = [
  '# zero V: V is a sample value equal to 0.',
  "zero() { [[ \"$1\" =~ ^[-+]?(0+(\\.0*)?|\\.0+)([eE][-+]?[0-9]+)?$ ]]; }",
  '# whole V: prints V (such as 12.0) as an integer; fails for anything else.',
  "whole() { [[ \"$1\" =~ ^\\+?([0-9]{1,15})(\\.0*)?$ ]] && echo $((10#${BASH_REMATCH[1]})); }",
  '# below LIMIT V: V is a number below the integer LIMIT (V may be negative, decimal or in E notation).',
  'below() {',
  "  [[ \"$2\" =~ ^([-+]?)([0-9]+)(\\.([0-9]*))?([eE]([-+]?)([0-9]+))?$ ]] || return 1",
  '  local sign="${BASH_REMATCH[1]}" int="${BASH_REMATCH[2]}" frac="${BASH_REMATCH[4]}" esign="${BASH_REMATCH[6]}" exp="${BASH_REMATCH[7]:-0}"',
  '  [[ "$sign" == - ]] && return 0',
  '  exp=$((10#$exp))',
  '  if [[ "$esign" == - ]]; then',
  '    if (( exp >= ${#int} )); then int=0; else int="${int:0:${#int}-exp}"; fi',
  '  else',
  '    (( exp > 18 )) && return 1',
  '    frac="${frac}000000000000000000"',
  '    int="${int}${frac:0:exp}"',
  '  fi',
  '  int="${int#"${int%%[!0]*}"}"',
  '  (( ${#int} <= 18 )) || return 1',
  '  (( 10#${int:-0} < $1 ))',
  '}',
];

/**
 * The readiness probe of a Kafka node: a bash script (the `apache/kafka` image has bash but no
 * curl or wget: its Dockerfile removes wget after the download) that reads the node's own JMX
 * exporter over `/dev/tcp/127.0.0.1/<metrics port>` with one HTTP/1.0 request, so no JVM starts.
 *
 * - Broker: `BrokerState` is RUNNING (3); `UnderReplicatedPartitions` is 0 (no partition it leads
 *   misses a replica); and every partition it follows (`PartitionCount - LeaderCount`) has a
 *   replica fetcher lag series (`FetcherLagMetrics ConsumerLag`, clientId
 *   `ReplicaFetcherThread-*`) at 0. The last condition is the one that holds a rolling update:
 *   after a restart the broker leads nothing, so its own UnderReplicatedPartitions is 0 while it
 *   still catches up; a follower's lag is `max(0, leader high watermark - next fetch offset)`, -1
 *   before its first fetch, and 0 once it reached the high watermark, the condition on which the
 *   leader adds it back to the ISR.
 * - Controller: its KRaft state is `leader` or `follower`, and `LastAppliedRecordLagMs` is below
 *   `CONTROLLER_MAX_APPLIED_RECORD_LAG_MS`.
 * - Combined node: both.
 *
 * Not ready prints the reasons (kubelet shows them in the pod's events) and exits 1.
 */
export function renderReadinessScript(role: KafkaNodeRole): string {
  const broker = role !== KafkaNodeRole.CONTROLLER;
  const controller = role !== KafkaNodeRole.BROKER;
  const names = readinessMetricNames(role);
  const query = names.map((n) => `name[]=${n}`).join('&');
  const n = KafkaJmxMetricNames;
  return [
    '#!/bin/bash',
    shellComment(`Generated by kafka-iac: readiness of a Kafka ${role} node, read from its own JMX exporter (no JVM is started).`),
    'set -u',
    `port=${StatefulSetPorts.METRICS}`,
    `path=${shellQuote(`/metrics?${query}`)}`,
    ...NUMBER_FUNCTIONS,
    'exec 3<>"/dev/tcp/127.0.0.1/${port}" || { echo "no JMX exporter on 127.0.0.1:${port}"; exit 1; }',
    "printf 'GET %s HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n' \"$path\" >&3",
    '# The exporter collects every MBean before it answers: on a broker with many partitions that takes seconds.',
    `IFS= read -r -t ${READINESS_RESPONSE_WAIT_SECONDS} status <&3 || { echo "no HTTP response from the JMX exporter"; exit 1; }`,
    "[[ \"$status\" =~ ^HTTP/1\\.[01]\\ 200 ]] || { echo \"the JMX exporter answered ${status%$'\\r'}\"; exit 1; }",
    "while IFS= read -r -t 5 line <&3 && [[ -n \"${line%$'\\r'}\" ]]; do :; done",
    'state=none urp=none partitions=none leaders=none followers=0 behind=0 raft=none applied=none',
    'while :; do',
    '  IFS= read -r -t 5 line <&3',
    '  rc=$?',
    '  (( rc > 128 )) && { echo "timed out reading the JMX exporter"; exit 1; }',
    '  (( rc != 0 )) && [[ -z "$line" ]] && break',
    "  line=\"${line%$'\\r'}\"",
    "  if [[ -n \"$line\" && \"$line\" != '#'* ]]; then",
    "    name=\"${line%%[{ ]*}\" labels=''",
    '    if [[ "$line" == "$name{"* ]]; then',
    '      rest="${line#"$name"\\{}"',
    '      labels="${rest%\\}*}"',
    '      rest="${rest##*\\}}"',
    '    else',
    '      rest="${line#"$name"}"',
    '    fi',
    '    read -r value _ <<< "$rest"',
    '    case "$name" in',
    ...(broker ? [
      `      ${shellWord(n.BROKER_STATE)}) state="$value" ;;`,
      `      ${shellWord(n.UNDER_REPLICATED_PARTITIONS)}) urp="$value" ;;`,
      `      ${shellWord(n.PARTITION_COUNT)}) partitions="$value" ;;`,
      `      ${shellWord(n.LEADER_COUNT)}) leaders="$value" ;;`,
      `      ${shellWord(n.REPLICA_FETCHER_LAG)})`,
      '        if [[ "$labels" =~ (^|,)clientId=\\"([^\\"]*)\\" && "${BASH_REMATCH[2]}" == *ReplicaFetcherThread-* ]]; then',
      '          followers=$((followers + 1))',
      '          zero "$value" || behind=$((behind + 1))',
      '        fi ;;',
    ] : []),
    ...(controller ? [
      `      ${shellWord(n.RAFT_CURRENT_STATE)})`,
      '        if ! zero "$value" && [[ "$labels" =~ (^|,)current_state=\\"([^\\"]*)\\" ]]; then raft="${BASH_REMATCH[2]}"; fi ;;',
      `      ${shellWord(n.LAST_APPLIED_RECORD_LAG_MS)}) applied="$value" ;;`,
    ] : []),
    '    esac',
    '  fi',
    '  (( rc != 0 )) && break',
    'done',
    'exec 3<&-',
    'reasons=()',
    ...(broker ? [
      `[[ "$state" =~ ^\\+?${BROKER_STATE_RUNNING}(\\.0*)?$ ]] || reasons+=("BrokerState is $state, not ${BROKER_STATE_RUNNING} (RUNNING)")`,
      'zero "$urp" || reasons+=("UnderReplicatedPartitions is $urp, not 0")',
      'if p=$(whole "$partitions") && l=$(whole "$leaders"); then',
      '  (( followers == p - l )) || reasons+=("$((p - l)) followed partitions but $followers replica fetcher lag series: not every replica fetches yet")',
      'else',
      '  reasons+=("PartitionCount is $partitions and LeaderCount is $leaders")',
      'fi',
      '(( behind == 0 )) || reasons+=("$behind followed partitions are behind their leader\'s high watermark")',
    ] : []),
    ...(controller ? [
      `[[ ${QUORUM_MEMBER_STATES.map((s) => `"$raft" == ${shellWord(s)}`).join(' || ')} ]] || reasons+=("the KRaft state is $raft, not ${QUORUM_MEMBER_STATES.join(' or ')}")`,
      `below ${CONTROLLER_MAX_APPLIED_RECORD_LAG_MS} "$applied" || reasons+=("LastAppliedRecordLagMs is $applied, not below ${CONTROLLER_MAX_APPLIED_RECORD_LAG_MS}")`,
    ] : []),
    'if (( ${#reasons[@]} > 0 )); then',
    "  printf 'not ready: %s\\n' \"${reasons[@]}\"",
    '  exit 1',
    'fi',
    'echo ready',
    '',
  ].join('\n');
}
