import { markdownCell, markdownCode } from '../contract/writers/markdown';
import type { KubernetesDocument, SynthesizedDocument } from '../contract/document';
import { parseMemoryQuantity } from '../model/jvm-heap';
import { formatGroupedNumber } from '../model/number-format';
import {
  HOURS_PER_MONTH, INSTANCE_SIZES, PRICE_TABLE, PRICE_TABLE_DATE, PRICE_TABLE_SOURCE, type RegionPrices,
} from '../model/capacity/price-table';
import { STRIMZI_CLUSTER_LABEL, TARGET_LABEL } from '../contract/vocabulary';

/** The title of the report section the estimate writes. */
export const COST_ESTIMATE_SECTION_TITLE = 'Cost estimate';

const GiB = 1024 ** 3;

/** What a cost estimate of an environment prices, beyond the synthesized documents. */
export interface CostEstimateOptions {
  /** The region whose prices apply (the environment's region). */
  readonly region: string;
  /**
   * The EC2 family a Kubernetes Kafka pod's node is sized from (`m5` or `m7g`).
   * @default 'm5'
   */
  readonly kubernetesNodeFamily?: string;
}

/** One priced item: a count of something times a unit price, per month. */
export interface CostLine {
  /** `aws_msk_cluster.kafka`, `KafkaNodePool/brokers`, `StatefulSet/kafka`. */
  readonly resource: string;
  /** Construct path that produced the resource. */
  readonly path: string;
  /** What is priced: `3 × kafka.m5.large broker`, `3 × 1000 GiB MSK storage`. */
  readonly item: string;
  readonly quantity: number;
  /** `broker-hour`, `node-hour`, `GB-month`. */
  readonly unit: string;
  /** USD per unit. */
  readonly unitPriceUsd: number;
  /** USD per month, rounded to cents. */
  readonly monthlyUsd: number;
}

/**
 * The monthly cost of the Kafka resources in a set of synthesized documents, from the dated
 * price table. An ESTIMATE: on-demand list prices, 730 hours a month, provisioned (not used)
 * storage; data transfer and everything the library does not declare are left out.
 *
 * Reads: `aws_msk_cluster` (instance type × brokers, plus EBS volume × brokers), Strimzi
 * `KafkaNodePool` (one node per pod, which HA-009's required host anti-affinity implies, sized
 * from the pod's resources, plus each persistent-claim volume × replicas), a Kafka
 * `StatefulSet` (the same, with its volume claim templates), and a Strimzi `KafkaMirrorMaker2`
 * (its replicas priced the same way, an upper bound: its host anti-affinity is only preferred).
 * An `aws_msk_replicator` is listed as not priced: MSK Replicator is billed per replicator-hour
 * and per GB it processes, plus cross-region data transfer, and the table records no verified
 * Replicator prices (the GB also depend on traffic the output does not hold).
 */
export class CostEstimate {
  /** Estimates the documents of one environment. Pure. */
  public static of(documents: readonly SynthesizedDocument[], options: CostEstimateOptions): CostEstimate {
    return new CostEstimate(documents, options);
  }

  public readonly date = PRICE_TABLE_DATE;
  public readonly currency = 'USD';
  public readonly region: string;
  public readonly lines: readonly CostLine[];
  /** Resources that could not be priced, and why (an instance type or region not in the table). */
  public readonly unpriced: readonly string[];
  /** What could change the figure and is not in the total (MSK storage autoscaling up to its maximum). */
  public readonly notes: readonly string[];

