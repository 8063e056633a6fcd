/**
 * How the report writes numbers: kibibytes as `scripts/size.mjs` does, milliseconds with the
 * precision they deserve, ratios with a times sign, and Markdown tables.
 * @module
 */

export const kb = (bytes: number): string => (bytes >= 1024 ? `${(bytes / 1024).toFixed(2)} KB` : `${bytes} B`);

export const mib = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString('en')} ms`;
}

export const times = (value: number | null): string => (value === null || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}×`);

export const count = (value: number): string => Math.round(value).toLocaleString('en');

export const seconds = (value: number): string => `${value.toFixed(1)} s`;

export const percent = (share: number): string => `${Math.round(share * 100)} %`;

export const mark = (ok: boolean): string => (ok ? '✔ met' : '✘ missed');

/** A Markdown table; columns listed in `right` are right-aligned (numbers). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const align = headers.map((_, i) => (right.includes(i) ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), `| ${align.join(' | ')} |`, ...rows.map(line)].join('\n');
}
