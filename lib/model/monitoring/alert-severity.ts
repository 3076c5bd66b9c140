/** How urgent an alert is; routed by the `severity` label. */
export enum AlertSeverity {
  /** Pages the on-call engineer now: data is at risk or clients are failing. */
  CRITICAL = 'critical',
  /** Opens a ticket for working hours: the cluster is degrading or heading for a limit. */
  WARNING = 'warning',
}
