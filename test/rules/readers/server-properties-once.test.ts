// The broker-property rules read an aws_msk_configuration's server_properties one after the other
// (HA-002, HA-003, HA-008, HA-010, PERF-001, SEC-004): the text is parsed once while it stays the
// same (lib/rules/readers/msk-cluster-document.ts, serverPropertiesOf).
import { describe, expect, it } from 'vitest';
import { readProperties } from '../../../lib/contract/writers/properties';
import { serverPropertiesOf } from '../../../lib/rules/readers/msk-cluster-document';
import { HA_002_REPLICATION_FACTOR } from '../../../lib/rules/ha-002-replication-factor';
import { HA_003_MIN_INSYNC_REPLICAS } from '../../../lib/rules/ha-003-min-insync-replicas';
import { HA_008_UNCLEAN_LEADER_ELECTION } from '../../../lib/rules/ha-008-unclean-leader-election';
import { PERF_001_BROKER_DEFAULTS } from '../../../lib/rules/perf-001-broker-defaults';
import { mskConfiguration } from '../fixtures/cap-documents';
import { findingsOf } from '../fixtures/outcome';

describe('serverPropertiesOf reads a server_properties text once', () => {
  it('gives what readProperties reads, the same object while the text stays the same', () => {
    const a = mskConfiguration({ 'min.insync.replicas': '2', 'default.replication.factor': '3' });
    const sameText = { ...a, address: 'aws_msk_configuration.other', body: { ...a.body } };
    const first = serverPropertiesOf(a);
    expect(first).toEqual(readProperties(a.body.server_properties));
    expect(first).toEqual({ 'default.replication.factor': '3', 'min.insync.replicas': '2' });
    // Not parsed again: the object the first read made.
    expect(serverPropertiesOf(sameText)).toBe(first);
    // Each rule only reads it: a rule that tried to change it would throw.
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => { (first as Record<string, string>)['min.insync.replicas'] = '1'; }).toThrow(TypeError);

    const b = mskConfiguration({ 'min.insync.replicas': '1' });
    expect(serverPropertiesOf(b)).toEqual({ 'min.insync.replicas': '1' });
    // Back to the first text: read again (only the last text is kept), with the same result.
    const again = serverPropertiesOf(a);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    // A document changed in place is read again.
    const changed = mskConfiguration({ 'min.insync.replicas': '2' });
    expect(serverPropertiesOf(changed)).toEqual({ 'min.insync.replicas': '2' });
    const body = changed.body as Record<string, unknown>;
    body.server_properties = 'min.insync.replicas=1\n';
    expect(serverPropertiesOf(changed)).toEqual({ 'min.insync.replicas': '1' });
    expect(serverPropertiesOf(mskConfiguration({}))).toEqual({});
  });

  it('lets HA-002, HA-003, HA-008 and PERF-001 judge one configuration from one read', () => {
    const doc = mskConfiguration({ 'min.insync.replicas': '1', 'default.replication.factor': '2', 'unclean.leader.election.enable': 'true', 'num.io.threads': '4' });
    const read = serverPropertiesOf(doc);
    const findings = [HA_002_REPLICATION_FACTOR, HA_003_MIN_INSYNC_REPLICAS, HA_008_UNCLEAN_LEADER_ELECTION, PERF_001_BROKER_DEFAULTS]
      .map((rule) => findingsOf(rule, doc).map((f) => f.found).join('; '));
    expect(findings[0]).toMatch(/default\.replication\.factor/);
    expect(findings[1]).toMatch(/min\.insync\.replicas/);
    expect(findings[2]).toMatch(/unclean\.leader\.election\.enable/);
    expect(findings[3]).toMatch(/num\.io\.threads/);
    // The kept read survives the four rules: the same properties for the next reader.
    expect(serverPropertiesOf(doc)).toBe(read);
  });
});
