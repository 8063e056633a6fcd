/**
 * The pure modules of `<resource-library>`: the URL guard, formatting, the filter model, the
 * windowing arithmetic and the catalogues.
 */
import { expect } from '@open-wc/testing';
import { catalogueDifferences } from '../../src/platform/localize.js';
import { activeFilters, clampPageSize, facetOptions, listQuery } from '../../src/resource-library/filters.js';
import { formatBytes, languageName } from '../../src/resource-library/format.js';
import { en } from '../../src/resource-library/i18n/en.js';
import { vi } from '../../src/resource-library/i18n/vi.js';
import { safeHttpUrl, UnsafeUrlError } from '../../src/resource-library/safe-url.js';
import { INITIAL_ITEMS, windowRange } from '../../src/resource-library/window-range.js';

describe('safeHttpUrl', () => {
  it('accepts absolute http and https URLs, normalised', () => {
    expect(safeHttpUrl('https://cdn.example.com/a b.pdf')).to.equal('https://cdn.example.com/a%20b.pdf');
    expect(safeHttpUrl('http://intranet.example/x?y=1#z')).to.equal('http://intranet.example/x?y=1#z');
    expect(safeHttpUrl('HTTPS://EXAMPLE.COM')).to.equal('https://example.com/');
    expect(safeHttpUrl('  https://example.com/  ')).to.equal('https://example.com/');
  });

  it('refuses every other scheme, however it is disguised', () => {
    const refused = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://example.com/uuid',
      'ftp://example.com/file',
      'mailto:someone@example.com',
      'about:blank',
    ];
    for (const url of refused) expect(safeHttpUrl(url), JSON.stringify(url)).to.equal(null);
  });

  it('refuses relative, protocol-relative, malformed and non-string values', () => {
    for (const value of ['/library/a.pdf', '//evil.example/x', 'a.pdf', '', 'https://', 'http://[::1', undefined, null, 42, {}]) {
      expect(safeHttpUrl(value), String(value)).to.equal(null);
    }
  });

  it('has an error that never carries the refused URL', () => {
    const error = new UnsafeUrlError();
    expect(error.code).to.equal('unsafe_url');
    expect(error.name).to.equal('UnsafeUrlError');
    expect(error.message).not.to.contain('javascript');
  });
});

describe('formatBytes and languageName', () => {
  const number = (locale: string) => (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value);

  it('writes sizes with decimal byte units in the locale', () => {
    expect(formatBytes(number('en'), 0)).to.equal('0 bytes');
    expect(formatBytes(number('en'), 512)).to.equal('512 bytes');
    expect(formatBytes(number('en'), 120_000)).to.equal('120 kB');
    expect(formatBytes(number('en'), 2_400_000)).to.equal('2.4 MB');
    expect(formatBytes(number('en'), 999_990)).to.equal('1 MB');
    expect(formatBytes(number('en'), 1_200_000_000)).to.equal('1.2 GB');
    expect(formatBytes(number('vi'), 2_400_000)).to.equal('2,4 MB');
    expect(formatBytes(number('en'), 5e15)).to.equal('5,000 TB');
  });

  it('names languages in the reader’s language and keeps unknown tags', () => {
    expect(languageName('en', 'vi')).to.equal('Vietnamese');
    expect(languageName('vi', 'en')).to.equal('Tiếng Anh');
    expect(languageName('en', 'x-not-a-tag!')).to.equal('x-not-a-tag!');
  });
});

