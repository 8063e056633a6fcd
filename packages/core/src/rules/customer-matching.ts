/**
 * Customer matching for deal conflicts: is this registration about a customer someone already
 * holds? Two signals: the registrable web domain, and the company name with legal forms,
 * punctuation, case and diacritics folded away. Standard JS and the WHATWG URL parser only, so
 * browsers and servers agree.
 * @module
 */
import type { DealCustomer, DealInput } from '../schemas/index.js';

/** Names at least this similar (0-1, see {@link companyNameSimilarity}) are the same customer. */
export const NAME_SIMILARITY_THRESHOLD = 0.88;

/**
 * Public suffixes of more than one label that companies register under. Under these the
 * registrable domain keeps three labels (`shop.example.co.uk` is `example.co.uk`); everywhere
 * else two (`eu.example.com` is `example.com`). A deliberate subset of the Public Suffix List.
 */
export const MULTI_LABEL_SUFFIXES: ReadonlySet<string> = new Set([
  // United Kingdom
  'co.uk', 'org.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'ac.uk', 'gov.uk', 'sch.uk', 'nhs.uk',
  // Viet Nam
  'com.vn', 'net.vn', 'org.vn', 'edu.vn', 'gov.vn', 'biz.vn', 'info.vn', 'name.vn', 'pro.vn', 'int.vn', 'ac.vn', 'health.vn',
  // Asia-Pacific
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'asn.au', 'id.au',
  'co.nz', 'net.nz', 'org.nz', 'govt.nz', 'ac.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp', 'gr.jp',
  'co.kr', 'or.kr', 'ne.kr', 'go.kr', 'ac.kr',
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn',
  'com.hk', 'org.hk', 'net.hk', 'edu.hk', 'gov.hk',
  'com.tw', 'org.tw', 'net.tw', 'edu.tw', 'gov.tw',
  'com.sg', 'net.sg', 'org.sg', 'edu.sg', 'gov.sg',
  'com.my', 'net.my', 'org.my', 'edu.my', 'gov.my',
  'co.id', 'or.id', 'web.id', 'ac.id', 'go.id',
  'co.th', 'in.th', 'or.th', 'ac.th', 'go.th',
  'com.ph', 'net.ph', 'org.ph',
  'co.in', 'net.in', 'org.in', 'firm.in', 'gen.in', 'ind.in', 'ac.in', 'gov.in',
  'com.pk', 'com.bd', 'com.kh', 'com.la', 'com.mm', 'com.np', 'com.lk',
  // Americas
  'com.br', 'net.br', 'org.br', 'gov.br', 'com.mx', 'org.mx', 'gob.mx', 'com.ar', 'com.co', 'com.pe', 'com.ve', 'com.uy', 'com.ec',
  // Europe, Middle East, Africa
  'co.at', 'or.at', 'com.tr', 'org.tr', 'com.ua', 'com.pl', 'com.gr', 'com.cy', 'co.il', 'org.il', 'ac.il',
  'com.sa', 'com.eg', 'co.ae', 'com.qa', 'com.kw',
  'co.za', 'org.za', 'com.ng', 'co.ke', 'com.gh', 'co.tz', 'co.ug',
]);

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The registrable domain a customer's website, e-mail address or domain names, for conflict
 * checks: `https://WWW.Example.co.uk:8443/path?q#x` is `example.co.uk`, `user@eu.acme.com` is
 * `acme.com`, `bücher.de` is `xn--bcher-kva.de`.
 *
 * Folds the scheme, credentials, port, path, query and fragment, case, trailing dots, `www.`
 * and every other subdomain (to the registrable domain, see {@link MULTI_LABEL_SUFFIXES});
 * converts internationalised names to punycode with the WHATWG URL parser. Null when no domain
 * can be read: blank text, IP addresses, single labels such as `localhost`, bare public
 * suffixes, or malformed hosts. Idempotent.
 */
