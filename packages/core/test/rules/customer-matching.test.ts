import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  companyNameKey,
  companyNameSimilarity,
  customerKey,
  matchCustomers,
  matchNormalisedCustomers,
  MULTI_LABEL_SUFFIXES,
  NAME_SIMILARITY_THRESHOLD,
  normaliseCompanyName,
  normaliseCustomer,
  normaliseCustomerFromKeys,
  normaliseDomain,
  sameCustomer,
} from '@partnerkit/core/rules';
import { DomainName } from '@partnerkit/core/schemas';

describe('normaliseDomain', () => {
  test('folds scheme, www, subdomains, case, port, path, query, fragment and trailing dots', () => {
    const cases: [string, string][] = [
      ['https://WWW.Example.co.uk/path', 'example.co.uk'],
      ['http://shop.eu.example.co.uk:8443/a/b?q=1#top', 'example.co.uk'],
      ['example.com', 'example.com'],
      ['EXAMPLE.COM.', 'example.com'],
      ['www.example.com/', 'example.com'],
      ['  https://sales.acme.com  ', 'acme.com'],
      ['ftp://files.acme.com', 'acme.com'],
      ['https://user:secret@portal.acme.com/login', 'acme.com'],
      ['jane@mail.acme.com.vn', 'acme.com.vn'],
      ['https://www.fpt.com.vn', 'fpt.com.vn'],
      ['https://my.site.com.au/', 'site.com.au'],
      ['sony.co.jp', 'sony.co.jp'],
      ['a.b.c.d.example.org', 'example.org'],
    ];
    for (const [input, expected] of cases) assert.equal(normaliseDomain(input), expected, input);
  });

  test('internationalised names become punycode', () => {
    assert.equal(normaliseDomain('bücher.de'), 'xn--bcher-kva.de');
    assert.equal(normaliseDomain('https://WWW.BÜCHER.de/katalog'), 'xn--bcher-kva.de');
    const vietnamese = normaliseDomain('http://www.tiếng-việt.vn/trang') ?? '';
    assert.match(vietnamese, /^xn--[a-z0-9-]+\.vn$/);
    assert.equal(normaliseDomain(vietnamese), vietnamese);
    assert.equal(normaliseDomain('TIẾNG-VIỆT.VN'), vietnamese);
    assert.match(normaliseDomain('https://công-ty.com.vn') ?? '', /^xn--[a-z0-9-]+\.com\.vn$/);
    assert.equal(normaliseDomain('例え.jp'), 'xn--r8jz45g.jp');
  });

  test('null when no domain can be read', () => {
    for (const bad of ['', '   ', 'localhost', 'http://localhost:3000', 'javascript:alert(1)', 'http://192.168.0.1/', '10.0.0.1', 'http://[::1]/', 'co.uk', 'com.vn', 'not a domain', 'exa_mple.com', '-bad.com', 'http://', '.com', 'example.123']) {
      assert.equal(normaliseDomain(bad), null, JSON.stringify(bad));
    }
  });

  test('property: idempotent, and what comes out is a valid DomainName', () => {
    const host = fc.domain();
    const url = fc.tuple(fc.constantFrom('', 'http://', 'https://', 'HTTPS://WWW.'), host, fc.constantFrom('', '/', '/path?q=1', ':8080/x', '.')).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(url, fc.webUrl(), fc.string(), fc.emailAddress()), (input) => {
        const once = normaliseDomain(input);
        if (once === null) return;
        assert.equal(normaliseDomain(once), once, input);
        assert.ok(DomainName.safeParse(once).success, once);
        assert.equal(once, once.toLowerCase());
      }),
    );
  });

  test('property: prefixing a subdomain or scheme does not change the result', () => {
    fc.assert(
      fc.property(fc.domain(), fc.constantFrom('www.', 'shop.', 'eu.sales.'), fc.constantFrom('', 'https://', 'http://'), (domain, sub, scheme) => {
        const bare = normaliseDomain(domain);
        if (bare === null) return;
        assert.equal(normaliseDomain(`${scheme}${sub}${bare}`), bare);
        assert.equal(normaliseDomain(`${scheme}${bare.toUpperCase()}/some/path`), bare);
      }),
    );
  });

  test('the built-in multi-label suffixes are well formed', () => {
    for (const suffix of MULTI_LABEL_SUFFIXES) assert.match(suffix, /^[a-z]{2,6}\.[a-z]{2}$/);
  });
});

