/**
 * docs/glossary.md, enforced on every message catalogue: no word the glossary says to avoid, the
 * tone marks as the glossary places them, and each paired term translated by its Vietnamese.
 *
 * Catalogues are read from source with the TypeScript compiler, so every branch of a message
 * function counts, and only the text a person can see: string literals and template parts that
 * a message may show, not the keys, not the values a function compares its parameters with. A
 * catalogue is an object literal assigned to a `const` named for its language (`en`, `vi`,
 * `listEn`, `statusVi`) in a file under an `i18n/` folder of the elements, or the demo site's
 * `demo/site/i18n.ts`; English and Vietnamese messages of one widget pair up by key.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';

const root = new URL('../../../', import.meta.url).pathname;
const LANGUAGES = ['en', 'vi'] as const;
type Language = (typeof LANGUAGES)[number];

// ---------------------------------------------------------------------------------------------
// The glossary

interface Term {
  en: string[];
  vi: string[];
  paired: boolean;
}

interface Glossary {
  terms: Term[];
  avoid: Record<Language, { word: string; why: string }[]>;
}

const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
const list = (cell: string) => (cell === '—' || cell === '' ? [] : cell.split(',').map((w) => w.trim()).filter(Boolean));

/** The glossary's tables: terms (English | Vietnamese | Checked | Avoid in English | Avoid in Vietnamese | Notes) and spellings (Language | Write | Not). */
function readGlossary(markdown: string): Glossary {
  const glossary: Glossary = { terms: [], avoid: { en: [], vi: [] } };
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !lines[i + 1]?.startsWith('|---')) continue;
    const header = cells(lines[i]!).join(' | ');
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) {
      const row = cells(lines[j]!);
      if (header === 'English | Vietnamese | Checked | Avoid in English | Avoid in Vietnamese | Notes') {
        const [en = '', vi = '', checked = '', avoidEn = '', avoidVi = ''] = row;
        const term = { en: list(en), vi: list(vi), paired: checked === 'pair' };
        assert.ok(term.en.length > 0 && term.vi.length > 0, `glossary row ${j + 1}: a term in both languages`);
        assert.ok(['pair', '—'].includes(checked), `glossary row ${j + 1}: Checked is "pair" or "—"`);
        glossary.terms.push(term);
        for (const word of list(avoidEn)) glossary.avoid.en.push({ word, why: `say "${term.en[0]}"` });
        for (const word of list(avoidVi)) glossary.avoid.vi.push({ word, why: `say "${term.vi[0]}" for "${term.en[0]}"` });
      } else if (header === 'Language | Write | Not') {
        const [language = '', write = '', not = ''] = row;
        assert.ok(language === 'en' || language === 'vi', `glossary row ${j + 1}: language en or vi`);
        for (const word of list(not)) glossary.avoid[language].push({ word, why: `spell it "${write}"` });
      } else {
        assert.fail(`glossary line ${i + 1}: a table the test cannot read (${header})`);
      }
    }
    i = j;
  }
  return glossary;
}

// ---------------------------------------------------------------------------------------------
// The catalogues

/** A message's visible text: every fragment it may show, joined by a separator no word crosses. */
type Messages = Map<string, string>;

interface Catalogue {
  file: string;
  /** The widget (or `platform`, `demo`) the catalogue belongs to: keys pair up within it. */
  owner: string;
  language: Language;
  messages: Messages;
}

const SEPARATOR = ' ¦ ';

function languageOf(name: string): Language | null {
  const match = /(?:^|[a-z])(en|vi|En|Vi)$/.exec(name);
  return match ? (match[1]!.toLowerCase() as Language) : null;
}

/** Whether a string literal is shown, rather than compared with or passed to a function. */
function isShown(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    return ![ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(parent.operatorToken.kind);
  }
  if (ts.isCallExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCaseClause(parent)) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  return true;
}

