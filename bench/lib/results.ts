/**
 * The shape of a whole run as written to `bench-results/*.json` and read by the report.
 * @module
 */
import type { Machine } from './machine.ts';
import type { Mode, PartResult } from './part.ts';
import type { SizeResult } from '../parts/size.ts';
import type { RenderResult } from '../parts/render.ts';
import type { ClientResult } from '../parts/client.ts';
import type { ServerResult } from '../parts/server.ts';
import type { ThroughputResult } from '../parts/throughput.ts';
import type { StartupResult } from '../parts/startup.ts';
import type { InboxResult } from '../parts/inbox.ts';
import type { EnablementResult } from '../parts/enablement.ts';

export const PART_NAMES = ['size', 'client', 'render', 'server', 'throughput', 'inbox', 'enablement', 'startup'] as const;
export type PartName = (typeof PART_NAMES)[number];

export interface PartResults {
  size?: SizeResult & PartResult;
  client?: ClientResult & PartResult;
  render?: RenderResult & PartResult;
  server?: ServerResult & PartResult;
  throughput?: ThroughputResult & PartResult;
  inbox?: InboxResult & PartResult;
  enablement?: EnablementResult & PartResult;
  startup?: StartupResult & PartResult;
}

export interface PartTiming {
  part: PartName;
  seconds: number;
  ok: boolean;
}

export interface BenchRun {
  format: 1;
  mode: Mode;
  startedAt: string;
  seconds: number;
  machine: Machine;
  parts: PartResults;
  timings: PartTiming[];
}
