/**
 * Paths and query strings of the v1 API.
 * @module
 */

/**
 * Query parameters as callers give them: strings, numbers and booleans are sent as text, arrays
 * comma-joined, undefined and null left out. (Typed per method by the namespaces.)
 */
export type Query = object;

/**
 * A path below `/v1/` with every interpolated value percent-encoded, so an id can never add a
 * segment or a query: route`deals/${id}/transitions`.
 */
export function route(strings: TemplateStringsArray, ...values: readonly string[]): string {
  return strings.reduce((path, part, i) => path + part + (i < values.length ? encodeURIComponent(values[i] as string) : ''), '');
}

/** The absolute URL of `path` with the defined query values, sorted so equal queries give equal URLs. */
export function buildUrl(apiRoot: URL, path: string, query?: Query): string {
  const url = new URL(path, apiRoot);
  if (query) {
    const entries: [string, string][] = [];
    for (const [key, value] of Object.entries(query) as [string, unknown][]) {
      if (value === undefined || value === null) continue;
      entries.push([key, Array.isArray(value) ? value.join(',') : String(value)]);
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    url.search = new URLSearchParams(entries).toString();
  }
  return url.href;
}

/** The first segment below `/v1/` (`deals` for `deals/d_1/transitions`): what the cache invalidates by. */
export function collectionOf(path: string): string {
  return path.split(/[/?]/, 1)[0] ?? '';
}
