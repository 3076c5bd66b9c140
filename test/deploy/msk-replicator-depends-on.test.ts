import { describe, expect, it } from 'vitest';
import { only } from '../support/msk-stack';
import { replicatedPair, synth } from '../support/replication-pair';

describe('aws_msk_replicator waits for its role to hold the policy', () => {
  it('depends on the role policy attachment, not only on the policy', () => {
    // hashicorp/terraform-provider-aws: aws_iam_role_policy_attachment is a separate resource;
    // without depends_on on it Terraform may create the replicator while its service execution
    // role has no permissions yet, and MSK fails the replicator.
    const { peer } = replicatedPair();
    const dr = synth(peer.stack);
    const replicator = only(dr, 'aws_msk_replicator');
    const attachments = Object.keys(dr.resource.aws_iam_role_policy_attachment ?? {}).filter((k) => k.includes('Replicator'));
    expect(attachments).toHaveLength(1);
    expect(replicator.depends_on).toContain(`aws_iam_role_policy_attachment.${attachments[0]}`);
    expect(replicator.depends_on.some((d: string) => d.startsWith('aws_iam_role_policy_attachment.'))).toBe(true);
  });
});