  private constructor(documents: readonly SynthesizedDocument[], options: CostEstimateOptions) {
    this.region = options.region;
    const prices = PRICE_TABLE[options.region];
    const family = options.kubernetesNodeFamily ?? 'm5';
    const lines: CostLine[] = [];
    const unpriced: string[] = [];
    const notes: string[] = [];
    const storageMaxByCluster = new Map<string, number>();
    const kafkaByCluster = new Map<string, KubernetesDocument>();
    for (const doc of documents) {
      if (doc.source === 'kubernetes' && doc.kind === 'Kafka' && doc.apiVersion.startsWith('kafka.strimzi.io/')) {
        kafkaByCluster.set(`${doc.namespace ?? ''}|${doc.name}`, doc);
      }
      if (doc.source === 'terraform' && doc.type === 'aws_appautoscaling_target' && doc.body.scalable_dimension === 'kafka:broker-storage:VolumeSize') {
        const cluster = /^\$\{(aws_msk_cluster\.[A-Za-z0-9_-]+)\.arn\}$/.exec(String(doc.body.resource_id))?.[1];
        if (cluster && Number.isFinite(Number(doc.body.max_capacity))) storageMaxByCluster.set(cluster, Number(doc.body.max_capacity));
      }
    }
    for (const doc of documents) {
      if (doc.source === 'terraform') {
        if (doc.type === 'aws_msk_cluster') {
          this.msk(doc.address, doc.path, doc.body, prices, lines, unpriced);
          const max = storageMaxByCluster.get(doc.address);
          const brokers = Number(doc.body.number_of_broker_nodes);
          if (max !== undefined && prices && Number.isFinite(brokers)) {
            notes.push(`\`${doc.address}\`: storage autoscaling may grow each broker's volume to ${max} GiB, up to ${formatUsd(cents(brokers * max * prices.mskStorageGbMonth), 2)} USD a month for storage (not in the total).`);
          }
        }
        if (doc.type === 'aws_msk_replicator') unpriced.push(`\`${doc.address}\`: ${MSK_REPLICATOR_UNPRICED}`);
        continue;
      }
      if (doc.kind === 'KafkaMirrorMaker2' && doc.apiVersion.startsWith('kafka.strimzi.io/')) {
        const spec = doc.body.spec ?? {};
        this.pods(`KafkaMirrorMaker2/${doc.name}`, doc.path, Number(spec.replicas ?? 0), spec.resources, [], prices, family, lines, unpriced,
          'one per pod (an upper bound: the pods only prefer separate hosts)');
      } else if (doc.kind === 'KafkaNodePool' && doc.apiVersion.startsWith('kafka.strimzi.io/')) {
        const clusterName = doc.body.metadata?.labels?.[STRIMZI_CLUSTER_LABEL];
        const kafka = kafkaByCluster.get(`${doc.namespace ?? ''}|${clusterName}`);
        const spec = doc.body.spec ?? {};
        const resources = spec.resources ?? kafka?.body.spec?.kafka?.resources;
        this.pods(`KafkaNodePool/${doc.name}`, doc.path, Number(spec.replicas ?? 0), resources, strimziVolumes(spec.storage), prices, family, lines, unpriced);
      } else if (doc.kind === 'StatefulSet' && doc.body.metadata?.labels?.[TARGET_LABEL] === 'statefulset') {
        const spec = doc.body.spec ?? {};
        const containers: any[] = spec.template?.spec?.containers ?? [];
        const kafka = containers.find((c) => c?.name === 'kafka') ?? containers[0];
        const volumes = (spec.volumeClaimTemplates ?? []).map((t: any) => parseMemoryQuantity(String(t?.spec?.resources?.requests?.storage ?? '')));
        this.pods(`StatefulSet/${doc.name}`, doc.path, Number(spec.replicas ?? 1), kafka?.resources, volumes, prices, family, lines, unpriced);
      }
    }
    this.lines = lines;
    this.unpriced = unpriced;
    this.notes = notes;
  }

  /** The monthly total in USD, rounded to cents. */
  public get monthlyTotalUsd(): number {
    return cents(this.lines.reduce((sum, l) => sum + l.monthlyUsd, 0));
  }