/** The text fragments a message's initializer may show. */
function visibleText(node: ts.Node): string[] {
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && isShown(n)) found.push(n.text);
    else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) found.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function readCatalogues(file: string, owner: string): Catalogue[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const catalogues: Catalogue[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const language = languageOf(node.name.text);
      let literal: ts.Expression = node.initializer;
      if (ts.isCallExpression(literal) && literal.arguments[0]) literal = literal.arguments[0]; // defineMessages({...})
      if (language && ts.isObjectLiteralExpression(literal)) {
        const messages: Messages = new Map();
        for (const property of literal.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const key = ts.isStringLiteral(property.name) || ts.isIdentifier(property.name) ? property.name.text : property.name.getText();
          messages.set(key, visibleText(property.initializer).join(SEPARATOR));
        }
        catalogues.push({ file: relative(root, file), owner, language, messages });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return catalogues;
}

/** Every catalogue: each `i18n/` folder of the elements, and the demo site's. */
function allCatalogues(): Catalogue[] {
  const found: Catalogue[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\/i18n\/[^/]+\.ts$/.test(path) && !name.endsWith('index.ts')) {
        const owner = relative(join(root, 'packages/elements/src'), path).split('/')[0]!;
        found.push(...readCatalogues(path, owner));
      }
    }
  };
  walk(join(root, 'packages/elements/src'));
  found.push(...readCatalogues(join(root, 'demo/site/i18n.ts'), 'demo'));
  return found;
}

