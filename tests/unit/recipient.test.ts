/**
 * Recipient matching (sdk/elements/recipient.ts, names.ts): a table of names that must match and
 * near-misses that must not, across case, accents, word order, hyphens, initials, titles and
 * Cyrillic / Greek script; hashed and plain e-mail identities of OB 2.0, OB 3.0 and ELM; and how
 * name and e-mail results combine.
 */
import { describe, expect, it } from 'vitest';
import { hashIdentity } from '../../sdk/credential/ob2-recipient.js';
import { compareNames } from '../../sdk/elements/names.js';
import { matchRecipient } from '../../sdk/elements/recipient.js';
import type { ElementsInput } from '../../sdk/elements/common.js';

const ob3 = (subject: Record<string, unknown>): ElementsInput => ({
  format: 'ob3-json',
  json: {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Example University' },
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'urn:x:a', type: ['Achievement'], name: 'A', criteria: { narrative: 'x' }, description: 'x' }, ...subject },
  },
});
const named = (name: string) => ob3({ name });

const AMELIE = 'Dr. Amélie Nováková-Schmidt';

/** [name on the credential, name the employer has, expected state] */
const NAME_TABLE: [string, string, 'match' | 'mismatch' | 'unknown'][] = [
  // the same person, written differently
  [AMELIE, 'Dr. Amélie Nováková-Schmidt', 'match'],
  [AMELIE, 'Amélie Nováková-Schmidt', 'match'],
  [AMELIE, 'amelie novakova-schmidt', 'match'],
  [AMELIE, 'AMÉLIE NOVÁKOVÁ-SCHMIDT', 'match'],
  [AMELIE, 'Amelie Novakova Schmidt', 'match'],
  [AMELIE, 'Nováková-Schmidt, Amélie', 'match'],
  [AMELIE, 'Schmidt Nováková Amélie', 'match'],
  [AMELIE, 'A. Nováková-Schmidt', 'match'],
  [AMELIE, 'Prof. Dr. Amélie Nováková–Schmidt', 'match'],
  [AMELIE, '  Amélie   Nováková-Schmidt ', 'match'],
  [AMELIE, 'Amélie Schmidt', 'match'],
  ['Amélie Nováková-Schmidt', 'Dr. Amelie Novakova-Schmidt', 'match'],
  ['Jürgen Müller', 'Juergen Mueller', 'match'],
  ['Jürgen Müller', 'Jurgen Muller', 'match'],
  ['Łukasz Żółć', 'Lukasz Zolc', 'match'],
  ['Søren Kierkegaard', 'Soren Kierkegaard', 'match'],
  ['Ştefan Dumitrescu', 'Stefan Dumitrescu', 'match'],
  ['Dipl.-Ing. Peter Meier MSc', 'Peter Meier', 'match'],
  ['Mag. Eva Brandl', 'Eva Brandl', 'match'],
  ['Anna Maria Svensson', 'Anna Svensson', 'match'],
  ['M.A. Svensson', 'Maria Anna Svensson', 'match'],
  ["Sean O'Brien", 'Sean OBrien', 'match'],
  ['Иван Петров', 'Ivan Petrov', 'match'],
  ['Иван Петров', 'Petrov, Ivan', 'match'],
  ['Иван Петров', 'Iwan Petrow', 'match'],
  ['Олександр Шевченко', 'Oleksandr Shevchenko', 'match'],
  ['Олег Гончаренко', 'Oleh Honcharenko', 'match'],
  ['Юлия Ковалёва', 'Yulia Kovaleva', 'match'],
  ['Юлия Ковалёва', 'Julia Kovaleva', 'match'],
  ['Tomáš Dvořák', 'Томаш Дворжак', 'match'],
  ['Γιώργος Παπαδόπουλος', 'Giorgos Papadopoulos', 'match'],
  ['Χρήστος Νικολάου', 'Christos Nikolaou', 'match'],
  ['山田太郎', '山田 太郎', 'match'],
  // near-misses: must not match
  [AMELIE, 'Amelia Nováková-Schmidt', 'mismatch'],
  [AMELIE, 'Aémlie Nováková-Schmidt', 'mismatch'],
  [AMELIE, 'Amélie Nováková-Schmitd', 'mismatch'],
  [AMELIE, 'Jana Nováková-Schmidt', 'mismatch'],
  [AMELIE, 'Amélie Novák', 'mismatch'],
  [AMELIE, 'Amélie Horváthová', 'mismatch'],
  [AMELIE, 'B. Nováková-Schmidt', 'mismatch'],
  [AMELIE, 'Jana Horváthová', 'mismatch'],
  ['Jana Horváthová', 'Jana Horvátová', 'mismatch'],
  ['Mag. Eva Brandl', 'Eva Brandt', 'mismatch'],
  ['Jürgen Müller', 'Jürgen Möller', 'mismatch'],
  ['Иван Петров', 'Ivan Petrova', 'mismatch'],
  ['Иван Петров', 'Ivan Sidorov', 'mismatch'],
  ['Χρήστος Νικολάου', 'Christos Nikolaidis', 'mismatch'],
  ['山田太郎', '田中太郎', 'mismatch'],
  ['Anna Svensson', 'Anna Svenson', 'mismatch'],
  // not comparable
  [AMELIE, 'Schmidt', 'unknown'],
  [AMELIE, 'Amélie', 'unknown'],
  ['山田太郎', 'Taro Yamada', 'unknown'],
];