  /** The estimate as plain data (the report's JSON section). */
  public toJson(): Record<string, unknown> {
    return {
      estimate: true,
      priceDate: this.date,
      currency: this.currency,
      region: this.region,
      hoursPerMonth: HOURS_PER_MONTH,
      source: PRICE_TABLE_SOURCE,
      monthlyTotalUsd: this.monthlyTotalUsd,
      lines: this.lines,
      unpriced: this.unpriced,
      notes: this.notes,
    };
  }

  /** The estimate as Markdown: a dated, labelled table and its total. */
  public toMarkdown(): string {
    const out = [
      `**Estimate**, not a quote: on-demand list prices of ${this.date} for \`${this.region}\` (${HOURS_PER_MONTH} hours a month, provisioned storage). Source: ${PRICE_TABLE_SOURCE}. Data transfer, savings plans and resources outside Kafka (EKS control plane, NAT, CloudWatch) are not included.`,
      '',
    ];
    if (this.lines.length === 0) {
      out.push('No priced Kafka resources in this environment.');
    } else {
      out.push('| resource | item | quantity | unit | USD per unit | USD per month |', '|---|---|---|---|---|---|');
      for (const l of this.lines) {
        out.push(`| ${markdownCode(l.resource)} | ${markdownCell(l.item)} | ${formatUsd(l.quantity, 0)} | ${markdownCell(l.unit)} | ${l.unitPriceUsd} | ${formatUsd(l.monthlyUsd, 2)} |`);
      }
      out.push(`| **total** | | | | | **${formatUsd(this.monthlyTotalUsd, 2)}** |`);
    }
    for (const u of this.unpriced) out.push('', `Not priced: ${noteMarkdown(u)}`);
    for (const n of this.notes) out.push('', `Note: ${noteMarkdown(n)}`);
    return out.join('\n');
  }

  /** The report section: title "Cost estimate", this estimate's data and Markdown. */
  public toReportSection(): { readonly title: string; readonly data: unknown; readonly markdown: string } {
    return { title: COST_ESTIMATE_SECTION_TITLE, data: this.toJson(), markdown: this.toMarkdown() };
  }

  private msk(resource: string, path: string, body: Readonly<Record<string, any>>, prices: RegionPrices | undefined, lines: CostLine[], unpriced: string[]): void {
    const group = single(body.broker_node_group_info);
    const instanceType = group?.instance_type;
    const brokers = Number(body.number_of_broker_nodes);
    const volumeGiB = Number(single(single(group?.storage_info)?.ebs_storage_info)?.volume_size ?? 0);
    if (!prices) { unpriced.push(`\`${resource}\`: no prices for region ${this.region} in the table.`); return; }
    if (!Number.isFinite(brokers) || brokers <= 0) { unpriced.push(`\`${resource}\`: number_of_broker_nodes is ${JSON.stringify(body.number_of_broker_nodes)}, not a number.`); return; }
    const hourly = prices.mskBrokerHourly[instanceType];
    if (hourly === undefined) {
      unpriced.push(`\`${resource}\`: broker instance type ${JSON.stringify(instanceType)} is not in the price table.`);
    } else {
      lines.push(line(resource, path, `${brokers} × ${instanceType} broker`, brokers * HOURS_PER_MONTH, 'broker-hour', hourly));
    }
    if (Number.isFinite(volumeGiB) && volumeGiB > 0) {
      lines.push(line(resource, path, `${brokers} × ${volumeGiB} GiB MSK storage`, brokers * volumeGiB, 'GB-month', prices.mskStorageGbMonth));
    }
  }