describe('normaliseCompanyName', () => {
  test('folds case, diacritics, punctuation and legal forms', () => {
    const cases: [string, string][] = [
      ['Công ty TNHH Phần mềm Á Châu', 'phan mem a chau'],
      ['Phan Mem A Chau Co., Ltd', 'phan mem a chau'],
      ['CÔNG TY CỔ PHẦN ĐẦU TƯ ĐỨC PHÁT', 'dau tu duc phat'],
      ['Công ty TNHH MTV Thương mại Đông Á', 'thuong mai dong a'],
      ['Công ty TNHH Một Thành Viên Sài Gòn Xanh', 'sai gon xanh'],
      ['Acme, Inc.', 'acme'],
      ['ACME Corporation', 'acme'],
      ['Müller & Söhne GmbH', 'muller and sohne'],
      ['Mueller and Soehne', 'mueller and soehne'],
      ['Siemens AG', 'siemens'],
      ['Nestlé S.A.', 'nestle'],
      ['FPT Software JSC', 'fpt software'],
      ['Vingroup Joint Stock Company', 'vingroup'],
      ['Grab Holdings Pte. Ltd.', 'grab holdings'],
      ['Atlassian Pty Ltd', 'atlassian'],
      ['PT Telekomunikasi Indonesia Tbk', 'telekomunikasi indonesia'],
      ['The Coca-Cola Company', 'coca cola'],
      ["McDonald's Corp", 'mcdonalds'],
      ['Ørsted A/S', 'orsted'],
      ['Straße Logistik GmbH', 'strasse logistik'],
    ];
    for (const [input, expected] of cases) assert.equal(normaliseCompanyName(input), expected, input);
  });

  test('never empties a name made only of legal words, and keeps legal words inside the name', () => {
    assert.equal(normaliseCompanyName('Company'), 'company');
    assert.equal(normaliseCompanyName('Co Ltd'), 'co');
    assert.equal(normaliseCompanyName('Inc Software Ltd'), 'inc software');
    assert.equal(normaliseCompanyName('   '), '');
    assert.equal(normaliseCompanyName('!!!'), '');
  });

  test('property: idempotent and free of upper case, marks and punctuation', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (name) => {
        const once = normaliseCompanyName(name);
        assert.equal(normaliseCompanyName(once), once, name);
        assert.doesNotMatch(once, /[\p{M}\p{P}]|\s\s|^\s|\s$/u);
      }),
    );
  });
});

describe('companyNameSimilarity', () => {
  test('the Vietnamese example is the same company', () => {
    assert.equal(companyNameSimilarity('Công ty TNHH Phần mềm Á Châu', 'Phan Mem A Chau Co., Ltd'), 1);
  });

  test('small differences stay above the threshold, different companies below', () => {
    assert.ok(companyNameSimilarity('International Business Machines Corp', 'International Business Machine Corporation') >= NAME_SIMILARITY_THRESHOLD);
    assert.ok(companyNameSimilarity('Vin Group', 'Vingroup JSC') >= NAME_SIMILARITY_THRESHOLD);
    assert.ok(companyNameSimilarity('Acme Software GmbH', 'Acme Solutions Ltd') < NAME_SIMILARITY_THRESHOLD);
    assert.ok(companyNameSimilarity('Phần mềm Á Châu', 'Phần mềm Âu Châu') < 1);
    assert.ok(companyNameSimilarity('FPT Software', 'FPT Telecom') < NAME_SIMILARITY_THRESHOLD);
    assert.equal(companyNameSimilarity('Acme', ''), 0);
    assert.equal(companyNameSimilarity('!!!', '!!!'), 0);
  });

  test('property: symmetric, within [0, 1], and 1 for a name against itself', () => {
    const name = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('Công ty TNHH Á Châu', 'Acme Inc', 'ACME', 'Đông Á', 'Dong A Co'));
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ab = companyNameSimilarity(a, b);
        assert.equal(ab, companyNameSimilarity(b, a));
        assert.ok(ab >= 0 && ab <= 1, String(ab));
        if (normaliseCompanyName(a) !== '') assert.equal(companyNameSimilarity(a, a), 1);
      }),
    );
  });
});

describe('customerKey and matchCustomers', () => {
  test('key by domain when one normalises, else by name', () => {
    assert.equal(customerKey({ company: 'Example Ltd', domain: 'https://WWW.Example.co.uk/path' }), 'd:example.co.uk');
    assert.equal(customerKey({ company: 'Công ty TNHH Phần mềm Á Châu', domain: null }), 'n:phan mem a chau');
    assert.equal(customerKey({ company: 'Phan Mem A Chau Co., Ltd', domain: 'not a domain' }), 'n:phan mem a chau');
    assert.equal(customerKey({ company: '!!!' }), 'n:!!!');
  });

  test('the same domain matches whatever the names', () => {
    assert.deepEqual(
      { ...matchCustomers({ company: 'Example', domain: 'https://WWW.Example.co.uk/path' }, { company: 'Totally Different', domain: 'shop.example.co.uk' }), similarity: 0 },
      { match: true, reason: 'domain', similarity: 0 },
    );
  });

  test('alike names match across different or missing domains', () => {
    const result = matchCustomers({ company: 'Công ty TNHH Phần mềm Á Châu', domain: 'achau.vn' }, { company: 'Phan Mem A Chau Co., Ltd', domain: 'achau.com.vn' });
    assert.deepEqual(result, { match: true, reason: 'name', similarity: 1 });
    assert.equal(matchCustomers({ company: 'Acme Inc' }, { company: 'ACME Corporation', domain: null }).reason, 'name');
  });

  test('different customers do not match', () => {
    const result = matchCustomers({ company: 'Acme Software', domain: 'acme.com' }, { company: 'Zenith Logistics', domain: 'zenith.com' });
    assert.equal(result.match, false);
    assert.equal(result.reason, null);
    assert.ok(result.similarity < NAME_SIMILARITY_THRESHOLD);
    // Two unreadable domains are not "the same domain".
    assert.equal(matchCustomers({ company: 'Alpha', domain: 'localhost' }, { company: 'Omega', domain: 'localhost' }).match, false);
  });

  test('property: matching is symmetric', () => {
    const customer = fc.record({
      company: fc.constantFrom('Acme Inc', 'ACME Ltd', 'Zenith', 'Công ty TNHH Á Châu', 'A Chau Co Ltd'),
      domain: fc.option(fc.constantFrom('acme.com', 'https://www.acme.com', 'zenith.io', 'achau.vn'), { nil: null }),
    });
    fc.assert(
      fc.property(customer, customer, (a, b) => {
        assert.deepEqual(matchCustomers(a, b), matchCustomers(b, a));
        if (matchCustomers(a, b).reason === 'domain') assert.equal(customerKey(a), customerKey(b));
      }),
    );
  });
});

