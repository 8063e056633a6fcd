/** A quote of a tested file in a Markdown page (see doc-quotes.mjs). */
export interface Quote {
  file: string;
  line: number;
  source: string;
  shown: string;
  expected: string | null;
  error?: string;
  start: number;
  end: number;
}
export function quoteSource(root: string, file: string, region?: string): string;
export function findQuotes(root: string, markdownFiles: string[]): Quote[];
export function markdownFiles(root: string): string[];