  private pods(resource: string, path: string, replicas: number, resources: any, volumeBytes: readonly number[], prices: RegionPrices | undefined, family: string, lines: CostLine[], unpriced: string[], placement = 'one per pod'): void {
    if (!prices) { unpriced.push(`\`${resource}\`: no prices for region ${this.region} in the table.`); return; }
    if (!Number.isFinite(replicas) || replicas <= 0) return;
    const memory = parseMemoryQuantity(String(resources?.limits?.memory ?? resources?.requests?.memory ?? ''));
    const cpu = parseCpu(resources?.requests?.cpu ?? resources?.limits?.cpu);
    const node = nodeFor(family, memory, cpu, prices);
    if (!node) {
      unpriced.push(`\`${resource}\`: no ${family} instance in the table fits a pod with memory ${resources?.limits?.memory ?? 'unset'} and cpu ${resources?.requests?.cpu ?? 'unset'}.`);
    } else {
      const sized = Number.isFinite(memory) ? '' : ' (no memory set: smallest node assumed)';
      lines.push(line(resource, path, `${replicas} × ${node.type} node, ${placement}${sized}`, replicas * HOURS_PER_MONTH, 'node-hour', node.hourly));
    }
    const gib = volumeBytes.filter((b) => Number.isFinite(b) && b > 0).reduce((sum, b) => sum + b / GiB, 0);
    if (gib > 0) {
      lines.push(line(resource, path, `${replicas} × ${round2(gib)} GiB EBS gp3`, replicas * gib, 'GB-month', prices.ebsGp3GbMonth));
    }
  }
}

/** Why an MSK Replicator is listed under "Not priced". */
export const MSK_REPLICATOR_UNPRICED = 'MSK Replicator is billed per replicator-hour and per GB of data it processes, plus cross-region data transfer (https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-pricing.html); the price table records no verified Replicator prices, and the GB replicated depend on traffic. Price it from https://aws.amazon.com/msk/pricing/ and the ReplicatorBytesInPerSec metric.';

/** The smallest instance of `family` whose memory exceeds the pod's (the kubelet reserves some) and whose vCPUs cover its request. */
function nodeFor(family: string, memoryBytes: number, cpu: number, prices: RegionPrices): { type: string; hourly: number } | undefined {
  for (const [size, spec] of Object.entries(INSTANCE_SIZES)) {
    const type = `${family}.${size}`;
    const hourly = prices.ec2Hourly[type];
    if (hourly === undefined) continue;
    if (Number.isFinite(memoryBytes) && spec.memoryGiB * GiB <= memoryBytes) continue;
    if (Number.isFinite(cpu) && spec.vcpu < cpu) continue;
    return { type, hourly };
  }
  return undefined;
}

function strimziVolumes(storage: any): number[] {
  if (!storage) return [];
  if (storage.type === 'jbod') return (storage.volumes ?? []).flatMap((v: any) => strimziVolumes(v));
  if (storage.type === 'persistent-claim') return [parseMemoryQuantity(String(storage.size ?? ''))];
  return [];
}

/** Kubernetes CPU quantity (`2`, `500m`) in cores; NaN when absent. */
function parseCpu(q: unknown): number {
  if (q === undefined || q === null) return NaN;
  const s = String(q).trim();
  return s.endsWith('m') ? Number(s.slice(0, -1)) / 1000 : Number(s);
}

/** A block that cdktf writes as an object, or a list of one. */
function single(v: any): any {
  return Array.isArray(v) ? v[0] : v;
}

function line(resource: string, path: string, item: string, quantity: number, unit: string, unitPriceUsd: number): CostLine {
  return { resource, path, item, quantity: round2(quantity), unit, unitPriceUsd, monthlyUsd: cents(quantity * unitPriceUsd) };
}

function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** `n` with en-US grouping and exactly `digits` fraction digits (`1,234.50`), as `Intl.NumberFormat` writes it. */
function formatUsd(n: number, digits: number): string {
  return formatGroupedNumber(n, digits, digits);
}

/** A note of the form `` `resource`: text `` as Markdown: the resource as code, the text escaped (the Markdown writer). */
function noteMarkdown(note: string): string {
  const m = /^`([^`]+)`: ([\s\S]*)$/.exec(note);
  return m ? `${markdownCode(m[1])}: ${markdownCell(m[2])}` : markdownCell(note);
}
