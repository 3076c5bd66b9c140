import type { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import type { Construct } from 'constructs';
import { KafkaIacError } from '../../model/errors';
import { isUnresolved } from '../../model/grammar/tokens';
import { LambdaPermissionClass, SnsTopicSubscriptionClass } from './aws-provider-classes';

/** The SNS protocols an alarm subscription uses. */
export enum AlarmSubscriptionProtocol {
  /** An HTTPS endpoint (PagerDuty's CloudWatch integration, an incident tool, a chat webhook). */
  HTTPS = 'https',
  /** An e-mail address; the owner confirms the subscription from the e-mail SNS sends. */
  EMAIL = 'email',
  /** A Lambda function (forwarding to Slack, for example); SNS gets permission to invoke it. */
  LAMBDA = 'lambda',
}

/**
 * Who an SNS topic of the CloudWatch alarms notifies: an HTTPS endpoint, an e-mail address or a
 * Lambda function.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html
 */
export class AlarmSubscription {
  /** POSTs each alarm notification to an HTTPS URL (SNS confirms the subscription first). The URL must not carry credentials. */
  public static https(url: string): AlarmSubscription {
    let parsed: URL | undefined;
    try { parsed = typeof url === 'string' ? new URL(url) : undefined; } catch { parsed = undefined; }
    if (!isUnresolved(url) && (!parsed || parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '')) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: 'AlarmSubscription', prop: 'https url', found: url, expected: 'an https:// URL without user or password in it', fix: "Use the endpoint's https URL, such as 'https://events.pagerduty.com/integration/<integration key>/enqueue'." });
    }
    return new AlarmSubscription(AlarmSubscriptionProtocol.HTTPS, url);
  }

  /** Sends each alarm notification to an e-mail address. */
  public static email(address: string): AlarmSubscription {
    if (!isUnresolved(address) && !(typeof address === 'string' && /^[^\s@<>"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(address))) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: 'AlarmSubscription', prop: 'email address', found: address, expected: 'one e-mail address', fix: "Use an address such as 'kafka-oncall@example.com'." });
    }
    return new AlarmSubscription(AlarmSubscriptionProtocol.EMAIL, address);
  }

  /** Invokes a Lambda function with each alarm notification, and allows SNS to invoke it from this topic only. */
  public static lambda(functionArn: string): AlarmSubscription {
    if (!isUnresolved(functionArn) && !(typeof functionArn === 'string' && /^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/.test(functionArn))) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: 'AlarmSubscription', prop: 'lambda function ARN', found: functionArn, expected: 'a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)', fix: 'Pass the function ARN, for example from its construct (`.arn`).' });
    }
    return new AlarmSubscription(AlarmSubscriptionProtocol.LAMBDA, functionArn);
  }

  private constructor(public readonly protocol: AlarmSubscriptionProtocol, public readonly endpoint: string) {}
}

/**
 * Adds the subscriptions of one topic: `<prefix>Subscription<i>` (and `<prefix>InvokePermission<i>`
 * for a Lambda). Ids follow the order of `subscriptions`: reordering them replaces the subscriptions.
 */
export function addAlarmSubscriptions(scope: Construct, prefix: string, topicArn: string, subscriptions: readonly AlarmSubscription[], path: string): SnsTopicSubscription[] {
  if (!Array.isArray(subscriptions) || !subscriptions.every((s) => s instanceof AlarmSubscription)) {
    throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path, prop: `${prefix.toLowerCase()} subscriptions`, found: subscriptions, expected: 'a list of AlarmSubscription.https/email/lambda', fix: 'Build each subscription with the AlarmSubscription factories.' });
  }
  return subscriptions.map((s, i) => {
    if (s.protocol === AlarmSubscriptionProtocol.LAMBDA) {
      new (LambdaPermissionClass())(scope, `${prefix}InvokePermission${i}`, {
        action: 'lambda:InvokeFunction', functionName: s.endpoint, principal: 'sns.amazonaws.com', sourceArn: topicArn,
      });
    }
    return new (SnsTopicSubscriptionClass())(scope, `${prefix}Subscription${i}`, { topicArn, protocol: s.protocol, endpoint: s.endpoint });
  });
}
