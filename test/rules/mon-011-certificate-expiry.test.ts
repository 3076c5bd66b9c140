// MON-011: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_011_CERTIFICATE_EXPIRY } from '../../lib/rules/mon-011-certificate-expiry';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';

describeMonitoringRule(MON_011_CERTIFICATE_EXPIRY, ['strimzi', 'statefulset'], { notApplicable: 'AWS manages the broker certificates' });
