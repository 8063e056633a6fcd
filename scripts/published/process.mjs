// Child processes of the published-packages check: commands that must succeed (output kept and
// shown only on failure), and servers that run until stopped (each in its own process group, so
// stopping one stops what it spawned, e.g. npx's node).
import { spawn } from 'node:child_process';

/** A failure that carries the output of the command that failed; admin keys in it are masked. */
export class CommandError extends Error {
  constructor(message) {
    super(message.replace(/pk_admin_[\w-]+/g, 'pk_admin_…'));
  }
}

/**
 * Runs a command to its end; rejects with its output when it exits non-zero or times out.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeout?: number, input?: string }} [options]
 * @returns {Promise<{ stdout: string, stderr: string }>}
 */
export function run(command, args, { cwd, env = process.env, timeout = 300_000, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => kill(child), timeout);
    child.on('error', (error) => reject(new CommandError(`${command} ${args.join(' ')}: ${error.message}`)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ stdout, stderr });
      const why = signal ? `was stopped (${signal}${signal === 'SIGTERM' ? `, over ${timeout / 1000} s` : ''})` : `exited with ${code}`;
      reject(new CommandError(`\`${command} ${args.join(' ')}\` ${why}\n${stdout}${stderr}`.trimEnd()));
    });
  });
}

/** Stops a child and everything in its process group. */
function kill(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts a long-running command and resolves once its output matches `ready` (the match is
 * returned), or rejects when it exits first or takes longer than `timeout`.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, ready: RegExp, timeout?: number }} options
 */
export function start(command, args, { cwd, env = process.env, ready, timeout = 120_000 }) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise((resolve) => child.on('close', resolve));
  const handle = {
    get output() {
      return output;
    },
    /** Stops it (TERM, then KILL after 5 s) and waits for it to exit. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      kill(child);
      const timer = setTimeout(() => kill(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void handle.stop();
      reject(new CommandError(`\`${command} ${args.join(' ')}\` was not ready after ${timeout / 1000} s\n${output}`));
    }, timeout);
    const look = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', look);
        child.stderr.off('data', look);
        // Keep reading, so a full pipe never blocks the process.
        child.stdout.on('data', (more) => (output += more));
        child.stderr.on('data', (more) => (output += more));
        resolve(Object.assign(handle, { match }));
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('error', (error) => reject(new CommandError(`${command}: ${error.message}`)));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new CommandError(`\`${command} ${args.join(' ')}\` exited (${code}) before it was ready\n${output}`));
    });
  });
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The environment of a command in the fresh project: this one without what `npm test` adds (the
 * `npm_*` variables, the workspace's `node_modules/.bin` on the PATH), so nothing resolves from
 * the workspace by accident.
 * @param {NodeJS.ProcessEnv} [extra]
 */
export function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && key !== 'INIT_CWD'));
  env.PATH = (env.PATH ?? '').split(':').filter((dir) => !/[\\/]node_modules[\\/]\.bin$/.test(dir)).join(':');
  return { ...env, ...extra };
}
