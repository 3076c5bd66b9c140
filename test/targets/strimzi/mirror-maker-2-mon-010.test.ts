import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRules, promtool } from '../../support/promtool';
import { TEST_OUT } from '../../support/paths';
import { drFixture } from '../../support/mirror-maker-2-fixture';

const TEST = 'prometheus/tests/staging-dr-kafka/KafkaMirrorMaker2ReplicationBehindRpo.test.yml';
const DOWN_TEST = 'prometheus/tests/staging-dr-kafka/KafkaMirrorMaker2Down.test.yml';
const RULES = 'prometheus/kafka-staging-dr-kafka-jmx-exporter.rules.yml';

/** Writes the DR environment's output files (rules, promtool tests, runbooks, drill) to a private folder. */
function writeOutputs(): string {
  const f = drFixture();
  fs.mkdirSync(TEST_OUT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(TEST_OUT, 'mm2-mon-010-'));
  for (const [rel, render] of f.peer.outputFiles) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), render());
  }
  return dir;
}

describe('MON-010 for the MirrorMaker 2 of a pairing (promtool)', () => {
  const dir = writeOutputs();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates the MON-010 alerts (latency at the RPO, and MirrorMaker 2 down), accepted by promtool check rules', () => {
    const rules = fs.readFileSync(path.join(dir, RULES), 'utf8');
    expect(rules).toContain('alert: KafkaMirrorMaker2ReplicationBehindRpo');
    expect(rules).toMatch(/expr: max by \(topic\) \(kafka_connect_mirror_source_connector_replication_latency_ms_max\{kafka_cluster="staging-dr-kafka",environment="staging-dr",kafka_role="mirrormaker2"\}\) > 300000/);
    expect(rules).toContain('alert: KafkaMirrorMaker2Down');
    expect(rules).toContain('expr: (count(kafka_connect_connector_task_status{kafka_cluster="staging-dr-kafka",environment="staging-dr",kafka_role="mirrormaker2",status="running",connector=~".*MirrorSourceConnector.*"}) or vector(0)) < 1');
    const r = checkRules([path.join(dir, RULES)]);
    expect(r.output).toContain('SUCCESS');
    expect(r.ok).toBe(true);
  });

  it('fires above the RPO and stays quiet at it (promtool test rules)', () => {
    const text = fs.readFileSync(path.join(dir, TEST), 'utf8');
    expect(text).toContain('values: 300001x4');
    expect(text).toContain('values: 300000x4');
    const r = promtool(['test', 'rules', path.join(dir, TEST)]);
    expect(r.output).toContain('SUCCESS');
    expect(r.ok).toBe(true);
  });

  it('is a real test: promtool fails when the firing case is fed a latency below the RPO', () => {
    const broken = path.join(path.dirname(path.join(dir, TEST)), 'broken.test.yml');
    fs.writeFileSync(broken, fs.readFileSync(path.join(dir, TEST), 'utf8').replace(/values: 300001x4/, 'values: 299999x4'));
    const r = promtool(['test', 'rules', broken]);
    expect(r.ok).toBe(false);
  });

  it('fires when MirrorMaker 2 stops (series gone, or task failed) for 5m, not before, and stays quiet while a task runs (promtool test rules)', () => {
    const text = fs.readFileSync(path.join(dir, DOWN_TEST), 'utf8');
    expect(text).toContain("values: 1x2 stale");
    expect(text).toContain('status="failed"');
    // Three runs: stopped reporting, failed (checked pending at 4m, before the 5m for, then firing at 6m), running.
    expect(text.match(/- name: /g)).toHaveLength(3);
    expect(text).toMatch(/status="failed"[^\n]*\n\s+values: 1x8\n\s+alert_rule_test:\n\s+- eval_time: 4m\n\s+alertname: KafkaMirrorMaker2Down\n\s+exp_alerts: \[\]\n\s+- eval_time: 6m\n\s+alertname: KafkaMirrorMaker2Down\n\s+exp_alerts:\n\s+- exp_labels:/);
    const r = promtool(['test', 'rules', path.join(dir, DOWN_TEST)]);
    expect(r.output).toContain('SUCCESS');
    expect(r.ok).toBe(true);
  });

  it('is a real test: promtool fails when the stopped case is fed a running task', () => {
    const broken = path.join(path.dirname(path.join(dir, DOWN_TEST)), 'broken-down.test.yml');
    const text = fs.readFileSync(path.join(dir, DOWN_TEST), 'utf8');
    fs.writeFileSync(broken, text.replace('values: 1x2 stale', 'values: 1x12'));
    const r = promtool(['test', 'rules', broken]);
    expect(r.ok).toBe(false);
    expect(r.output).toContain('FAILED');
  });

  it('links a runbook that covers a stopped MirrorMaker 2, failover, checking offsets before switching consumers, and failback', () => {
    const runbook = fs.readFileSync(path.join(dir, 'runbooks/mirrormaker2-replication-lag.md'), 'utf8');
    expect(runbook).toContain('Alerts: `KafkaMirrorMaker2CheckpointsDown`, `KafkaMirrorMaker2Down`, `KafkaMirrorMaker2ReplicationBehindRpo`');
    expect(runbook).toMatch(/Are the MirrorMaker 2 pods running and scraped\?/);
    expect(runbook).toMatch(/Fail over \(primary lost, decision taken\)/);
    expect(runbook).toMatch(/Check offsets before switching consumers: `kafka-consumer-groups\.sh --describe --group <group>`/);
    expect(runbook).toMatch(/Fail back: declare the reverse pairing/);
  });

  it('gives the three alerts (latency, source connector down, checkpoint connector down) a runbook_url to that runbook', () => {
    const rules = fs.readFileSync(path.join(dir, RULES), 'utf8');
    expect(rules.match(/runbook_url: runbooks\/mirrormaker2-replication-lag\.md/g)).toHaveLength(3);
  });
});