describe('filters', () => {
  it('sends only the filters that are set, trimmed, with sort and limit', () => {
    expect(listQuery({ sort: 'newest' }, 50)).to.deep.equal({ sort: 'newest', limit: 50 });
    expect(listQuery({ type: 'video', tag: ' sales ', language: '', q: '  deck ', sort: 'popular' }, 20, 'c_2')).to.deep.equal({
      type: 'video',
      tag: 'sales',
      q: 'deck',
      sort: 'popular',
      limit: 20,
      cursor: 'c_2',
    });
  });

  it('keeps page sizes inside the contract', () => {
    expect(clampPageSize(500)).to.equal(200);
    expect(clampPageSize(0)).to.equal(50);
    expect(clampPageSize('12')).to.equal(12);
    expect(clampPageSize(NaN)).to.equal(50);
    expect(clampPageSize(7.9)).to.equal(7);
  });

  it('lists active filters in toolbar order, search last', () => {
    expect(activeFilters({ q: 'x', language: 'vi', type: 'document', tag: '  ', sort: 'title' })).to.deep.equal([
      ['type', 'document'],
      ['language', 'vi'],
      ['q', 'x'],
    ]);
  });

  it('orders facet options by count and keeps the selected value', () => {
    const facets = { type: { video: 2, document: 5, link: 0 }, tag: { b: 1, a: 1 }, language: {} };
    expect(facetOptions(facets, 'type', undefined)).to.deep.equal([
      { value: 'document', count: 5 },
      { value: 'video', count: 2 },
    ]);
    expect(facetOptions(facets, 'tag', undefined).map((o) => o.value)).to.deep.equal(['a', 'b']);
    expect(facetOptions(facets, 'type', 'link')[0]).to.deep.equal({ value: 'link', count: 0 });
    expect(facetOptions(undefined, 'language', 'vi')).to.deep.equal([{ value: 'vi', count: 0 }]);
  });
});

describe('windowRange', () => {
  const metrics = { scrollTop: 0, viewport: 400, offset: 0, pitch: 100, columns: 1 };

  it('renders a first batch before anything is measured', () => {
    expect(windowRange(10_000, { ...metrics, pitch: 0 })).to.deep.equal({ start: 0, end: INITIAL_ITEMS, before: 0, after: 0 });
    expect(windowRange(5, { ...metrics, pitch: 0 })).to.deep.equal({ start: 0, end: 5, before: 0, after: 0 });
    expect(windowRange(0, metrics)).to.deep.equal({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('renders the rows in view plus overscan, and pads for the rest', () => {
    expect(windowRange(10_000, metrics, 3)).to.deep.equal({ start: 0, end: 7, before: 0, after: 9993 * 100 });
    const middle = windowRange(10_000, { ...metrics, scrollTop: 500_000 }, 3);
    expect(middle).to.deep.equal({ start: 4997, end: 5007, before: 499_700, after: (10_000 - 5007) * 100 });
    // Rows + padding always add up to the full height.
    expect(middle.before + (middle.end - middle.start) * 100 + middle.after).to.equal(10_000 * 100);
  });

  it('works in whole rows of a grid', () => {
    const grid = windowRange(1000, { ...metrics, columns: 3, scrollTop: 1000 }, 1);
    expect(grid.start % 3).to.equal(0);
    expect(grid).to.deep.equal({ start: 27, end: 45, before: 900, after: (334 - 15) * 100 });
  });

  it('clamps past the end and accounts for an offset', () => {
    expect(windowRange(10, { ...metrics, scrollTop: 99_999 }, 2)).to.deep.equal({ start: 9, end: 10, before: 900, after: 0 });
    expect(windowRange(100, { ...metrics, offset: 300, scrollTop: 300 }, 0)).to.deep.equal({ start: 0, end: 4, before: 0, after: 9600 });
  });
});

describe('catalogues', () => {
  it('Vietnamese has exactly the English keys', () => {
    expect(catalogueDifferences(en, vi)).to.deep.equal({ missing: [], extra: [] });
  });

  it('plurals follow the language', () => {
    expect(en['library.count']({ total: 1, n: '1' })).to.equal('1 resource');
    expect(en['library.count']({ total: 2, n: '2' })).to.equal('2 resources');
    expect(en['library.countPartial']({ total: 1200, shown: '50', n: '1,200' })).to.equal('Showing 50 of 1,200 resources');
    expect(vi['library.count']({ total: 1, n: '1' })).to.equal('1 tài liệu');
  });
});
