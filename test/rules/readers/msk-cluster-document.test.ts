// Reading MSK Terraform documents for the rules (lib/rules/readers/msk-cluster-document.ts):
// nested blocks written as an object or a list of one, literal numbers and booleans, the client
// authentication a cluster enables, and the aws_msk_configuration a cluster uses (HA-008, HA-010).
import { describe, expect, it } from 'vitest';
import { DocumentIndex } from '../../../lib/contract/document-index';
import {
  asMskCluster, asMskConfiguration, authenticationOf, block, brokerCountOf, clustersUsing, configurationOf, hasBlock, list,
  literalBoolean, literalNumber, serverPropertiesOf,
} from '../../../lib/rules/readers/msk-cluster-document';
import { HA_008_UNCLEAN_LEADER_ELECTION } from '../../../lib/rules/ha-008-unclean-leader-election';
import { HA_010_AUTO_CREATE_TOPICS } from '../../../lib/rules/ha-010-auto-create-topics';
import { kubernetes, mskCluster, mskConfiguration, terraform } from '../fixtures/cap-documents';
import { findingsOf, outcomeOf } from '../fixtures/outcome';

const CONFIGURATION_REF = '${aws_msk_configuration.kafka_configuration.arn}';
const cluster = (body: Record<string, unknown> = {}, name = 'kafka') => {
  const c = mskCluster();
  return { ...c, name, address: `aws_msk_cluster.${name}`, path: `production/${name}/Resource`, body: { ...c.body, ...body } };
};

describe('asMskCluster and asMskConfiguration', () => {
  it('reads an aws_msk_cluster and an aws_msk_configuration, and nothing else', () => {
    const c = mskCluster();
    const conf = mskConfiguration({});
    expect(asMskCluster(c)).toBe(c);
    expect(asMskConfiguration(conf)).toBe(conf);
    expect(asMskCluster(conf)).toBeUndefined();
    expect(asMskConfiguration(c)).toBeUndefined();
    const k8s = kubernetes('v1', 'ConfigMap', 'kafka', {});
    expect(asMskCluster({ ...k8s, type: 'aws_msk_cluster' } as never)).toBeUndefined();
    expect(asMskConfiguration({ ...k8s, type: 'aws_msk_configuration' } as never)).toBeUndefined();
  });
});

describe('block, hasBlock and list: a nested block as cdktf or a hand-written file writes it', () => {
  it('reads a block written as an object or as a list of one, and an empty one when absent or not an object', () => {
    expect(block({ a: 1 })).toEqual({ a: 1 });
    expect(block([{ a: 1 }, { a: 2 }])).toEqual({ a: 1 });
    for (const absent of [undefined, null, [], [null], 'text', 3]) expect(block(absent)).toEqual({});
  });

  it('tells whether a block is there at all', () => {
    expect(hasBlock({})).toBe(true);
    expect(hasBlock([{}])).toBe(true);
    for (const absent of [undefined, null, [], [null], 'text', 3]) expect(hasBlock(absent)).toBe(false);
  });

  it('reads a list attribute, a single value as a list of one, and an absent one as empty', () => {
    expect(list(['a', 'b'])).toEqual(['a', 'b']);
    expect(list('a')).toEqual(['a']);
    expect(list(0)).toEqual([0]);
    expect(list(undefined)).toEqual([]);
    expect(list(null)).toEqual([]);
  });
});