export function normaliseDomain(input: string): string | null {
  if (typeof input !== 'string') return null;
  let text = input.trim();
  if (text === '' || text.length > 2048) return null;
  text = text.replace(SCHEME, '');
  // A bare e-mail address names its domain after the last @; URL parsing takes care of `user@host/`.
  if (!/[/?#]/.test(text) && text.includes('@')) text = text.slice(text.lastIndexOf('@') + 1);
  let hostname: string;
  try {
    hostname = new URL(`http://${text}`).hostname;
  } catch {
    return null;
  }
  hostname = hostname.replace(/\.+$/, '');
  const labels = hostname.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  const top = labels[labels.length - 1] as string;
  if (!TOP_LEVEL.test(top)) return null;
  const keep = MULTI_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  if (labels.length < keep) return null;
  const domain = labels.slice(-keep).join('.');
  return domain.length <= 253 ? domain : null;
}

/** Letters that do not decompose into a base letter and a mark under NFD. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  đ: 'd', ð: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l',
};

/**
 * Legal forms written before the name (Vietnamese "Công ty TNHH", Indonesian "PT", "The"),
 * as folded token sequences. Longer phrases are tried first.
 */
const LEGAL_PREFIXES: readonly string[] = [
  'the', 'cong ty', 'cty', 'ctcp', 'ctct', 'co phan', 'tnhh', 'trach nhiem huu han', 'mtv', 'mot thanh vien',
  'hai thanh vien tro len', 'dntn', 'doanh nghiep tu nhan', 'tap doan', 'pt', 'cv', 'ooo', 'oao', 'zao', 'pao',
  'kabushiki kaisha', 'kabushikigaisha',
];

/** Legal forms written after the name (Inc, GmbH, JSC, "Co., Ltd", ...), as folded token sequences. */
const LEGAL_SUFFIXES: readonly string[] = [
  'inc', 'incorporated', 'llc', 'l l c', 'llp', 'lp', 'ltd', 'limited', 'co', 'company', 'corp', 'corporation',
  'plc', 'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'ug', 'se', 'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'sau',
  'bv', 'nv', 'ab', 'as', 'asa', 'oy', 'oyj', 'aps', 'pte', 'pty', 'pvt', 'private', 'sdn', 'bhd', 'sdn bhd',
  'a s', 's a', 'kk', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'joint stock company', 'joint stock', 'ltda', 'sa de cv', 'de cv', 'tbk',
  'tnhh', 'mtv', 'co phan',
];

const byLength = (phrases: readonly string[]) =>
  phrases.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
const PREFIX_TOKENS = byLength(LEGAL_PREFIXES);
const SUFFIX_TOKENS = byLength(LEGAL_SUFFIXES);

/** Case, diacritics (incl. Vietnamese đ), `&`, dots and apostrophes folded; other punctuation split words. */
function foldText(name: string): string[] {
  const bare = name.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
  return [...bare]
    .map((ch) => FOLDED_LETTERS[ch] ?? ch)
    .join('')
    .replace(/&/g, ' and ')
    .replace(/[.'’`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

function startsWith(tokens: readonly string[], phrase: readonly string[]): boolean {
  return phrase.every((t, i) => tokens[i] === t);
}

function endsWith(tokens: readonly string[], phrase: readonly string[]): boolean {
  const offset = tokens.length - phrase.length;
  return offset >= 0 && phrase.every((t, i) => tokens[offset + i] === t);
}

/**
 * A company name reduced to what identifies the company: lower case, diacritics folded
 * (`Phần mềm Á Châu` is `phan mem a chau`), `&` read as `and`, punctuation dropped, and legal
 * forms stripped from both ends as often as they appear (`Công ty TNHH MTV`, `Co., Ltd`, `GmbH`,
 * `JSC`, `Pte. Ltd.`, ...). A name made only of legal words is kept whole rather than emptied.
 */
export function normaliseCompanyName(name: string): string {
  if (typeof name !== 'string') return '';
  const tokens = foldText(name);
  let changed = true;
  while (changed) {
    changed = false;
    for (const phrase of PREFIX_TOKENS) {
      if (tokens.length > phrase.length && startsWith(tokens, phrase)) {
        tokens.splice(0, phrase.length);
        changed = true;
      }
    }
    for (const phrase of SUFFIX_TOKENS) {
      if (tokens.length > phrase.length && endsWith(tokens, phrase)) {
        tokens.splice(tokens.length - phrase.length, phrase.length);
        changed = true;
      }
    }
  }
  return tokens.join(' ');
}

/** Character bigrams of a string, as a multiset. */
function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i < chars.length - 1; i += 1) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** A compact normalised name (spaces removed) with its bigrams counted once, for comparing it with many others. */
export interface NormalisedName {
  readonly text: string;
  readonly grams: ReadonlyMap<string, number>;
  readonly size: number;
}

function compactName(name: string): NormalisedName {
  return compactNormalised(normaliseCompanyName(name));
}

/** {@link compactName} of a name already normalised by {@link normaliseCompanyName}. */
function compactNormalised(normalised: string): NormalisedName {
  const text = normalised.replace(/ /g, '');
  const grams = bigrams(text);
  let size = 0;
  for (const count of grams.values()) size += count;
  return { text, grams, size };
}

/** The Sørensen-Dice coefficient of two compact names' bigrams (see {@link companyNameSimilarity}). */
function dice(x: NormalisedName, y: NormalisedName): number {
  if (x.text === '' || y.text === '') return 0;
  if (x.text === y.text) return 1;
  if (x.size + y.size === 0) return 0;
  let shared = 0;
  for (const [gram, count] of y.grams) shared += Math.min(count, x.grams.get(gram) ?? 0);
  return (2 * shared) / (x.size + y.size);
}

/**
 * How alike two company names are, 0-1, symmetric: the Sørensen-Dice coefficient of the
 * character bigrams of the normalised names with spaces removed (so `Vin Group` and `Vingroup`
 * are alike). 1 for names equal after normalisation, 0 when either has nothing left.
 */
export function companyNameSimilarity(a: string, b: string): number {
  return dice(compactName(a), compactName(b));
}

/** The customer fields matching reads. */
export interface CustomerIdentity {
  company: string;
  domain?: string | null;
}

/**
 * The company name as registrations are held by it: {@link normaliseCompanyName}, or for a name
 * with nothing left after normalising (`!!!`) the name itself, trimmed and lower-cased.
 */
export function companyNameKey(company: string): string {
  const name = normaliseCompanyName(company);
  return name === '' ? company.trim().toLowerCase() : name;
}

/**
 * The exact key a backend can put a unique index on: `d:<registrable domain>` when the domain
 * normalises, else `n:<`{@link companyNameKey}`>`. Equal keys are the same customer; the key
 * alone does not find every conflict (see {@link sameCustomer}).
 */
export function customerKey(customer: CustomerIdentity): string {
  const domain = customer.domain ? normaliseDomain(customer.domain) : null;
  return domain ? `d:${domain}` : `n:${companyNameKey(customer.company)}`;
}

/**
 * Are two registrations about the same customer, for the rule that lets one active registration
 * hold a customer? `domain` when their registrable domains are equal; `name` when either has no
 * registrable domain and their company names are equal after normalising
 * ({@link companyNameKey}); else null. Leaving the domain out never escapes a holder: "Omega
 * Robotics Pte Ltd" without a domain is the customer "Omega Robotics" held under `omega.sg`. Two
 * different domains are two customers even under one name (a company often runs a site per
 * country): {@link matchCustomers} flags those for the vendor instead.
 */
export function sameCustomer(a: CustomerIdentity, b: CustomerIdentity): 'domain' | 'name' | null {
  const domainA = a.domain ? normaliseDomain(a.domain) : null;
  const domainB = b.domain ? normaliseDomain(b.domain) : null;
  if (domainA !== null && domainA === domainB) return 'domain';
  if ((domainA === null || domainB === null) && companyNameKey(a.company) === companyNameKey(b.company)) return 'name';
  return null;
}

/** The verdict of {@link matchCustomers}. */
export interface CustomerMatch {
  match: boolean;
  /** `domain` when the registrable domains are equal, `name` when the names are alike enough. */
  reason: 'domain' | 'name' | null;
  /** {@link companyNameSimilarity} of the two names, whatever the verdict. */
  similarity: number;
}

/**
 * A customer reduced once (registrable domain, compact name and its bigrams), to compare it with
 * many others through {@link matchNormalisedCustomers} without normalising it again each time:
 * what a backend comparing a page of deals with their candidates does.
 */
export interface NormalisedCustomer {
  domain: string | null;
  name: NormalisedName;
}

export function normaliseCustomer(customer: CustomerIdentity): NormalisedCustomer {
  return { domain: customer.domain ? normaliseDomain(customer.domain) : null, name: compactName(customer.company) };
}

/**
 * {@link normaliseCustomer} from the keys a backend stored with a registration: its
 * {@link customerKey} and {@link companyNameKey}, so a backend comparing a page of deals with
 * hundreds of stored candidates neither parses their domains nor normalises their names again
 * (the costliest part of matching). The same result as `normaliseCustomer(customer)` for keys
 * made from that customer.
 */
export function normaliseCustomerFromKeys(company: string, key: string, nameKey: string): NormalisedCustomer {
  const domain = key.startsWith('d:') ? key.slice(2) : null;
  // companyNameKey falls back to the raw name when normalising leaves nothing: normalise again then.
  if (nameKey === company.trim().toLowerCase()) return { domain, name: compactName(company) };
  return { domain, name: compactNormalised(nameKey) };
}

/** {@link matchCustomers} of two customers reduced by {@link normaliseCustomer}. */
export function matchNormalisedCustomers(a: NormalisedCustomer, b: NormalisedCustomer): CustomerMatch {
  const similarity = dice(a.name, b.name);
  if (a.domain !== null && a.domain === b.domain) return { match: true, reason: 'domain', similarity };
  if (similarity >= NAME_SIMILARITY_THRESHOLD) return { match: true, reason: 'name', similarity };
  return { match: false, reason: null, similarity };
}

/**
 * Are two registrations about the same customer? The same registrable domain decides first;
 * otherwise names at least {@link NAME_SIMILARITY_THRESHOLD} alike match, even across
 * different domains (one company often runs a site per country).
 */
export function matchCustomers(a: CustomerIdentity, b: CustomerIdentity): CustomerMatch {
  return matchNormalisedCustomers(normaliseCustomer(a), normaliseCustomer(b));
}

/** A registration's customer as stored and served: the optional fields it left out are null. */
export function dealCustomer(input: DealInput['customer']): DealCustomer {
  return {
    company: input.company,
    domain: input.domain ?? null,
    country: input.country ?? null,
    region: input.region ?? null,
    industry: input.industry ?? null,
  };
}