describe('recipient name matching (table)', () => {
  it('has at least 30 rows, near-misses included', () => {
    expect(NAME_TABLE.length).toBeGreaterThanOrEqual(30);
    expect(NAME_TABLE.filter((r) => r[2] === 'mismatch').length).toBeGreaterThanOrEqual(10);
  });

  it.each(NAME_TABLE)('%s vs %s → %s', (onCredential, given, expected) => {
    const r = matchRecipient(named(onCredential), { name: given });
    expect(r.state, r.detail).toBe(expected);
    expect(r.detail.length).toBeGreaterThan(10);
    // the comparison is symmetric
    expect(compareNames(given, onCredential).result).toBe(expected);
  });
});

describe('recipient detail says what matched', () => {
  it('names the ignored title, accents, case, order, initials and transliteration', () => {
    expect(matchRecipient(named(AMELIE), { name: 'Amelie Novakova-Schmidt' }).detail).toMatch(/ignoring the title "Dr\.".*accents/);
    expect(matchRecipient(named(AMELIE), { name: AMELIE }).detail).toMatch(/matches exactly/);
    expect(matchRecipient(named(AMELIE), { name: 'Nováková-Schmidt, Amélie' }).detail).toMatch(/word order/);
    expect(matchRecipient(named(AMELIE), { name: 'A. Nováková-Schmidt' }).detail).toMatch(/initials/);
    expect(matchRecipient(named(AMELIE), { name: 'amélie nováková-schmidt' }).detail).toMatch(/case/);
    expect(matchRecipient(named('Иван Петров'), { name: 'Ivan Petrov' }).detail).toMatch(/transliteration from Cyrillic/);
    expect(matchRecipient(named('Γιώργος Παπαδόπουλος'), { name: 'Giorgos Papadopoulos' }).detail).toMatch(/transliteration from Greek/);
    expect(matchRecipient(named(AMELIE), { name: 'Amélie Schmidt' }).detail).toMatch(/additional name part "Nováková"/);
  });

  it('says why names could not be compared', () => {
    expect(matchRecipient(named('山田太郎'), { name: 'Taro Yamada' }).detail).toMatch(/different scripts/);
    expect(matchRecipient(named(AMELIE), { name: 'Schmidt' }).detail).toMatch(/too little/);
  });
});