describe('literalNumber, literalBoolean and brokerCountOf', () => {
  it('reads a number, or a numeric string with blanks around it, and no expression', () => {
    expect([3, '3', ' 3', '3 ', '12', '-2', '2.5', '10.25', '0'].map(literalNumber)).toEqual([3, 3, 3, 3, 12, -2, 2.5, 10.25, 0]);
    for (const v of ['x3', '3x', '3.', '.5', '', ' ', '-', '1e3', '${var.brokers}', '3 4', ['3'], true, undefined, null]) expect(literalNumber(v), String(v)).toBeUndefined();
  });

  it('reads true and false, literal or as text, and nothing else', () => {
    expect([true, 'true', false, 'false', 'yes', 'TRUE', 1, 0, undefined, null].map(literalBoolean))
      .toEqual([true, true, false, false, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads the brokers of a cluster when written literally', () => {
    expect(brokerCountOf(cluster({ number_of_broker_nodes: 6 }))).toBe(6);
    expect(brokerCountOf(cluster({ number_of_broker_nodes: '6' }))).toBe(6);
    expect(brokerCountOf(cluster({ number_of_broker_nodes: '${var.brokers}' }))).toBeUndefined();
  });
});

describe('serverPropertiesOf and authenticationOf', () => {
  it('reads the server properties of a configuration; none when they are not text', () => {
    expect(serverPropertiesOf(mskConfiguration({ 'min.insync.replicas': '2', 'auto.create.topics.enable': 'false' })))
      .toEqual({ 'min.insync.replicas': '2', 'auto.create.topics.enable': 'false' });
    expect(serverPropertiesOf(terraform('aws_msk_configuration', 'c', { server_properties: ['min.insync.replicas=2'] }))).toEqual({});
    expect(serverPropertiesOf(terraform('aws_msk_configuration', 'c', {}))).toEqual({});
  });

  it('reads SCRAM, IAM and mutual TLS, each on its own, as objects or lists of one', () => {
    const none = { scram: false, iam: false, mutualTls: false };
    expect(authenticationOf(cluster())).toEqual(none);
    expect(authenticationOf(cluster({ client_authentication: { sasl: { scram: true } } }))).toEqual({ ...none, scram: true });
    expect(authenticationOf(cluster({ client_authentication: [{ sasl: [{ iam: 'true' }] }] }))).toEqual({ ...none, iam: true });
    expect(authenticationOf(cluster({ client_authentication: { sasl: { scram: 'false', iam: false } } }))).toEqual(none);
    expect(authenticationOf(cluster({ client_authentication: { tls: { certificate_authority_arns: ['arn:aws:acm-pca:us-east-1:1:certificate-authority/x'] } } })))
      .toEqual({ ...none, mutualTls: true });
    expect(authenticationOf(cluster({ client_authentication: { tls: { certificate_authority_arns: [] } } }))).toEqual(none);
    expect(authenticationOf(cluster({ client_authentication: { tls: {} } }))).toEqual(none);
  });
});

describe('configurationOf and clustersUsing: the aws_msk_configuration a cluster uses', () => {
  const configuration = mskConfiguration({ 'auto.create.topics.enable': 'false' });
  const key = terraform('aws_kms_key', 'key', {});

  it('follows configuration_info.arn to a configuration of the stack, as an object or a list of one', () => {
    expect(configurationOf(cluster({ configuration_info: { arn: CONFIGURATION_REF, revision: 1 } }), new DocumentIndex([configuration]))).toEqual({ configuration });
    expect(configurationOf(cluster({ configuration_info: [{ arn: CONFIGURATION_REF }] }), new DocumentIndex([configuration]))).toEqual({ configuration });
  });

  it('lists the clusters of the stack that use a configuration', () => {
    const other = mskConfiguration({});
    const otherConfiguration = { ...other, name: 'other', address: 'aws_msk_configuration.other' };
    const a = cluster({ configuration_info: { arn: CONFIGURATION_REF } }, 'a');
    const b = cluster({ configuration_info: [{ arn: CONFIGURATION_REF }] }, 'b');
    const c = cluster({ configuration_info: { arn: '${aws_msk_configuration.other.arn}' } }, 'c');
    const d = cluster({}, 'd');
    const index = new DocumentIndex([configuration, otherConfiguration, a, b, c, d]);
    expect(clustersUsing(configuration, index)).toEqual([a, b]);
    expect(clustersUsing(otherConfiguration, index)).toEqual([c]);
  });

  it('is a finding for a cluster on the MSK default configuration (HA-008), the whole message', () => {
    expect(findingsOf(HA_008_UNCLEAN_LEADER_ELECTION, cluster(), [configuration])).toEqual([{
      found: 'configuration_info is not set, so the cluster runs the MSK default configuration',
      expected: 'an aws_msk_configuration in this stack that sets the rule\'s broker properties',
      fix: 'Create the cluster with MskCluster, which writes the configuration, or set configuration_info to one.',
    }]);
  });

  it('is a finding for a configuration outside the stack, or an arn that names another resource (HA-008)', () => {
    const outside = {
      expected: 'a reference to an aws_msk_configuration in this stack',
      fix: 'Manage the configuration in this stack (MskCluster does), or suppress the rule with a reason that names where it is checked.',
    };
    const arn = 'arn:aws:kafka:us-east-1:111122223333:configuration/shared/1';
    expect(findingsOf(HA_008_UNCLEAN_LEADER_ELECTION, cluster({ configuration_info: { arn } }), [configuration])).toEqual([{
      found: `configuration_info.arn is '${arn}', not an aws_msk_configuration of this stack, so its properties cannot be checked`, ...outside,
    }]);
    expect(findingsOf(HA_008_UNCLEAN_LEADER_ELECTION, cluster({ configuration_info: { arn: '${aws_kms_key.key.arn}' } }), [configuration, key])).toEqual([{
      found: "configuration_info.arn is '${aws_kms_key.key.arn}', not an aws_msk_configuration of this stack, so its properties cannot be checked", ...outside,
    }]);
  });

  it('passes a cluster on a configuration of the stack (HA-008, HA-010)', () => {
    const c = cluster({ configuration_info: { arn: CONFIGURATION_REF } });
    expect(outcomeOf(HA_008_UNCLEAN_LEADER_ELECTION, c, [configuration])).toEqual({ status: 'compliant' });
    expect(outcomeOf(HA_010_AUTO_CREATE_TOPICS, c, [configuration])).toEqual({ status: 'compliant' });
  });
});

describe('checkMskBrokerProperties (HA-010 keeps the MSK default configuration, which complies)', () => {
  it('notes the default configuration on a cluster without configuration_info, and still refuses one outside the stack', () => {
    expect(outcomeOf(HA_010_AUTO_CREATE_TOPICS, cluster())).toEqual({ status: 'compliant', notes: ["MSK's default configuration has auto.create.topics.enable=false."] });
    expect(outcomeOf(HA_010_AUTO_CREATE_TOPICS, cluster({ configuration_info: [{ arn: CONFIGURATION_REF }] })).status).toBe('non-compliant');
  });

  it('checks the server properties of each configuration, with the whole finding', () => {
    expect(findingsOf(HA_010_AUTO_CREATE_TOPICS, mskConfiguration({ 'auto.create.topics.enable': 'true' })))
      .toEqual([{ found: "auto.create.topics.enable is 'true'", expected: "'false'", fix: 'Set auto.create.topics.enable=false and declare the topics.' }]);
    expect(outcomeOf(HA_010_AUTO_CREATE_TOPICS, mskConfiguration({ 'auto.create.topics.enable': 'false' }))).toEqual({ status: 'compliant' });
    expect(outcomeOf(HA_010_AUTO_CREATE_TOPICS, terraform('aws_msk_configuration', 'c', {}))).toEqual({ status: 'compliant' });
  });

  it('leaves every other document not applicable', () => {
    expect(outcomeOf(HA_010_AUTO_CREATE_TOPICS, terraform('aws_kms_key', 'key', {}))).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(HA_008_UNCLEAN_LEADER_ELECTION, terraform('aws_msk_scram_secret_association', 's', { configuration_info: {} }))).toEqual({ status: 'not-applicable' });
  });
});