describe('sameCustomer: the one-active-registration rule', () => {
  test('the same registrable domain is the same customer, whatever the names', () => {
    assert.equal(sameCustomer({ company: 'Omega Robotics', domain: 'https://www.omega.sg' }, { company: 'Totally Different', domain: 'shop.omega.sg' }), 'domain');
  });

  test('a registration without a domain is the customer of an equal normalised name, with or without one', () => {
    const held = { company: 'Omega Robotics Pte Ltd', domain: 'omega-robotics.sg' };
    assert.equal(sameCustomer(held, { company: 'Omega Robotics Pte Ltd' }), 'name');
    assert.equal(sameCustomer({ company: 'OMEGA ROBOTICS', domain: null }, held), 'name');
    assert.equal(sameCustomer({ company: 'Công ty TNHH Phần mềm Á Châu' }, { company: 'Phan Mem A Chau Co., Ltd', domain: '' }), 'name');
    // A domain that does not normalise counts as none.
    assert.equal(sameCustomer({ company: 'Omega Robotics', domain: 'localhost' }, held), 'name');
    assert.equal(sameCustomer({ company: '!!!' }, { company: ' !!! ' }), 'name');
  });

  test('alike is not equal, and two different domains are two customers', () => {
    assert.equal(sameCustomer({ company: 'Omega Robotic' }, { company: 'Omega Robotics', domain: 'omega.sg' }), null);
    assert.equal(sameCustomer({ company: 'Omega Robotics', domain: 'omega.sg' }, { company: 'Omega Robotics', domain: 'omega.vn' }), null);
  });

  test('is symmetric, and agrees with customerKey and companyNameKey', () => {
    const customer = fc.record({
      company: fc.constantFrom('Omega Robotics', 'OMEGA ROBOTICS Pte Ltd', 'Công ty TNHH Omega Robotics', 'Acme', '!!!', 'Acme Corp'),
      domain: fc.option(fc.constantFrom('omega.sg', 'www.omega.sg', 'omega.vn', 'acme.com', 'localhost', ''), { nil: null }),
    });
    fc.assert(
      fc.property(customer, customer, (a, b) => {
        assert.equal(sameCustomer(a, b), sameCustomer(b, a));
        if (customerKey(a) === customerKey(b)) assert.notEqual(sameCustomer(a, b), null, 'equal keys are the same customer');
        if (sameCustomer(a, b) === 'name') assert.equal(companyNameKey(a.company), companyNameKey(b.company));
      }),
    );
  });
});

describe('normaliseCustomer and matchNormalisedCustomers', () => {
  test('match exactly as matchCustomers, for a customer normalised once and compared many times', () => {
    const customer = fc.record({
      company: fc.oneof(fc.constantFrom('Omega Robotics', 'OMEGA ROBOTICS Pte Ltd', 'Công ty TNHH Omega Robotic', 'Vin Group', 'Vingroup JSC', '!!!', ''), fc.string()),
      domain: fc.option(fc.constantFrom('omega.sg', 'https://www.omega.sg/x', 'omega.vn', 'vingroup.net', 'localhost', ''), { nil: null }),
    });
    fc.assert(
      fc.property(customer, customer, (a, b) => {
        assert.deepEqual(matchNormalisedCustomers(normaliseCustomer(a), normaliseCustomer(b)), matchCustomers(a, b));
        assert.equal(matchCustomers(a, b).similarity, companyNameSimilarity(a.company, b.company));
        // From the keys a backend stores, the same reduction.
        assert.deepEqual(normaliseCustomerFromKeys(a.company, customerKey(a), companyNameKey(a.company)), normaliseCustomer(a));
      }),
    );
  });
});
