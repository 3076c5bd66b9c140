import { KafkaIacError } from '../errors';
import type { GrammarSite } from './names';
import { isUnresolved } from './tokens';

/**
 * ARNs as AWS writes them: `arn:partition:service:region:account-id:resource`. One grammar per
 * kind of ARN kafka-iac accepts (KMS keys, ACM Private CAs, IAM roles, SNS topics), so that a
 * value of the wrong kind, a `${...}` template or a line break is refused at construction with
 * the library's error. Unresolved tokens pass through.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
// The parts are regular expression literals (their sources composed below), so that mutation
// testing mutates each part's pattern, not only its text.
const PARTITION = /(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc)/.source;
const REGION = /[a-z]{2}(-[a-z]+)+-\d/.source;
const ACCOUNT = /\d{12}/.source;
/** A KMS key id: a UUID, or a multi-Region key id `mrk-` and 32 hex digits. */
const KEY_ID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})/.source;
/** A KMS alias name: `alias/` and letters, digits, `/_-`. @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html */
const ALIAS = /alias\/[A-Za-z0-9/_-]{1,250}/.source;
/** An ACM Private CA id: a UUID. */
const CA_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.source;
/** An IAM role after `role/`: an optional path of printable ASCII ending in `/`, the role name (`[\w+=,.@-]{1,64}`). */
const ROLE = /([\x21-\x7e]{1,510}\/)?[\w+=,.@-]{1,64}/.source;
/** An SNS topic name: 1 to 256 letters, digits, `_` and `-` (`.fifo` for FIFO topics). */
const TOPIC = /[A-Za-z0-9_-]{1,251}(\.fifo)?/.source;

const KMS_KEY_ARN = new RegExp(`^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}$`);
const KMS_REFERENCE = new RegExp(`^(arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:(key/${KEY_ID}|${ALIAS})|${KEY_ID}|${ALIAS})$`);
const ACM_PCA_ARN = new RegExp(`^arn:${PARTITION}:acm-pca:${REGION}:${ACCOUNT}:certificate-authority/${CA_ID}$`);
const IAM_ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:role/${ROLE}$`);
const SNS_TOPIC_ARN = new RegExp(`^arn:${PARTITION}:sns:${REGION}:${ACCOUNT}:${TOPIC}$`);

function check(value: unknown, pattern: RegExp, site: GrammarSite, grammar: string, fix: string): string {
  if (typeof value === 'string' && (isUnresolved(value) || pattern.test(value))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/** A KMS key ARN (`arn:aws:kms:<region>:<account>:key/<key id>`): what MSK and SNS take. */
export function checkKmsKeyArn(value: unknown, site: GrammarSite): string {
  return check(value, KMS_KEY_ARN, site, 'a KMS key ARN: arn:<partition>:kms:<region>:<12-digit account>:key/<key id>',
    "Pass the key's ARN, for example kafkaEncryptionKey.keyArn or 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'.");
}

/** A KMS key reference: a key ARN, an alias ARN, a key id or an alias name (what the EBS CSI driver's kmsKeyId takes). */
export function checkKmsKeyReference(value: unknown, site: GrammarSite): string {
  return check(value, KMS_REFERENCE, site, 'a KMS key ARN, alias ARN, key id or alias name (alias/...)',
    "Pass the key's ARN, for example 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'.");
}

/** An ACM Private CA ARN (`arn:aws:acm-pca:<region>:<account>:certificate-authority/<uuid>`): the CAs of MSK mutual TLS. */
export function checkAcmPcaArn(value: unknown, site: GrammarSite): string {
  return check(value, ACM_PCA_ARN, site, 'an ACM Private CA ARN: arn:<partition>:acm-pca:<region>:<12-digit account>:certificate-authority/<uuid>',
    'Pass the ARN of the private CA that issues the client certificates.');
}

/** An IAM role ARN (`arn:aws:iam::<account>:role/<path/><name>`). */
export function checkIamRoleArn(value: unknown, site: GrammarSite): string {
  return check(value, IAM_ROLE_ARN, site, 'an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<name>',
    "Pass the role's ARN, for example 'arn:aws:iam::111122223333:role/orders-consumer'.");
}

/** An SNS topic ARN (`arn:aws:sns:<region>:<account>:<topic>`). */
export function checkSnsTopicArn(value: unknown, site: GrammarSite): string {
  return check(value, SNS_TOPIC_ARN, site, 'an SNS topic ARN: arn:<partition>:sns:<region>:<12-digit account>:<topic name>',
    "Pass the topic's ARN, for example alarms.topic.arn.");
}
