import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';

/**
 * Helpers of the tests that run a real Prometheus (and Alertmanager) on 127.0.0.1: free ports,
 * a local HTTP server, polling with a deadline, and stopping every process and server that a
 * test started (in its afterAll).
 */

/** A TCP port of 127.0.0.1 that nothing listens on (at the time of the call). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts a server on a random port of 127.0.0.1 and returns the port. */
export function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

/** GET a JSON document, with a 2 s timeout. */
export async function getJson(url: string): Promise<any> {
  const r = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return r.json();
}

/** Polls `probe` every `pollMs` until it returns a value; throws with `log()` after `deadlineMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, log: () => string, deadlineMs: number, pollMs = 250): Promise<T> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}\n${log()}`);
}

/** The child processes and servers a test started, with their output, to stop in afterAll. */
export class LocalProcesses {
  private readonly processes: ChildProcess[] = [];
  private readonly servers: http.Server[] = [];
  private output = '';

  public constructor(private readonly cwd: string) {}

  /** Starts a process in the test's directory; its output is kept for `tail()`. */
  public start(cmd: string, args: readonly string[]): void {
    const child = spawn(cmd, args, { cwd: this.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => { this.output += d; });
    child.stderr!.on('data', (d) => { this.output += d; });
    this.processes.push(child);
  }

  /** Serves `server` on 127.0.0.1 and returns its port; it is closed by `stopAll`. */
  public serve(server: http.Server): Promise<number> {
    this.servers.push(server);
    return listen(server);
  }

  /** The last 30 lines the processes printed. */
  public tail(): string {
    return this.output.split('\n').slice(-30).join('\n');
  }

  /** SIGTERM to every process started here (SIGKILL after 5 s), then closes every server. */
  public async stopAll(): Promise<void> {
    await Promise.all(this.processes.map((p) => new Promise<void>((resolve) => {
      if (p.exitCode !== null || p.signalCode !== null) return resolve();
      const kill = setTimeout(() => p.kill('SIGKILL'), 5_000);
      p.once('exit', () => { clearTimeout(kill); resolve(); });
      p.kill('SIGTERM');
    })));
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
  }
}

/** The arguments of `/usr/bin/prometheus` for a config file, a data dir and a port of 127.0.0.1. */
export function prometheusArgs(config: string, dataDir: string, port: number): string[] {
  return [`--config.file=${config}`, `--storage.tsdb.path=${dataDir}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'];
}
