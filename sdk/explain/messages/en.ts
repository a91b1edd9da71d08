/**
 * English: the complete catalogue and the reference every other language is typed against.
 * Written for a recruiter who has never heard of Open Badges or Verifiable Credentials: no jargon
 * without a gloss, one sentence per item. Element names follow Annex I of Council Recommendation
 * 2022/C 243/02 (shortened where the official name is a full clause).
 */
import type { CatalogueShape } from '../types.js';

export const en = {
  ui: {
    checkStatus: {
      pass: 'Passed',
      fail: 'Failed',
      warn: 'Note',
      skip: 'Not applicable',
      unsupported: 'Not supported',
      error: 'Could not check',
    },
    signalStatus: { positive: 'In favour', negative: 'Against', neutral: 'For information' },
    mandatory: 'Mandatory element',
    optional: 'Optional element',
    completeness: '{present} of the {total} elements the EU expects on every micro-credential are stated.',
  },

  verdicts: {
    valid: {
      headline: 'Genuine and current',
      meaning: 'The credential has not been altered since it was issued, it was signed with a key that belongs to the issuer it names, and it has neither expired nor been withdrawn; whether that issuer deserves trust is shown separately.',
    },
    invalid: {
      headline: 'Not genuine',
      meaning: 'The credential has been altered, is malformed, or was not signed by the issuer it names, so nothing in it can be relied on.',
    },
    revoked: {
      headline: 'Withdrawn by the issuer',
      meaning: 'The issuer has withdrawn (revoked) this credential, so it no longer counts even though it was once genuinely issued.',
    },
    expired: {
      headline: 'Expired',
      meaning: 'The credential was genuine, but the period in which it is valid has ended.',
    },
    'not-yet-valid': {
      headline: 'Not valid yet',
      meaning: 'The period in which the credential is valid has not started yet, so it cannot be relied on before that date.',
    },
    unverifiable: {
      headline: 'Could not be checked',
      meaning: 'A check needed to confirm the credential could not be carried out (for example the issuer\'s key or withdrawal list was unreachable, or the credential uses a method CredLens does not support); this is not proof of forgery, but it is not a confirmation either.',
    },
  },

  checks: {
    format: {
      pass: 'The credential is in a recognised digital credential format.',
      fail: 'What was given is not a digital credential CredLens can read.',
      warn: 'The document is related to badges but is not an award to a person.',
      codes: {
        'no-credential': 'No digital credential was found in what was given.',
        'not-an-award': 'This document describes a badge or an organisation, not an award to a person, so it proves nothing about anyone.',
      },
    },
    platform: {
      unsupported: 'This platform publishes no machine-readable, signed version of its certificates, so only its own web page can confirm it.',
      codes: {
        'platform-unverifiable': 'This platform publishes no machine-readable, signed version of its certificates; open its page to check the certificate there.',
      },
    },
    fetch: {
      pass: 'The credential was retrieved from its address.',
      error: 'The credential could not be downloaded from the address given, so it could not be checked.',
    },
    context: {
      pass: 'The credential declares the vocabulary it is written in.',
      fail: 'The credential uses a vocabulary CredLens does not know, so its meaning cannot be pinned down.',
      warn: 'The credential\'s vocabulary declaration is incomplete.',
      unsupported: 'The credential is written in an old or unknown format version that CredLens does not check.',
      codes: {
        'bad-context': 'The credential does not declare the standard vocabulary it must use.',
        'unknown-context': 'The credential refers to a vocabulary CredLens does not know, so its meaning cannot be pinned down.',
      },
    },
    structure: {
      pass: 'The credential contains everything the standard requires, in the right form.',
      fail: 'The credential is missing required information or has it in the wrong form.',
      codes: {
        'no-issuer': 'The credential does not identify who issued it.',
        'no-subject': 'The credential does not say who or what it was awarded to.',
        'non-compact': 'The credential spells standard fields in an unusual way that the standard forbids.',
      },
    },
    type: {
      pass: 'The credential declares a valid type.',
      fail: 'The credential does not declare the type the standard requires.',
    },
    dates: {
      pass: 'The credential\'s dates are well-formed.',
      fail: 'The credential\'s dates are malformed or contradict each other.',
      warn: 'The credential uses an older way of writing its dates; they were still read.',
      codes: {
        'bad-date': 'The credential\'s dates are malformed or contradict each other.',
        'vc11-dates': 'The credential uses an older way of writing its dates; they were still read.',
      },
    },
    issuance: {
      pass: 'The credential is already in force.',
      fail: 'The credential is not in force yet, or its start date is unreadable.',
      codes: {
        'not-yet-valid': 'The credential only comes into force at a later date.',
        'bad-date': 'The credential\'s start date is unreadable.',
        'no-issuance-date': 'The credential does not say when it was issued, which its format requires.',
      },
    },
    expiry: {
      pass: 'The credential has not expired.',
      fail: 'The credential has expired, or its expiry date is unreadable.',
      skip: 'The credential has no expiry date.',
      codes: {
        expired: 'The credential\'s expiry date has passed.',
        'bad-date': 'The credential\'s expiry date is unreadable.',
      },
    },
    proof: {
      pass: 'The digital signature is valid: the credential has not been altered since it was signed.',
      fail: 'The digital signature does not match: the credential was altered after signing, or the signature is forged.',
      unsupported: 'The credential is signed with a method CredLens does not support, so its signature could not be checked.',
      error: 'The digital signature could not be checked.',
      skip: 'The signature was not needed: the credential was checked directly at the issuer\'s address instead.',
      codes: {
        'bad-signature': 'The digital signature does not match: the credential was altered after signing, or the signature is forged.',
        'no-proof': 'The credential carries no digital signature, so anyone could have written it.',
        'bad-proof': 'The digital signature is malformed.',
        'unsupported-suite': 'The credential is signed with a method CredLens does not support, so its signature could not be checked.',
        'key-not-found': 'The key needed to check the signature could not be found.',
      },
    },
    'proof-suite': {
      warn: 'The signature method is named in an outdated way; it was still checked.',
    },
    'proof-extra': {
      warn: 'The credential carries an additional signature that could not be confirmed; the main signature decides.',
    },
    jsonld: {
      fail: 'The credential\'s content could not be interpreted the way its signature requires.',
    },
    'issuer-binding': {
      pass: 'The key that signed the credential belongs to the issuer it names.',
      fail: 'The credential was signed with a key that does not belong to the issuer it names: someone may be impersonating that issuer.',
      warn: 'The signing key is only vouched for by the credential itself, not by a document the issuer publishes.',
      error: 'It could not be confirmed that the signing key belongs to the issuer.',
      codes: {
        'key-not-issuers': 'The credential was signed with a key that does not belong to the issuer it names: someone may be impersonating that issuer.',
        'key-not-authorized': 'The issuer has not authorised the signing key to issue credentials.',
        'bad-key': 'The issuer\'s key is unusable.',
        'self-asserted-key': 'The signing key is only vouched for by the credential itself; anyone could have written it, so the issuer is not confirmed.',
        'key-not-found': 'The issuer\'s key could not be found, so it could not be confirmed that the issuer signed this.',
      },
    },
    'key-source': {
      warn: 'The signing key was taken from the credential\'s own key reference rather than from a document the issuer publishes.',
    },
    key: {
      pass: 'The issuer\'s signing key was found.',
      warn: 'The signing key is not clearly authorised by the issuer.',
      error: 'The issuer\'s signing key could not be found or used, so the signature could not be checked.',
      fail: 'The issuer\'s signing key is unusable.',
    },
    status: {
      pass: 'The issuer has not withdrawn the credential.',
      fail: 'The issuer has withdrawn (revoked) or suspended this credential.',
      skip: 'The issuer publishes no withdrawal list for this credential, so withdrawal cannot be checked (this is common).',
      unsupported: 'The issuer uses a withdrawal-list format CredLens does not support.',
      error: 'The issuer\'s withdrawal list could not be checked, so it is unknown whether the credential is still in force.',
      codes: {
        revoked: 'The issuer has withdrawn (revoked) this credential.',
        suspended: 'The issuer has suspended this credential for now.',
        'not-checked': 'Withdrawal was not looked up, because the credential already failed an earlier check.',
        'bad-status-entry': 'The credential\'s reference to the issuer\'s withdrawal list is malformed.',
        'bad-status-list': 'The issuer\'s withdrawal list could not be trusted or read.',
        'too-many-status-entries': 'The credential points to too many withdrawal lists to check.',
        'unsupported-status': 'The issuer uses a withdrawal-list format CredLens does not support.',
      },
    },
    'status-message': {
      warn: 'The issuer attached a status message to this credential.',
    },
    'status-list-size': {
      warn: 'The issuer\'s withdrawal list is smaller than recommended, which weakens privacy but not validity.',
    },
    'status-list-id': {
      warn: 'The issuer\'s withdrawal list is published at a different address than it names.',
    },
    'status-list-format': {
      warn: 'The issuer\'s withdrawal list is written slightly off-standard; it was still read.',
    },
    'status-issuer': {
      warn: 'The withdrawal list was published by a different organisation than the credential\'s issuer.',
    },
    hosted: {
      pass: 'The badge is published by its issuer at its own address, which confirms it.',
      fail: 'The badge could not be confirmed at the issuer\'s address.',
      warn: 'The copy given differs from the one the issuer publishes; the issuer\'s copy was checked.',
      error: 'The issuer\'s copy of the badge could not be retrieved, so it could not be confirmed.',
      codes: {
        'http-status': 'The issuer no longer publishes this badge at its address.',
        'id-mismatch': 'The issuer\'s address holds a different badge.',
        'hosted-differs': 'The copy given differs from the one the issuer publishes; the issuer\'s copy was checked.',
        'hosted-baked': 'The issuer publishes the badge as an image rather than as data; it was still checked.',
      },
    },
    'issuer-scope': {
      pass: 'The badge and its issuer are published on the same website, as they should be.',
      fail: 'The badge is published on a website that does not belong to the issuer it names.',
      warn: 'Parts of the badge live on another website than the issuer\'s.',
    },
    issuer: {
      pass: 'The issuer\'s profile was found.',
      fail: 'The issuer\'s profile is missing or malformed.',
      warn: 'The issuer\'s profile could not be fully confirmed.',
      error: 'The issuer\'s profile could not be retrieved.',
    },
    badge: {
      pass: 'The description of the badge was found.',
      fail: 'The description of the badge is missing or malformed.',
      warn: 'The description of the badge could not be fully confirmed.',
      error: 'The description of the badge could not be retrieved.',
    },
    assertion: {
      pass: 'The award record was found.',
      fail: 'The award record is missing or malformed.',
      warn: 'The award record could not be fully confirmed.',
      error: 'The award record could not be retrieved.',
    },
    'revocation-list': {
      pass: 'The issuer\'s withdrawal list was found.',
      fail: 'The issuer\'s withdrawal list is malformed.',
      warn: 'The issuer\'s withdrawal list could not be fully confirmed.',
      error: 'The issuer\'s withdrawal list could not be retrieved.',
    },
    node: {
      pass: 'A linked badge document was found.',
      fail: 'A linked badge document is malformed.',
      warn: 'A linked badge document could not be fully confirmed.',
      error: 'A linked badge document could not be retrieved.',
    },
    extension: {
      pass: 'Additional information in the badge follows its published format.',
      fail: 'Additional information in the badge breaks its own published format.',
      warn: 'Additional information in the badge could not be checked.',
      skip: 'The badge carries additional information without a format to check it against.',
    },
    image: {
      pass: 'The badge image is in order.',
      fail: 'The badge image is not a valid image.',
      error: 'The badge image could not be loaded.',
    },
    'jwt-iss': {
      pass: 'The issuer named in the signed envelope matches the credential.',
      fail: 'The issuer named in the signed envelope does not match the credential.',
      warn: 'The issuer named in the signed envelope does not match the credential.',
    },
    'jwt-jti': {
      pass: 'The identifier in the signed envelope matches the credential.',
      fail: 'The identifier in the signed envelope does not match the credential.',
      warn: 'The identifier in the signed envelope does not match the credential.',
    },
    'jwt-sub': {
      pass: 'The holder named in the signed envelope matches the credential.',
      fail: 'The holder named in the signed envelope does not match the credential.',
      warn: 'The holder named in the signed envelope does not match the credential.',
    },
    'jwt-nbf': {
      pass: 'The start date in the signed envelope matches the credential.',
      fail: 'The start date in the signed envelope contradicts the credential.',
      warn: 'The start date in the signed envelope differs from the credential.',
    },
    'jwt-exp': {
      pass: 'The expiry date in the signed envelope matches the credential.',
      fail: 'The expiry date in the signed envelope contradicts the credential.',
      warn: 'The expiry date in the signed envelope differs from the credential.',
    },
    'jwt-claims': {
      pass: 'The signed envelope is consistent with the credential.',
      fail: 'The signed envelope contradicts the credential.',
      warn: 'The signed envelope lacks some information it should repeat from the credential.',
    },
  },

  trustLevels: {
    recognised: {
      label: 'Recognised issuer',
      meaning: 'The issuer is on a trust list or registry you rely on, and is also accredited, reviewed by an external quality-assurance agency, or endorsed by a trusted body.',
    },
    known: {
      label: 'Known issuer',
      meaning: 'One independent source vouches for the issuer (a trust list or registry you rely on, or an external quality-assurance agency), without further confirmation such as an accreditation or a trusted endorsement.',
    },
    unknown: {
      label: 'Unknown issuer',
      meaning: 'Nothing independent says who the issuer is; a genuine signature only proves the credential is intact, not that the issuer is reputable.',
    },
    distrusted: {
      label: 'Distrusted issuer',
      meaning: 'A trust list or registry marks this issuer as untrustworthy or withdrawn, so treat the credential with suspicion even if it is genuine.',
    },
  },

  trustSignals: {
    listed: {
      positive: 'The issuer appears on a trust list or registry you rely on.',
      neutral: 'A trust list or registry mentions the issuer, but that entry could not be confirmed (for example its signature failed or it has lapsed), so it does not count.',
      negative: 'The issuer\'s entry on a trust list could not be confirmed.',
    },
    'not-listed': {
      positive: 'The issuer is not on any list of untrustworthy issuers.',
      neutral: 'The issuer is not on any trust list or registry that was consulted; many legitimate issuers are not.',
      negative: 'The issuer is not on the trust lists you require.',
    },
    distrusted: {
      positive: 'No trust list marks the issuer as untrustworthy.',
      neutral: 'A list mentions concerns about the issuer.',
      negative: 'A trust list or registry marks this issuer as untrustworthy.',
    },
    'revoked-issuer': {
      positive: 'The issuer\'s registration is in force.',
      neutral: 'The issuer\'s registration status could not be determined.',
      negative: 'A trust list or registry has withdrawn the issuer\'s registration or marks it as untrustworthy.',
    },
    endorsed: {
      positive: 'A trusted body has endorsed the issuer or this credential, and that endorsement was itself verified.',
      neutral: 'An endorsement is attached, but it does not count: its endorser is not vouched for by a trust source you rely on, or it could not be confirmed.',
      negative: 'An endorsement attached to the credential failed verification or comes from a withdrawn endorser, so it counts for nothing and may have been forged.',
    },
    'domain-binding': {
      positive: 'The website the issuer gives is on the same domain as its verified digital identity.',
      neutral: 'The website the issuer gives could not be tied to its verified digital identity.',
      negative: 'The issuer gives a website on a different domain from its verified digital identity; nothing shows it runs that website.',
    },
    accreditation: {
      positive: 'The issuer holds an accreditation recorded by an official or recognised body.',
      neutral: 'An accreditation is recorded for the issuer, but it is not in force at this date, so it does not count.',
      negative: 'The issuer\'s stated accreditation could not be confirmed or has lapsed.',
    },
    'external-qa': {
      positive: 'An external quality-assurance agency reviews this issuer (for example in the European DEQAR register).',
      neutral: 'No external quality-assurance record that can be tied to this issuer was found; this is normal for companies and many training providers.',
      negative: 'The issuer\'s most recent external quality-assurance review was negative.',
    },
    'source-unavailable': {
      neutral: 'A trust list or registry could not be consulted; it counted neither for nor against the issuer.',
    },
    'not-assessed': {
      neutral: 'The credential failed verification, so who issued it is not established and no trust list was consulted.',
    },
  },

  elements: {
    learnerIdentification: {
      name: 'Identification of the learner',
      about: 'Who the credential was awarded to, so you can check that it belongs to the candidate.',
      missing: 'The credential does not say who it was awarded to, so it cannot be tied to the candidate.',
    },
    title: {
      name: 'Title of the micro-credential',
      about: 'What the credential is called.',
    },
    issuerCountry: {
      name: 'Country/region of the issuer',
      about: 'Where the issuing organisation is based, which tells you which national rules and quality systems apply.',
    },
    awardingBody: {
      name: 'Awarding body',
      about: 'The organisation that awarded the credential and stands behind it.',
    },
    dateOfIssue: {
      name: 'Date of issuing',
      about: 'When the credential was awarded, which tells you how recent the skills are.',
    },
    learningOutcomes: {
      name: 'Learning outcomes',
      about: 'What the holder knows or can do after the learning, in concrete terms.',
      missing: 'The credential does not say what the holder learned or can do.',
    },
    workload: {
      name: 'Notional workload (ECTS credits where possible)',
      about: 'How much study the learning took, in ECTS credits where possible (one ECTS credit is roughly 25 to 30 hours of work).',
    },
    level: {
      name: 'Level (EQF, QF-EHEA)',
      about: 'How demanding the learning was on the European Qualifications Framework scale from 1 to 8 (level 6 is bachelor level).',
    },
    assessmentType: {
      name: 'Type of assessment',
      about: 'How the learning was tested (an exam, a project, a portfolio) or whether it was tested at all.',
      missing: 'The credential does not say how, or whether, the learning was tested.',
    },
    participationForm: {
      name: 'Form of participation in the learning activity',
      about: 'Whether the learning took place online, on site or blended, or through volunteering or work experience.',
    },
    qualityAssurance: {
      name: 'Type of quality assurance',
      about: 'Which independent quality checks stand behind the credential, such as an accredited university or a quality-assurance agency.',
      missing: 'The credential does not say what quality assurance stands behind it.',
    },
    prerequisites: {
      name: 'Prerequisites needed to enrol in the learning activity',
      about: 'What the learner had to know or have before starting.',
    },
    supervisionAndIdentity: {
      name: 'Supervision and identity verification during assessment',
      about: 'Whether someone supervised the assessment and checked the learner\'s identity, which tells you how sure you can be that the holder did the work.',
    },
    grade: {
      name: 'Grade achieved',
      about: 'How well the holder performed.',
    },
    integration: {
      name: 'Integration/stackability options',
      about: 'Whether the credential stands alone or counts towards a larger qualification.',
    },
    furtherInformation: {
      name: 'Further information',
      about: 'Anything else the issuer added about the credential.',
    },
  },

  elementStates: {
    present: { label: 'Stated', sentence: 'The credential states this.' },
    missing: { label: 'Not stated', sentence: 'The credential does not state this.' },
    unclear: { label: 'Unclear', sentence: 'The credential mentions this, but not clearly enough to rely on.' },
  },

  assessment: {
    assessed: {
      label: 'Assessed',
      meaning: 'The credential says the holder\'s learning was tested, so it certifies achievement, not just attendance.',
    },
    participation: {
      label: 'Participation only',
      meaning: 'The credential records attendance or completion; nothing in it says the holder was tested.',
    },
    unknown: {
      label: 'Not stated',
      meaning: 'The credential does not say whether the holder was tested or only took part.',
    },
  },

  identityVerification: {
    'unsupervised-no-id': {
      label: 'Unsupervised, identity not checked',
      meaning: 'Nobody watched the assessment or checked who took it, so someone else could have done it.',
    },
    'supervised-no-id': {
      label: 'Supervised, identity not checked',
      meaning: 'The assessment was supervised, but nobody checked that the person taking it was the holder.',
    },
    'supervised-online-id': {
      label: 'Supervised online, identity checked',
      meaning: 'The assessment was supervised online and the person taking it had to prove their identity.',
    },
    'supervised-onsite-id': {
      label: 'Supervised on site, identity checked',
      meaning: 'The assessment took place under supervision on site and the person taking it had to prove their identity.',
    },
  },

  recipient: {
    match: {
      label: 'Matches the candidate',
      meaning: 'The person the credential was awarded to matches the name or email address you know for the candidate.',
    },
    mismatch: {
      label: 'Someone else',
      meaning: 'The credential was awarded to someone other than the candidate you named.',
    },
    unknown: {
      label: 'Cannot tell',
      meaning: 'It could not be determined whether the credential was awarded to this candidate, for example because it names no one or you gave no name or email to compare.',
    },
  },
} satisfies CatalogueShape;

/** The English catalogue's exact shape: the other languages are typed against it. */
export type Catalogue = typeof en;
