/**
 * A small SVG line chart for growth curves: logarithmic x (data sizes), linear y from zero,
 * a legend, and a title and description for screen readers. No dependencies, stable output.
 * @module
 */

export interface Series {
  name: string;
  colour: string;
  dashed?: boolean;
  points: readonly (readonly [number, number])[];
}

export interface ChartSpec {
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  /** Labels of the x ticks (one per distinct x). */
  xTick: (x: number) => string;
}

const W = 860;
const H = 400;
// The legend sits in the right margin, clear of the curves.
const M = { top: 48, right: 190, bottom: 64, left: 72 };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fixed = (n: number) => Number(n.toFixed(1)).toString();

/** A "nice" step (1, 2 or 5 times a power of ten) giving about `count` ticks up to `max`. */
function niceStep(max: number, count: number): number {
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function lineChart(spec: ChartSpec): string {
  const xs = [...new Set(spec.series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const ys = spec.series.flatMap((s) => s.points.map((p) => p[1]));
  const step = niceStep(Math.max(...ys, 1e-9), 5);
  const yMax = Math.ceil(Math.max(...ys, 1e-9) / step) * step;
  const [x0, x1] = [Math.log10(xs[0] ?? 1), Math.log10(xs[xs.length - 1] ?? 10)];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const sx = (x: number) => M.left + (x1 === x0 ? plotW / 2 : ((Math.log10(x) - x0) / (x1 - x0)) * plotW);
  const sy = (y: number) => M.top + plotH - (y / yMax) * plotH;
  const decimals = step < 1 ? Math.min(3, Math.ceil(-Math.log10(step))) : 0;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="title desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13">`,
    `<title id="title">${escape(spec.title)}</title>`,
    `<desc id="desc">${escape(spec.description)}</desc>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${M.left}" y="28" font-size="16" font-weight="600" fill="#111">${escape(spec.title)}</text>`,
  );
  for (let y = 0; y <= yMax + step / 2; y += step) {
    parts.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${fixed(sy(y))}" y2="${fixed(sy(y))}" stroke="#e5e7eb"/>`,
      `<text x="${M.left - 8}" y="${fixed(sy(y) + 4)}" text-anchor="end" fill="#444">${y.toFixed(decimals)}</text>`,
    );
  }
  for (const x of xs) {
    parts.push(
      `<line x1="${fixed(sx(x))}" x2="${fixed(sx(x))}" y1="${M.top}" y2="${M.top + plotH}" stroke="#f1f5f9"/>`,
      `<text x="${fixed(sx(x))}" y="${M.top + plotH + 20}" text-anchor="middle" fill="#444">${escape(spec.xTick(x))}</text>`,
    );
  }
  parts.push(
    `<line x1="${M.left}" x2="${W - M.right}" y1="${M.top + plotH}" y2="${M.top + plotH}" stroke="#444"/>`,
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + plotH}" stroke="#444"/>`,
    `<text x="${M.left + plotW / 2}" y="${H - 18}" text-anchor="middle" fill="#111">${escape(spec.xLabel)}</text>`,
    `<text transform="translate(18 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#111">${escape(spec.yLabel)}</text>`,
  );
  for (const series of spec.series) {
    const path = series.points.map(([x, y], i) => `${i ? 'L' : 'M'}${fixed(sx(x))} ${fixed(sy(y))}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${series.colour}" stroke-width="2.5"${series.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    for (const [x, y] of series.points) parts.push(`<circle cx="${fixed(sx(x))}" cy="${fixed(sy(y))}" r="3.5" fill="${series.colour}"/>`);
  }
  // Legend, right of the plot, one line per series.
  spec.series.forEach((series, i) => {
    const y = M.top + 8 + i * 20;
    const x = W - M.right + 20;
    parts.push(
      `<line x1="${x}" x2="${x + 24}" y1="${y}" y2="${y}" stroke="${series.colour}" stroke-width="2.5"${series.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${x + 32}" y="${y + 4}" fill="#111">${escape(series.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
