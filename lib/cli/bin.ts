#!/usr/bin/env node
// The `kafka-iac` command: `kafka-iac check | report | plan-capacity | diagram` (see docs/operator-tools.md).
import { runCli } from './kafka-iac-cli';

runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`kafka-iac: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
