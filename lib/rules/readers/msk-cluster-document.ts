import { readProperties } from '../../contract/writers/properties';
import type { SynthesizedDocument, TerraformDocument } from '../../contract/document';
import type { DocumentIndex } from '../../contract/document-index';
import { compliantWithNotes, Findings, NOT_APPLICABLE, type RuleFinding, type RuleOutcome } from '../rule';

/**
 * Reading MSK Terraform documents for the rules. cdktf writes a nested block as an object;
 * an `addOverride` or a hand-written file may write it as a list of one. Both read the same.
 * Plain functions over plain JSON: no cdktf types.
 */

/** The `aws_msk_cluster` document, or undefined for any other document. */
export function asMskCluster(doc: SynthesizedDocument): TerraformDocument | undefined {
  return doc.source === 'terraform' && doc.type === 'aws_msk_cluster' ? doc : undefined;
}

/** The `aws_msk_configuration` document, or undefined for any other document. */
export function asMskConfiguration(doc: SynthesizedDocument): TerraformDocument | undefined {
  return doc.source === 'terraform' && doc.type === 'aws_msk_configuration' ? doc : undefined;
}

/** A nested block (`{...}` or `[{...}]`), or an empty object when absent. */
export function block(value: unknown): Readonly<Record<string, any>> {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== null && typeof v === 'object' ? v : {};
}

/** Whether a nested block is present at all. */
export function hasBlock(value: unknown): boolean {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== null && typeof v === 'object';
}

/** A list attribute, or an empty list when absent. */
export function list(value: unknown): readonly any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A number written literally (or as a numeric string); undefined for an expression or absence. */
export function literalNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** `true`, `false`, or undefined when absent or not a literal boolean. */
export function literalBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/**
 * The last `server_properties` text read and what it holds: the broker-property rules (HA-002,
 * HA-003, HA-008, HA-010, PERF-001, SEC-004) read the same configuration one after the other,
 * and parse it once (frozen: each of them only reads it).
 */
let lastServerProperties: { readonly text: string; readonly props: Readonly<Record<string, string>> } | undefined;

/** The broker properties of an `aws_msk_configuration`. */
export function serverPropertiesOf(configuration: TerraformDocument): Readonly<Record<string, string>> {
  const text = configuration.body.server_properties;
  if (typeof text !== 'string') return {};
  if (lastServerProperties?.text !== text) lastServerProperties = { text, props: Object.freeze(readProperties(text)) };
  return lastServerProperties.props;
}

/** The brokers of a cluster, when written literally. */
export function brokerCountOf(cluster: TerraformDocument): number | undefined {
  return literalNumber(cluster.body.number_of_broker_nodes);
}

/** A cluster's `encryption_info.encryption_in_transit` block (`client_broker`, `in_cluster`); empty when not written. */
export function encryptionInTransitOf(cluster: TerraformDocument): Readonly<Record<string, any>> {
  return block(block(cluster.body.encryption_info).encryption_in_transit);
}

/** A cluster's `encryption_info.encryption_at_rest_kms_key_arn`, as written (unset: MSK's AWS-managed key). */
export function atRestKeyArnOf(cluster: TerraformDocument): unknown {
  return block(cluster.body.encryption_info).encryption_at_rest_kms_key_arn;
}

/** The client authentication modes a cluster enables. */
export function authenticationOf(cluster: TerraformDocument): { readonly scram: boolean; readonly iam: boolean; readonly mutualTls: boolean } {
  const auth = block(cluster.body.client_authentication);
  const sasl = block(auth.sasl);
  return {
    scram: literalBoolean(sasl.scram) === true,
    iam: literalBoolean(sasl.iam) === true,
    mutualTls: list(block(auth.tls).certificate_authority_arns).length > 0,
  };
}

/** The result of following a cluster's `configuration_info` to its `aws_msk_configuration`. */
export interface ConfigurationLookup {
  readonly configuration?: TerraformDocument;
  /** Why the configuration cannot be read, when it cannot. */
  readonly problem?: RuleFinding;
}

/**
 * The `aws_msk_configuration` a cluster uses. A cluster without one runs MSK's defaults
 * (which set `unclean.leader.election.enable` and `allow.everyone.if.no.acl.found` to true);
 * a configuration outside the stack cannot be checked. Both are reported as a problem.
 */
export function configurationOf(cluster: TerraformDocument, index: DocumentIndex): ConfigurationLookup {
  const info = block(cluster.body.configuration_info);
  if (info.arn === undefined) {
    return {
      problem: {
        found: 'configuration_info is not set, so the cluster runs the MSK default configuration',
        expected: 'an aws_msk_configuration in this stack that sets the rule\'s broker properties',
        fix: 'Create the cluster with MskCluster, which writes the configuration, or set configuration_info to one.',
      },
    };
  }
  const configuration = index.resolve(info.arn);
  if (!configuration || configuration.type !== 'aws_msk_configuration') {
    return {
      problem: {
        found: `configuration_info.arn is '${info.arn}', not an aws_msk_configuration of this stack, so its properties cannot be checked`,
        expected: 'a reference to an aws_msk_configuration in this stack',
        fix: 'Manage the configuration in this stack (MskCluster does), or suppress the rule with a reason that names where it is checked.',
      },
    };
  }
  return { configuration };
}

/** The clusters (in this stack) that use a configuration. */
export function clustersUsing(configuration: TerraformDocument, index: DocumentIndex): readonly TerraformDocument[] {
  return index.terraform('aws_msk_cluster').filter((c) => index.resolve(block(c.body.configuration_info).arn)?.address === configuration.address);
}

/**
 * The broker-property rules on MSK (HA-002, HA-003, HA-008, HA-010): an `aws_msk_cluster` must
 * use an `aws_msk_configuration` of this stack (or, with `defaultConfigurationNote`, may keep
 * MSK's default configuration when that complies), and the `server_properties` of each
 * configuration are checked by `check`.
 */
export function checkMskBrokerProperties(
  doc: SynthesizedDocument, index: DocumentIndex,
  check: (props: Readonly<Record<string, string>>, f: Findings, configuration: TerraformDocument) => void,
  defaultConfigurationNote?: string,
): RuleOutcome {
  const cluster = asMskCluster(doc);
  if (cluster) {
    if (defaultConfigurationNote !== undefined && block(cluster.body.configuration_info).arn === undefined) return compliantWithNotes([defaultConfigurationNote]);
    const f = new Findings();
    const { problem } = configurationOf(cluster, index);
    if (problem) f.add(problem);
    return f.outcome();
  }
  const configuration = asMskConfiguration(doc);
  if (!configuration) return NOT_APPLICABLE;
  const f = new Findings();
  check(serverPropertiesOf(configuration), f, configuration);
  return f.outcome();
}