describe('recipient e-mail matching', () => {
  const email = 'amelie.novakova@example.org';
  const salt = 'c0ffee';
  const hashedId = (alg: 'sha256' | 'md5', identity = email, s: string | undefined = salt) => ({
    type: 'IdentityObject',
    identityType: 'emailAddress',
    hashed: true,
    identityHash: hashIdentity(identity, s ?? '', alg),
    ...(s !== undefined ? { salt: s } : {}),
  });

  it('matches an OB 3.0 sha256$ identifier with salt, and says the hashed e-mail matches', () => {
    const r = matchRecipient(ob3({ identifier: [hashedId('sha256')] }), { email });
    expect(r.state).toBe('match');
    expect(r.detail).toMatch(/hashed e-mail .* matches/);
  });

  it('matches md5$, unsalted hashes, and an address given in other case', () => {
    expect(matchRecipient(ob3({ identifier: [hashedId('md5')] }), { email }).state).toBe('match');
    expect(matchRecipient(ob3({ identifier: [hashedId('sha256', email, undefined)] }), { email }).state).toBe('match');
    expect(matchRecipient(ob3({ identifier: [hashedId('sha256')] }), { email: 'Amelie.Novakova@Example.org' }).state).toBe('match');
  });

  it('matches a plain identifier case-insensitively', () => {
    const plain = { type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'Amelie.Novakova@example.org' };
    expect(matchRecipient(ob3({ identifier: [plain] }), { email }).state).toBe('match');
  });

  it('does not match another address, or a hash made with another salt', () => {
    expect(matchRecipient(ob3({ identifier: [hashedId('sha256')] }), { email: 'amelie.novakova@example.com' }).state).toBe('mismatch');
    expect(matchRecipient(ob3({ identifier: [hashedId('sha256', email, 'other-salt')] }), { email }).state).toBe('match');
    const wrongSalt = { ...hashedId('sha256', email, 'aaaa'), salt: 'bbbb' };
    expect(matchRecipient(ob3({ identifier: [wrongSalt] }), { email }).state).toBe('mismatch');
  });

  it('matches an OB 2.0 hashed recipient', () => {
    const input: ElementsInput = {
      format: 'ob2-hosted',
      ob2: { assertion: { type: 'Assertion', recipient: { type: 'email', hashed: true, salt, identity: hashIdentity(email, salt) }, badge: 'https://x/b', issuedOn: '2025-01-01' } },
    };
    expect(matchRecipient(input, { email }).state).toBe('match');
    expect(matchRecipient(input, { email: 'someone@example.org' }).state).toBe('mismatch');
    const byName = matchRecipient(input, { name: AMELIE });
    expect(byName.state).toBe('unknown');
    expect(byName.detail).toMatch(/give the candidate's e-mail/);
  });

  it('reads an ELM contactPoint mailto: and the ELM name parts', () => {
    const input: ElementsInput = {
      format: 'elm',
      json: {
        type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
        credentialSubject: {
          type: 'Person',
          givenName: { en: 'Amélie' },
          familyName: { en: 'Nováková-Schmidt' },
          contactPoint: [{ type: 'ContactPoint', emailAddress: [{ id: `mailto:${email}`, type: 'Mailbox' }] }],
        },
      },
    };
    expect(matchRecipient(input, { email: email.toUpperCase() }).state).toBe('match');
    expect(matchRecipient(input, { name: 'Amelie Novakova-Schmidt' }).state).toBe('match');
    expect(matchRecipient(input, { name: 'Jana Nováková-Schmidt' }).state).toBe('mismatch');
  });
});

describe('combining name and e-mail', () => {
  const email = 'amelie.novakova@example.org';
  const cred = ob3({ name: AMELIE, identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 's', identityHash: hashIdentity(email, 's') }] });

  it('both match', () => {
    const r = matchRecipient(cred, { name: 'Amélie Nováková-Schmidt', email });
    expect(r.state).toBe('match');
    expect(r.detail).toMatch(/hashed e-mail.*and the name matches/);
  });

  it('e-mail matches, name differs: match, with the difference stated', () => {
    const r = matchRecipient(cred, { name: 'Amélie Weber', email });
    expect(r.state).toBe('match');
    expect(r.detail).toMatch(/but the name on the credential/);
  });

  it('name matches, e-mail differs: match, saying another address was used', () => {
    const r = matchRecipient(cred, { name: 'Amélie Nováková-Schmidt', email: 'a.ns@uni.example' });
    expect(r.state).toBe('match');
    expect(r.detail).toMatch(/not the hashed e-mail/);
  });

  it('both differ: mismatch', () => {
    const r = matchRecipient(cred, { name: 'Jana Horváthová', email: 'jana@example.net' });
    expect(r.state).toBe('mismatch');
  });

  it('nothing to compare: unknown', () => {
    expect(matchRecipient(cred, {}).state).toBe('unknown');
    expect(matchRecipient(ob3({ id: 'did:example:learner' }), { name: AMELIE }).state).toBe('unknown');
    expect(matchRecipient(ob3({ id: 'did:example:learner' }), { email }).detail).toMatch(/no recipient e-mail/);
    expect(matchRecipient({ format: 'unknown' }, { name: AMELIE, email }).state).toBe('unknown');
  });

  it('an IdentityObject of type name (plain or hashed) is a name', () => {
    expect(matchRecipient(ob3({ identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: AMELIE }] }), { name: 'Amelie Novakova-Schmidt' }).state).toBe('match');
    const hashedName = { type: 'IdentityObject', identityType: 'name', hashed: true, salt: 'x', identityHash: hashIdentity(AMELIE, 'x') };
    expect(matchRecipient(ob3({ identifier: [hashedName] }), { name: AMELIE }).state).toBe('match');
  });

  it('survives hostile recipient data without throwing', () => {
    const weird: unknown[] = [null, 42, 'x', [], { identityHash: 5 }, { identityHash: 'sha256$zz', hashed: true }, { toString: 1 }];
    expect(() => matchRecipient(ob3({ name: 17, identifier: weird, contactPoint: [{ emailAddress: [7, null, { id: {} }] }] }), { name: AMELIE, email: 'a@b.c' })).not.toThrow();
    expect(matchRecipient(ob3({ name: '' }), { name: '   ', email: '' }).state).toBe('unknown');
  });
});
