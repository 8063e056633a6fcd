/** The scorecard's pure view logic: badge colours, sparkline geometry and summaries, catalogues. */
import { expect } from '@open-wc/testing';
import { catalogueDifferences } from '../../src/platform/localize.js';
import { en } from '../../src/partner-scorecard/i18n/en.js';
import { vi } from '../../src/partner-scorecard/i18n/vi.js';
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH, sparklineGeometry, trendSummary } from '../../src/partner-scorecard/sparkline.js';
import { badgeColours, contrastRatio, relativeLuminance } from '../../src/partner-scorecard/tier-colour.js';

const trend = (...values: (number | null)[]) => values.map((value, i) => ({ period: `2026-0${i + 1}`, value }));

describe('badgeColours', () => {
  it('accepts exactly #RRGGBB and nothing else', () => {
    expect(badgeColours('#D4AF37')).to.deep.equal({ background: '#D4AF37', foreground: '#000000' });
    expect(badgeColours('#1e3a8a')).to.deep.equal({ background: '#1e3a8a', foreground: '#ffffff' });
    for (const bad of ['red', '#fff', '#12345g', '#123456;background:url(x)', ' #123456', '#1234567', 'var(--x)', '', null, undefined]) {
      expect(badgeColours(bad), String(bad)).to.equal(null);
    }
  });

  it('always picks a text colour with at least 4.5:1 contrast', () => {
    for (let r = 0; r < 256; r += 15) {
      for (let g = 0; g < 256; g += 15) {
        for (let b = 0; b < 256; b += 15) {
          const hex = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          const { foreground } = badgeColours(hex)!;
          const ratio = contrastRatio(relativeLuminance(hex), relativeLuminance(foreground));
          expect(ratio, hex).to.be.at.least(4.5);
        }
      }
    }
  });
});

describe('sparklineGeometry', () => {
  it('draws one path through consecutive values, within the view box', () => {
    const { paths, dots, last } = sparklineGeometry(trend(1, 3, 2));
    expect(paths).to.have.length(1);
    expect(dots).to.deep.equal([]);
    const points = paths[0]!.match(/[ML][\d.]+ [\d.]+/g)!;
    expect(points).to.have.length(3);
    for (const point of points) {
      const [x, y] = point.slice(1).split(' ').map(Number);
      expect(x).to.be.within(0, SPARKLINE_WIDTH);
      expect(y).to.be.within(0, SPARKLINE_HEIGHT);
    }
    expect(last!.x).to.be.greaterThan(SPARKLINE_WIDTH / 2);
    // The largest value is highest (smallest y).
    expect(paths[0]).to.match(/^M3 21 L50 3 L97 12$/);
  });

  it('breaks the line at periods without data and marks lone values with dots', () => {
    const { paths, dots, last } = sparklineGeometry(trend(1, null, 2, 3, null, 4));
    expect(paths).to.have.length(1);
    expect(dots.map((d) => d.x)).to.deep.equal([3, 97]);
    expect(last).to.deep.equal(dots[1]);
  });

  it('draws a flat line in the middle and nothing without data', () => {
    expect(sparklineGeometry(trend(5, 5)).paths[0]).to.equal(`M3 ${SPARKLINE_HEIGHT / 2} L97 ${SPARKLINE_HEIGHT / 2}`);
    expect(sparklineGeometry(trend(null, null))).to.deep.equal({ paths: [], dots: [], last: null });
    expect(sparklineGeometry([])).to.deep.equal({ paths: [], dots: [], last: null });
  });
});

describe('trendSummary', () => {
  it('describes the way from the first to the last known value', () => {
    expect(trendSummary(trend(12, 15, 18))).to.deep.equal({ kind: 'rising', from: 12, to: 18, span: 3 });
    expect(trendSummary(trend(null, 9, null, 4, null))).to.deep.equal({ kind: 'falling', from: 9, to: 4, span: 3 });
    expect(trendSummary(trend(7, 2, 7))).to.deep.equal({ kind: 'steady', from: 7, to: 7, span: 3 });
    expect(trendSummary(trend(null, 3))).to.deep.equal({ kind: 'single', value: 3, period: '2026-02' });
    expect(trendSummary(trend(null))).to.deep.equal({ kind: 'none' });
  });
});

describe('catalogues', () => {
  it('Vietnamese has exactly the English keys, each with a text of its own', () => {
    expect(catalogueDifferences(en, vi)).to.deep.equal({ missing: [], extra: [] });
    const sample = { partner: 'P', period: 'Q', quarter: 3, year: 2026, when: 'W', kpi: 'K', attainment: 'A', actual: '1', target: '2', from: 'F', to: 'T', span: 3, grain: 'G', value: 'V', tier: 'Gold', missing: 'M', required: 'R', months: 12, date: 'D', formatted: 'F', day: 31, month: 12, time: 'T', name: 'N', held: 1, count: 2 };
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const render = (m: unknown) => (typeof m === 'function' ? (m as (p: typeof sample) => string)(sample) : (m as string));
      const vn = render(vi[key]);
      expect(vn.length, key).to.be.greaterThan(0);
      expect(vn.includes('undefined'), key).to.equal(false);
      expect(render(en[key]).includes('undefined'), key).to.equal(false);
    }
  });
});
