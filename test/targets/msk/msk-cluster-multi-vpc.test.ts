import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { mskStack, only, synthJson } from '../../support/msk-stack';

describe('MskCluster multi-VPC private connectivity (the source side of a cross-region MSK Replicator)', () => {
  it('writes vpc_connectivity with SASL/IAM on, next to public access DISABLED', () => {
    const { stack } = mskStack({ cluster: { multiVpcConnectivity: { iam: true } } });
    const cluster = only(synthJson(stack), 'aws_msk_cluster');
    expect(cluster.broker_node_group_info.connectivity_info).toEqual({
      public_access: { type: 'DISABLED' },
      vpc_connectivity: { client_authentication: { sasl: { iam: true, scram: false } } },
    });
  });

  it('exposes which modes have multi-VPC connectivity', () => {
    const { cluster } = mskStack({ cluster: { multiVpcConnectivity: { iam: true, scram: true } } });
    expect(cluster.multiVpcConnectivity).toEqual({ iam: true, scram: true });
  });

  it('writes no vpc_connectivity block by default (a new cluster must be created without it)', () => {
    const { stack, cluster } = mskStack();
    expect(cluster.multiVpcConnectivity).toEqual({ iam: false, scram: false });
    expect(only(synthJson(stack), 'aws_msk_cluster').broker_node_group_info.connectivity_info).toEqual({ public_access: { type: 'DISABLED' } });
  });

  it('refuses multi-VPC IAM on a cluster without IAM authentication (SEC-003, path, fix)', () => {
    expect(() => mskStack({ cluster: { authentication: [ClientAuthentication.scramSha512()], multiVpcConnectivity: { iam: true } } }))
      .toThrow(/^SEC-003 \[production\/Kafka\] multiVpcConnectivity\.iam is true; expected iam enabled in authentication.*Add ClientAuthentication\.iam\(\)/);
  });

  it('refuses multi-VPC SCRAM on a cluster without SCRAM authentication', () => {
    expect(() => mskStack({ cluster: { authentication: [ClientAuthentication.iam()], multiVpcConnectivity: { scram: true } } }))
      .toThrow(/SEC-003 \[production\/Kafka\] multiVpcConnectivity\.scram is true/);
  });
});
