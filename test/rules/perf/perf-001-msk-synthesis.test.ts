// PERF-001 on the real MskCluster output: defaults pass; a lowered setting warns and never stops synthesis.
import { describe, expect, it } from 'vitest';
import { formatViolation } from '../../../lib/rules/engine';
import { mskStack, only, synthJson } from '../../support/msk-stack';

describe('PERF-001 on MskCluster', () => {
  it('renders every PERF-001 broker default into the MSK configuration and passes', () => {
    const { stack } = mskStack();
    const json = synthJson(stack);
    const text: string = only(json, 'aws_msk_configuration').server_properties;
    for (const line of ['num.network.threads=8', 'num.io.threads=16', 'socket.send.buffer.bytes=102400', 'socket.receive.buffer.bytes=102400', 'log.segment.bytes=1073741824', 'log.retention.hours=168', 'replica.fetch.max.bytes=1048576', 'replica.lag.time.max.ms=30000']) {
      expect(text).toContain(line);
    }
    expect(stack.complianceReport.entries.filter((e) => e.ruleId === 'PERF-001').map((e) => e.status)).toEqual(['compliant']);
  });

  it('warns PERF-001 when brokerConfig lowers num.io.threads, and synthesis still succeeds', () => {
    const { stack } = mskStack({ cluster: { brokerConfig: { numIoThreads: 4 } } });
    synthJson(stack);
    const lines = stack.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').map(formatViolation);
    expect(lines).toEqual([expect.stringMatching(/^PERF-001 \[production\/Kafka\/Configuration\] num\.io\.threads is '4' in server_properties; expected at least 16 \(the PERF-001 default\)/)]);
  });

  it('warns PERF-001 when an escape hatch rewrites the server properties', () => {
    const { stack, cluster } = mskStack();
    const text: string = only(synthJson(stack), 'aws_msk_configuration').server_properties;
    cluster.configuration.addOverride('server_properties', text.replace('num.network.threads=8', 'num.network.threads=2'));
    synthJson(stack);
    const found = stack.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').flatMap((e) => e.findings.map((f) => f.found));
    expect(found).toContain("num.network.threads is '2' in server_properties");
  });
});
