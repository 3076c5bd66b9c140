// The baseline: a bare cdktf app with one aws_msk_cluster (submodule imports), no kafka-iac.
// Run by bench/run.ts (compiled to JavaScript, plain node) in an empty folder.
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';

const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'bare');
new AwsProvider(stack, 'aws', { region: 'us-east-1' });
new MskCluster(stack, 'Kafka', {
  clusterName: 'bare', kafkaVersion: '3.9.x.kraft', numberOfBrokerNodes: 3,
  brokerNodeGroupInfo: { instanceType: 'kafka.m7g.large', clientSubnets: ['subnet-a', 'subnet-b', 'subnet-c'], securityGroups: ['sg-1'] },
});
app.synth();