// ---------------------------------------------------------------------------------------------
// Matching

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words, case aside, white space flexible; a hyphen joins words (`partner-id` is not "partner"). */
const wordPattern = (word: string) => new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_-])${escape(word.normalize('NFC')).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{M}\\p{N}_-])`, 'iu');

/**
 * Old-style tone marks: in an open syllable ending in oa, oe or uy the mark sits on the first
 * vowel ("hóa", "thủy"); a mark on the last one ("hoá", "thuỷ") is the other style. "qu" is a
 * consonant, so "quý" is not such a syllable.
 */
const NEW_STYLE_TONE = /(?<![\p{L}\p{M}])[\p{L}]*?(?<!q)(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}\p{M}])/giu;

function newStyleSyllables(text: string): string[] {
  return [...text.normalize('NFC').matchAll(NEW_STYLE_TONE)].map((m) => m[0]);
}

/** The terms a text uses, longest first, each span counted once ("business review" is not "review"). */
function termsUsed(text: string, terms: readonly Term[]): Term[] {
  const forms = terms.flatMap((term) => term.en.map((form) => ({ term, form }))).sort((a, b) => b.form.length - a.form.length);
  let rest = text.normalize('NFC');
  const used = new Set<Term>();
  for (const { term, form } of forms) {
    const pattern = new RegExp(wordPattern(form).source, 'giu');
    if (pattern.test(rest)) {
      used.add(term);
      rest = rest.replace(pattern, (m) => ' '.repeat(m.length));
    }
  }
  return [...used];
}

// ---------------------------------------------------------------------------------------------

const glossary = readGlossary(readFileSync(join(root, 'docs/glossary.md'), 'utf8'));
const catalogues = allCatalogues();

describe('docs/glossary.md', () => {
  test('is read whole: terms, pairs, words to avoid and spellings', () => {
    assert.ok(glossary.terms.length >= 100, `${glossary.terms.length} terms`);
    assert.ok(glossary.terms.filter((t) => t.paired).length >= 80);
    assert.ok(glossary.avoid.vi.length >= 20 && glossary.avoid.en.length >= 10);
    for (const required of ['tier', 'deal registration', 'protection', 'scorecard', 'attainment', 'pending downgrade', 'application', 'criterion', 'joint business plan', 'agreement', 'certification', 'business review', 'announcement', 'request']) {
      assert.ok(glossary.terms.some((t) => t.en[0] === required), `the glossary has "${required}"`);
    }
  });

  test('never avoids a word it prescribes', () => {
    for (const language of LANGUAGES) {
      const prescribed = glossary.terms.flatMap((t) => t[language]);
      for (const { word } of glossary.avoid[language]) {
        const clash = prescribed.find((p) => wordPattern(word).test(p));
        assert.equal(clash, undefined, `${language}: "${word}" is avoided, yet part of the term "${clash}"`);
      }
    }
  });

  test('places tone marks the way it asks', () => {
    for (const term of glossary.terms) assert.deepEqual(newStyleSyllables(term.vi.join(' ')), [], term.vi.join(', '));
  });
});

describe('the message catalogues follow the glossary', () => {
  test('are all found: each widget and the platform in both languages, and the demo site', () => {
    const owners = new Set(catalogues.map((c) => c.owner));
    for (const owner of ['platform', 'partner-scorecard', 'deal-register', 'resource-library', 'demo']) assert.ok(owners.has(owner), `catalogues of ${owner}`);
    for (const owner of owners) {
      const keys = (language: Language) => catalogues.filter((c) => c.owner === owner && c.language === language).flatMap((c) => [...c.messages.keys()]).sort();
      assert.deepEqual(keys('vi'), keys('en'), `${owner}: the same keys in both languages`);
    }
    assert.ok(catalogues.reduce((n, c) => n + c.messages.size, 0) > 400);
  });

  test('use no word the glossary says to avoid', () => {
    const found: string[] = [];
    for (const catalogue of catalogues) {
      for (const [key, text] of catalogue.messages) {
        for (const { word, why } of glossary.avoid[catalogue.language]) {
          if (wordPattern(word).test(text.normalize('NFC'))) found.push(`${catalogue.file} ${key}: "${word}" (${why})`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  test('place Vietnamese tone marks on the first vowel of oa, oe and uy', () => {
    const found = catalogues
      .filter((c) => c.language === 'vi')
      .flatMap((c) => [...c.messages].flatMap(([key, text]) => newStyleSyllables(text).map((s) => `${c.file} ${key}: "${s}"`)));
    assert.deepEqual(found, []);
  });

  test('translate each paired term by its Vietnamese', () => {
    const paired = glossary.terms.filter((t) => t.paired);
    const found: string[] = [];
    const owners = new Set(catalogues.map((c) => c.owner));
    for (const owner of owners) {
      const messages = (language: Language) => new Map(catalogues.filter((c) => c.owner === owner && c.language === language).flatMap((c) => [...c.messages]));
      const [en, vi] = [messages('en'), messages('vi')];
      for (const [key, english] of en) {
        const vietnamese = (vi.get(key) ?? '').normalize('NFC');
        for (const term of termsUsed(english, paired)) {
          if (!term.vi.some((form) => wordPattern(form).test(vietnamese))) {
            found.push(`${owner} ${key}: "${term.en[0]}" should read "${term.vi.join('" or "')}" in "${vietnamese}"`);
          }
        }
      }
    }
    assert.deepEqual(found, []);
  });
});

describe('the checks can fail', () => {
  test('an avoided word, a new-style tone mark and an unpaired term are each caught', () => {
    const tier = glossary.terms.find((t) => t.en[0] === 'tier')!;
    assert.deepEqual(termsUsed('Next tier: Gold', [tier]), [tier]);
    assert.equal(tier.vi.some((form) => wordPattern(form).test('Cấp tiếp theo: Vàng')), false);
    assert.ok(glossary.avoid.vi.some(({ word }) => wordPattern(word).test('Cần thêm để lên cấp độ Vàng')));
    assert.deepEqual(newStyleSyllables('Đã khoá. Huỷ gửi. Quý 3, hoàn tất, khóa'), ['khoá', 'Huỷ']);
    const review = glossary.terms.find((t) => t.en[0] === 'review')!;
    const businessReview = glossary.terms.find((t) => t.en[0] === 'business review')!;
    assert.deepEqual(termsUsed('Share the business review', [review, businessReview]), [businessReview]);
    assert.equal(wordPattern('partner').test('set partner-id'), false);
    assert.equal(wordPattern('partner').test('<partnerkit-provider>'), false);
    assert.ok(wordPattern('partner').test('Which Partner?'));
  });

  test('only shown text is read: keys and compared values are not', () => {
    const file = join(root, 'packages/elements/src/partner-scorecard/i18n/vi.ts');
    const [vi] = readCatalogues(file, 'partner-scorecard');
    assert.ok(!vi!.messages.get('trend')!.includes('steady'), 'the value a message compares its parameter with is not shown text');
    assert.ok(vi!.messages.get('trend')!.includes('Giữ ở mức'));
    assert.ok(![...vi!.messages.values()].some((text) => text.includes('gap.more.keep')));
  });
});
