#!/usr/bin/env node
// `npm start`: the main job. Builds the elements' CDN bundle when it is missing or stale, starts
// the reference server on the embedded database with the demo programme (created once under
// ./.partnerkit/demo and kept across restarts), serves the demo host site on
// http://127.0.0.1:8787/ and says what to open. Ctrl-C stops it cleanly.
//
//   npm start                          the demo on port 8787
//   npm start -- --port 9000           another port (or PORT=9000)
//   npm start -- --data-dir /tmp/pk    another data directory (or PARTNERKIT_DEMO_DIR)
//   npm start -- --verbose             one line per API request and per session minted
//
// Run by `node --conditions=partnerkit-source --import tsx scripts/start.ts`: the server reads its
// TypeScript sources, so only the browser bundle needs building.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { LogEntry } from '@partnerkit/server';
import { ensureCdnBuild } from '../demo/build.js';
import { DEFAULT_PORT, startDemo } from '../demo/server.js';

const HELP = `Usage: npm start [-- --port N] [--data-dir DIR] [--verbose]

Starts the PartnerKit demo: the reference server on an embedded database with demo data, and a
demo host site (vendor intranet and partner portal) that embeds the PartnerKit widgets.

  --port N         port to listen on (default ${DEFAULT_PORT}, or PORT)
  --data-dir DIR   where the demo data lives (default ./.partnerkit/demo, or PARTNERKIT_DEMO_DIR);
                   delete the directory to start over with fresh data
  --verbose        print one line per API request and per session minted
`;

const say = (line = '') => process.stdout.write(`${line}\n`);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

function options() {
  try {
    const { values } = parseArgs({
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } },
    });
    const port = values.port ?? process.env.PORT;
    if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65_535)) throw new Error('--port must be a number from 0 to 65535');
    const dataDir = values['data-dir'] ?? (process.env.PARTNERKIT_DEMO_DIR || undefined);
    return { help: values.help === true, verbose: values.verbose === true, port: port === undefined ? DEFAULT_PORT : Number(port), dataDir };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
}

/** The API's log lines, short: `12:03:04 POST /api/v1/deals 201 14ms partner`. */
function consoleLine(entry: LogEntry): void {
  const { time, level, msg, ...fields } = entry;
  const clock = time.slice(11, 19);
  if (msg === 'request') {
    const { method, path, status, durationMs, role } = fields as Record<string, unknown>;
    say(`${clock} ${String(method)} ${String(path)} ${String(status)} ${String(durationMs)}ms${role ? ` ${String(role)}` : ''}`);
    return;
  }
  const line = `${clock} ${level} ${msg}${Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}`;
  if (level === 'warn' || level === 'error') process.stderr.write(`${line}\n`);
  else say(line);
}

const opts = options();
if (opts.help) {
  say(HELP);
  process.exit(0);
}

say('Starting the PartnerKit demo…');
try {
  const build = await ensureCdnBuild((reason) => say(`  building the elements' CDN bundle (${reason})`));
  if (build.built) say(`  built in ${(build.ms / 1000).toFixed(1)} s`);
} catch (error) {
  process.stderr.write(`\nThe elements' CDN bundle did not build:\n${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}

let demo: Awaited<ReturnType<typeof startDemo>>;
try {
  demo = await startDemo({
    port: opts.port,
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    logger: consoleLine,
    logLevel: opts.verbose ? 'info' : 'warn',
    ...(opts.verbose ? { onSession: (s: { role: string; partnerId: string | null; userId: string }) => say(`${new Date().toISOString().slice(11, 19)} session minted for ${s.role} ${s.userId}${s.partnerId ? ` (${s.partnerId})` : ''}`) } : {}),
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    process.stderr.write(`\nPort ${opts.port} is in use (another \`npm start\`?). Stop it, or run \`PORT=${opts.port + 1} npm start\`.\n`);
  } else {
    process.stderr.write(`\nThe demo did not start:\n${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
}

const inside = relative(process.cwd(), demo.dataDir);
const where = inside === '' ? '.' : inside.startsWith('..') ? demo.dataDir : inside;
say(
  demo.seeded
    ? `  created the demo data in ${where}: ${demo.seeded.partners} partners, ${demo.seeded.deals} deals, ${demo.seeded.resources} resources`
    : `  using the demo data in ${where} (delete it to start over)`,
);
say(`
PartnerKit demo ready in ${seconds()} s: ${demo.url}/

  Vendor intranet   ${demo.url}/intranet   a channel manager: scorecards, deal review, all resources
  Applications      ${demo.url}/intranet/applications   two reviewers: the recruitment pipeline, scoring, approval
  Partner portal    ${demo.url}/portal     a partner user: scorecard, deal registration, resources
  Become a partner  ${demo.url}/become-a-partner   the public application form (a publishable key, no session)
  API               ${demo.url}/api/v1     OpenAPI document at /api/v1/openapi.json

  Demo admin key    ${demo.adminKey}
                    (stays on the server; try: curl -H "Authorization: Bearer ${demo.adminKey}" ${demo.url}/api/v1/partners)

Register a deal on the partner portal, approve it on the intranet, and watch its status change.
Press Ctrl-C to stop.`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    // A second Ctrl-C: do not wait any longer.
    process.exit(130);
  }
  stopping = true;
  say(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping…`);
  try {
    await demo.close();
    say('Stopped. The demo data is kept for next time.');
    process.exit(0);
  } catch (error) {
    process.stderr.write(`Stopping failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
process.on('SIGINT', (signal) => void stop(signal));
process.on('SIGTERM', (signal) => void stop(signal));
