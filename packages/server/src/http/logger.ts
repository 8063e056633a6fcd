/**
 * Structured logs: one JSON object per line. Entries carry ids, methods, paths, statuses and
 * timings; never a token, a query string or a body.
 * @module
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One log line. */
export interface LogEntry {
  time: string;
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

/** Where log entries go. */
export type LogSink = (entry: LogEntry) => void;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Writes entries as JSON lines to `stream` (default stdout). */
export function jsonLinesSink(stream: { write(text: string): unknown } = process.stdout): LogSink {
  return (entry) => {
    stream.write(`${JSON.stringify(entry)}\n`);
  };
}

/** A leveled logger over a sink. */
export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

/** A logger that drops entries below `level`. A `false` sink logs nothing. */
export function createLogger(sink: LogSink | false, level: LogLevel = 'info'): Logger {
  return {
    log(entryLevel, msg, fields = {}) {
      if (sink === false || ORDER[entryLevel] < ORDER[level]) return;
      sink({ time: new Date().toISOString(), level: entryLevel, msg, ...fields });
    },
  };
}

/**
 * What may be logged of an unexpected error: its kind, SQLSTATE and message, plus a stack
 * trace; never the statement's parameters, which hold request data.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: { message: String(error) } };
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return {
    error: {
      name: error.name,
      message: error.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof constraint === 'string' ? { constraint } : {}),
      stack: error.stack?.split('\n').slice(1, 8).map((line) => line.trim()),
    },
  };
}
