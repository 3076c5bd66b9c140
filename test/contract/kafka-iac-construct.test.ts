import { Chart, Testing as Cdk8sTesting } from 'cdk8s';
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { Environment, KafkaChart, KafkaIacConstruct } from '../../lib';
import { SCRATCH_APP } from '../support/scratch';

/** A construct that shows what the base class gives its subclasses. */
class Probe extends KafkaIacConstruct {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
  }
  public get pathSeen(): string {
    return this.path;
  }
  public get environmentSeen(): Environment {
    return this.environment;
  }
}

describe('KafkaIacConstruct', () => {
  it('gives a construct its tree path and the environment of the enclosing KafkaChart', () => {
    const environment = Environment.staging({ name: 'staging', region: 'eu-west-1' });
    const chart = new KafkaChart(Cdk8sTesting.app(SCRATCH_APP), 'kafka', { environment });
    const probe = new Probe(new Chart(chart, 'inner'), 'Probe');
    expect(probe.pathSeen).toBe('kafka/inner/Probe');
    expect(probe.pathSeen).toBe(probe.node.path);
    expect(probe.environmentSeen).toBe(environment);
    expect(probe.environmentSeen).toBe(probe.environmentSeen);
  });

  it('looks the environment up on first use: a construct that never reads it needs none, one that does gets KIAC-ENV', () => {
    const probe = new Probe(new Chart(Cdk8sTesting.app(SCRATCH_APP), 'mine'), 'Probe');
    expect(probe.pathSeen).toBe('mine/Probe');
    expect(() => probe.environmentSeen).toThrow(/^KIAC-ENV \[mine\/Probe\] environment is missing; expected the construct inside a KafkaStack or KafkaChart/);
  });
});
