// MON-012: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document.
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { MSK_OPEN_MONITORING, STATEFULSET, STRIMZI, WEAKENINGS, mskWithOpenMonitoring, violations } from './fixtures/mon-rules';
import { MON_012_UNDER_MIN_ISR } from '../../lib/rules/mon-012-under-min-isr';
import { itDescribesItself } from './fixtures/metadata';

const ID = 'MON-012';
const WEAKENING = WEAKENINGS.find((w) => w.id === ID)!;

describe.each([STRIMZI, STATEFULSET, MSK_OPEN_MONITORING].filter((t) => t.ids.includes(ID)))('$name', (target) => {
  it(`passes ${ID} on every cluster document when the cluster has its generated monitoring`, () => {
    const built = target.build(true);
    built.synth();
    const entries = built.report().entries.filter((e) => e.ruleId === ID);
    expect(entries.map((e) => [e.path, e.status]).sort()).toEqual(target.clusterPaths.map((p) => [p, 'compliant']).sort());
  });

  it(`stops synthesis with ${ID} on every cluster document when the cluster has no monitoring, naming what is missing`, () => {
    const found = violations(() => target.build(false).synth()).filter((v) => v.startsWith(`${ID} `));
    expect(found.map((v) => v.replace(/\] .*/, ']')).sort()).toEqual(target.clusterPaths.map((p) => `${ID} [${p}]`).sort());
    for (const v of found) expect(v).toContain(`] ${target.missing(ID)}`);
  });

  it(`stops synthesis with ${ID}, and only it, when an escape hatch weakens ${WEAKENING.alert}`, () => {
    const built = target.build(true);
    const found = built.weaken(WEAKENING);
    expect(violations(() => built.synth()).sort()).toEqual(target.clusterPaths.map((p) => `${ID} [${p}] ${found}`).sort());
  });
});

describe('MSK', () => {
  it(`stops synthesis with ${ID} when an escape hatch weakens its CloudWatch alarm, naming the alarm, its threshold and comparison`, () => {
    const { stack, alarms } = mskWithOpenMonitoring(true);
    const alarm = [...alarms!.alarms.values()].find((a) => a.tagsInput?.['kafka-iac:rule'] === ID)!;
    const weaker = Number(alarm.thresholdInput) + 1000;
    alarm.addOverride('threshold', weaker);
    expect(violations(() => Testing.synth(stack, true))).toEqual([`${ID} [production/Kafka] alarm ${alarm.alarmNameInput} has threshold ${weaker} (${alarm.comparisonOperatorInput})`]);
  });
});

describe('the rule', () => {
  itDescribesItself(MON_012_UNDER_MIN_ISR, 'MON-012', ['msk', 'strimzi', 'statefulset']);
});
