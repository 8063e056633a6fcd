/**
 * The command line: `partnerkit-conformance --base-url URL --admin-key KEY [--only AREA]
 * [--json FILE] [--origin ORIGIN] [--slow]`. Prints the table (and progress on stderr), writes
 * the JSON report, and answers the exit code: 0 all checks passed (or were not checked), 1 a
 * check failed, 2 the command was wrong.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AREA_SUMMARIES, AREAS, type CheckResult } from '../check.js';
import { renderJson } from '../reporters/json.js';
import { renderTable } from '../reporters/table.js';
import { CHECKS, selectChecks } from '../registry.js';
import { runConformance } from '../runner.js';
import { KIT_VERSION } from '../version.js';

/** Where the command writes, and what it reads from the environment. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export const USAGE = `Usage: partnerkit-conformance --base-url URL --admin-key KEY [options]

Checks on the wire that the backend at URL speaks the PartnerKit v1 contract. It creates its own
fixtures (under a unique pkc-... prefix) with the admin key, removes what it can afterwards, and
exits 1 when any check fails.

Options:
  --base-url URL       where the backend is mounted, without /v1 (e.g. https://prm.example.com/api)
  --admin-key KEY      an admin API key of the backend (or set PARTNERKIT_ADMIN_KEY)
  --only LIST          areas or check ids to run, comma-separated (e.g. --only auth,deals)
  --json FILE          also write the report as JSON to FILE ("-" writes it to stdout instead of the table)
  --origin ORIGIN      an origin the backend's CORS policy allows; CORS is not checked without it
  --slow               also run checks that wait for time to pass (an expired session: about a minute)
  --keep-fixtures      leave the run's data in place (to look into a failure)
  --list               list the areas and checks, and exit
  --no-color           no ANSI colours (also NO_COLOR=1)
  --version, --help

Areas: ${AREAS.join(', ')}
Docs: docs/conformance.md`;

const SYMBOL: Record<CheckResult['outcome'], string> = { pass: '✔', fail: '✖', skip: '–' };

function listChecks(): string {
  const lines: string[] = [];
  for (const area of AREAS) {
    lines.push(`${area}: ${AREA_SUMMARIES[area]}`);
    for (const check of CHECKS.filter((c) => c.area === area)) lines.push(`  ${check.id.padEnd(40)} ${check.title}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the command with `argv` (without `node` and the script); answers the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'base-url': { type: 'string' },
        'admin-key': { type: 'string' },
        only: { type: 'string' },
        json: { type: 'string' },
        origin: { type: 'string' },
        slow: { type: 'boolean', default: false },
        'keep-fixtures': { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${KIT_VERSION}\n`);
    return 0;
  }
  if (values.list) {
    io.stdout.write(listChecks());
    return 0;
  }
  const baseUrl = values['base-url'];
  const adminKey = values['admin-key'] ?? io.env.PARTNERKIT_ADMIN_KEY;
  const problems = [!baseUrl && '--base-url is required', !adminKey && '--admin-key (or PARTNERKIT_ADMIN_KEY) is required'].filter(Boolean);
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    if (only) selectChecks(CHECKS, only);
    if (values.origin !== undefined) new URL(values.origin);
  } catch (error) {
    problems.push(error instanceof TypeError && !/URL/.test(error.message) ? error.message : `--origin "${values.origin}" is not an origin such as https://partners.example.com`);
  }
  if (problems.length > 0 || !baseUrl || !adminKey) {
    io.stderr.write(`${problems.join('\n')}\n\n${USAGE}\n`);
    return 2;
  }

  const color = !values['no-color'] && !io.env.NO_COLOR && io.stdout.isTTY === true;
  const jsonToStdout = values.json === '-';
  const progress = io.stderr.isTTY === true || jsonToStdout;
  let report;
  try {
    report = await runConformance({
      baseUrl,
      adminKey,
      ...(only ? { only } : {}),
      ...(values.origin ? { origin: values.origin } : {}),
      slow: values.slow,
      keepFixtures: values['keep-fixtures'],
      onResult: (result) => {
        if (progress) io.stderr.write(`${SYMBOL[result.outcome]} ${result.id} (${result.durationMs} ms)\n`);
      },
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (!jsonToStdout) io.stdout.write(`${renderTable(report, { width: io.stdout.columns ?? 160, color })}\n`);
  if (values.json !== undefined) {
    if (jsonToStdout) io.stdout.write(renderJson(report));
    else await writeFile(values.json, renderJson(report));
  }
  return report.summary.failed > 0 ? 1 : 0;
}
