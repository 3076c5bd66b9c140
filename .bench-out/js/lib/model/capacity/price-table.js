"use strict";
/**
 * A small, dated table of AWS on-demand list prices, in USD, for the resources kafka-iac
 * declares. Used only for the cost ESTIMATE in each environment's report: it is not a quote,
 * it ignores savings plans, reserved instances, data transfer, and anything the library does
 * not declare (the EKS control plane, NAT gateways, CloudWatch, Secrets Manager).
 *
 * Keep it small and dated: update `PRICE_TABLE_DATE` with the values, never one without the other.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRICE_TABLE = exports.INSTANCE_SIZES = exports.HOURS_PER_MONTH = exports.PRICE_TABLE_SOURCE = exports.PRICE_TABLE_DATE = void 0;
/** The date the prices below were recorded (ISO 8601). The report prints it next to every estimate. */
exports.PRICE_TABLE_DATE = '2026-11-23';
/** Where the prices come from, printed in the report. */
exports.PRICE_TABLE_SOURCE = 'AWS public on-demand list prices (Linux, USD) for Amazon MSK provisioned standard brokers, MSK storage, EC2 and EBS gp3, as recorded in lib/core/pricing/price-table.ts; recorded offline, so check https://aws.amazon.com/msk/pricing/ and https://aws.amazon.com/ec2/pricing/on-demand/ before budgeting';
/** Hours in a billing month, as AWS's own calculators count them. */
exports.HOURS_PER_MONTH = 730;
/** vCPU and memory of the EC2 (and MSK) instance types in the table. */
exports.INSTANCE_SIZES = {
    'large': { vcpu: 2, memoryGiB: 8 },
    'xlarge': { vcpu: 4, memoryGiB: 16 },
    '2xlarge': { vcpu: 8, memoryGiB: 32 },
    '4xlarge': { vcpu: 16, memoryGiB: 64 },
    '8xlarge': { vcpu: 32, memoryGiB: 128 },
};
const MSK_BROKERS = {
    'kafka.t3.small': 0.0456,
    'kafka.m5.large': 0.21,
    'kafka.m5.xlarge': 0.42,
    'kafka.m5.2xlarge': 0.84,
    'kafka.m5.4xlarge': 1.68,
    'kafka.m5.8xlarge': 3.36,
    'kafka.m7g.large': 0.204,
    'kafka.m7g.xlarge': 0.408,
    'kafka.m7g.2xlarge': 0.816,
    'kafka.m7g.4xlarge': 1.632,
    'kafka.m7g.8xlarge': 3.264,
};
const EC2 = {
    'm5.large': 0.096,
    'm5.xlarge': 0.192,
    'm5.2xlarge': 0.384,
    'm5.4xlarge': 0.768,
    'm5.8xlarge': 1.536,
    'm7g.large': 0.0816,
    'm7g.xlarge': 0.1632,
    'm7g.2xlarge': 0.3264,
    'm7g.4xlarge': 0.6528,
    'm7g.8xlarge': 1.3056,
};
/**
 * On-demand prices by region. US East (N. Virginia) and US West (Oregon) list the same prices
 * for these types; they are written out per region so that a region that differs can be added.
 */
exports.PRICE_TABLE = {
    'us-east-1': { mskBrokerHourly: MSK_BROKERS, mskStorageGbMonth: 0.10, ec2Hourly: EC2, ebsGp3GbMonth: 0.08 },
    'us-west-2': { mskBrokerHourly: MSK_BROKERS, mskStorageGbMonth: 0.10, ec2Hourly: EC2, ebsGp3GbMonth: 0.08 },
};
