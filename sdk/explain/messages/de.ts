/**
 * Deutsch. Elementnamen nach Anhang I der Empfehlung des Rates 2022/C 243/02 (deutsche Fassung,
 * „Microcredentials“), wo der amtliche Name ein ganzer Satz ist, gekürzt. Satzteile, die hier
 * fehlen, fallen auf Englisch zurück.
 */
import type { Translation } from '../translation.js';

export const de: Translation = {
  ui: {
    checkStatus: {
      pass: 'Bestanden',
      fail: 'Nicht bestanden',
      warn: 'Hinweis',
      skip: 'Entfällt',
      unsupported: 'Nicht unterstützt',
      error: 'Nicht prüfbar',
    },
    signalStatus: { positive: 'Spricht dafür', negative: 'Spricht dagegen', neutral: 'Zur Information' },
    mandatory: 'Pflichtelement',
    optional: 'Optionales Element',
    completeness: '{present} der {total} Angaben, die die EU für jedes Microcredential vorsieht, sind enthalten.',
  },

  verdicts: {
    valid: {
      headline: 'Echt und gültig',
      meaning: 'Der Nachweis wurde seit der Ausstellung nicht verändert, mit einem Schlüssel des angegebenen Ausstellers signiert und ist weder abgelaufen noch widerrufen; ob der Aussteller vertrauenswürdig ist, wird gesondert angezeigt.',
    },
    invalid: {
      headline: 'Nicht echt',
      meaning: 'Der Nachweis wurde verändert, ist fehlerhaft aufgebaut oder stammt nicht vom angegebenen Aussteller, daher ist auf keinen seiner Inhalte Verlass.',
    },
    revoked: {
      headline: 'Vom Aussteller widerrufen',
      meaning: 'Der Aussteller hat diesen Nachweis zurückgezogen; er gilt nicht mehr, auch wenn er einmal echt ausgestellt wurde.',
    },
    expired: {
      headline: 'Abgelaufen',
      meaning: 'Der Nachweis war echt, seine Gültigkeitsdauer ist aber abgelaufen.',
    },
    'not-yet-valid': {
      headline: 'Noch nicht gültig',
      meaning: 'Die Gültigkeit des Nachweises beginnt erst später; vor diesem Datum kann man sich nicht auf ihn berufen.',
    },
    unverifiable: {
      headline: 'Nicht überprüfbar',
      meaning: 'Eine notwendige Prüfung konnte nicht durchgeführt werden (etwa weil Schlüssel oder Widerrufsliste des Ausstellers nicht erreichbar waren oder ein nicht unterstütztes Verfahren verwendet wird); das beweist keine Fälschung, ist aber auch keine Bestätigung.',
    },
  },

  checks: {
    format: {
      pass: 'Der Nachweis liegt in einem bekannten digitalen Format vor.',
      fail: 'Das Übergebene ist kein digitaler Nachweis, den CredLens lesen kann.',
    },
    platform: {
      unsupported: 'Diese Plattform veröffentlicht keine maschinenlesbare, signierte Fassung ihrer Zertifikate; nur ihre eigene Webseite kann es bestätigen.',
    },
    fetch: {
      error: 'Der Nachweis konnte unter der angegebenen Adresse nicht abgerufen und daher nicht geprüft werden.',
    },
    structure: {
      pass: 'Der Nachweis enthält alles, was der Standard verlangt, in der richtigen Form.',
      fail: 'Dem Nachweis fehlen Pflichtangaben oder sie liegen in falscher Form vor.',
    },
    issuance: {
      pass: 'Der Nachweis ist bereits in Kraft.',
      codes: { 'not-yet-valid': 'Der Nachweis tritt erst zu einem späteren Zeitpunkt in Kraft.' },
    },
    expiry: {
      pass: 'Der Nachweis ist nicht abgelaufen.',
      skip: 'Der Nachweis hat kein Ablaufdatum.',
      codes: { expired: 'Das Ablaufdatum des Nachweises ist überschritten.' },
    },
    proof: {
      pass: 'Die digitale Signatur ist gültig: Der Nachweis wurde seit der Signatur nicht verändert.',
      fail: 'Die digitale Signatur passt nicht: Der Nachweis wurde nach dem Signieren verändert oder die Signatur ist gefälscht.',
      unsupported: 'Der Nachweis ist mit einem Verfahren signiert, das CredLens nicht unterstützt; die Signatur konnte nicht geprüft werden.',
      error: 'Die digitale Signatur konnte nicht geprüft werden.',
      codes: { 'no-proof': 'Der Nachweis trägt keine digitale Signatur; jeder hätte ihn schreiben können.' },
    },
    'issuer-binding': {
      pass: 'Der Schlüssel, mit dem der Nachweis signiert wurde, gehört dem angegebenen Aussteller.',
      fail: 'Der Nachweis wurde mit einem Schlüssel signiert, der nicht dem angegebenen Aussteller gehört: Möglicherweise gibt sich jemand als dieser Aussteller aus.',
      error: 'Es ließ sich nicht bestätigen, dass der Signaturschlüssel dem Aussteller gehört.',
    },
    status: {
      pass: 'Der Aussteller hat den Nachweis nicht widerrufen.',
      fail: 'Der Aussteller hat diesen Nachweis widerrufen oder ausgesetzt.',
      skip: 'Der Aussteller veröffentlicht für diesen Nachweis keine Widerrufsliste; ein Widerruf lässt sich daher nicht prüfen (das ist häufig).',
      error: 'Die Widerrufsliste des Ausstellers konnte nicht geprüft werden; ob der Nachweis noch gilt, ist offen.',
      codes: { revoked: 'Der Aussteller hat diesen Nachweis widerrufen.', suspended: 'Der Aussteller hat diesen Nachweis vorläufig ausgesetzt.' },
    },
    hosted: {
      pass: 'Der Aussteller veröffentlicht das Badge unter seiner eigenen Adresse, was es bestätigt.',
      fail: 'Das Badge konnte unter der Adresse des Ausstellers nicht bestätigt werden.',
    },
  },

  trustLevels: {
    recognised: {
      label: 'Anerkannter Aussteller',
      meaning: 'Der Aussteller steht auf einer Vertrauensliste oder in einem Register, auf das Sie sich stützen, und ist zudem akkreditiert, von einer externen Qualitätssicherungsagentur begutachtet oder von einer vertrauenswürdigen Stelle empfohlen.',
    },
    known: {
      label: 'Bekannter Aussteller',
      meaning: 'Eine unabhängige Quelle bürgt für den Aussteller (eine Vertrauensliste oder ein Register, auf das Sie sich stützen, oder eine externe Qualitätssicherungsagentur), ohne weitere Bestätigung wie eine Akkreditierung oder eine vertrauenswürdige Empfehlung.',
    },
    unknown: {
      label: 'Unbekannter Aussteller',
      meaning: 'Nichts Unabhängiges sagt, wer der Aussteller ist; eine echte Signatur beweist nur, dass der Nachweis unverändert ist, nicht, dass der Aussteller seriös ist.',
    },
    distrusted: {
      label: 'Nicht vertrauenswürdiger Aussteller',
      meaning: 'Eine Vertrauensliste oder ein Register stuft diesen Aussteller als nicht vertrauenswürdig oder gesperrt ein; seien Sie vorsichtig, auch wenn der Nachweis echt ist.',
    },
  },

  trustSignals: {
    listed: {
      positive: 'Der Aussteller steht auf einer Vertrauensliste oder in einem Register, auf das Sie sich stützen.',
      neutral: 'Eine Vertrauensliste oder ein Register nennt den Aussteller, der Eintrag ließ sich aber nicht bestätigen (etwa weil die Signatur nicht stimmt oder er abgelaufen ist); er zählt daher nicht.',
    },
    'not-listed': {
      neutral: 'Der Aussteller steht auf keiner der geprüften Vertrauenslisten; das trifft auf viele seriöse Aussteller zu.',
    },
    distrusted: {
      negative: 'Eine Vertrauensliste oder ein Register stuft diesen Aussteller als nicht vertrauenswürdig ein.',
    },
    'revoked-issuer': {
      negative: 'Eine Vertrauensliste oder ein Register hat die Eintragung des Ausstellers widerrufen oder stuft ihn als nicht vertrauenswürdig ein.',
    },
    endorsed: {
      positive: 'Eine vertrauenswürdige Stelle empfiehlt den Aussteller oder diesen Nachweis, und diese Empfehlung wurde selbst geprüft.',
      neutral: 'Eine Empfehlung liegt bei, zählt aber nicht: Keine Ihrer Vertrauensquellen bürgt für die empfehlende Stelle, oder die Empfehlung ließ sich nicht bestätigen.',
      negative: 'Eine beigefügte Empfehlung hat die Prüfung nicht bestanden oder stammt von einer gesperrten Stelle; sie zählt nicht und könnte gefälscht sein.',
    },
    'domain-binding': {
      positive: 'Die angegebene Website des Ausstellers liegt auf derselben Domain wie seine geprüfte digitale Identität.',
      neutral: 'Die angegebene Website des Ausstellers ließ sich nicht mit seiner geprüften digitalen Identität verknüpfen.',
      negative: 'Der Aussteller nennt eine Website auf einer anderen Domain als seine geprüfte digitale Identität; nichts zeigt, dass er diese Website betreibt.',
    },
    accreditation: {
      positive: 'Der Aussteller ist bei einer amtlichen oder anerkannten Stelle akkreditiert.',
    },
    'external-qa': {
      positive: 'Eine externe Qualitätssicherungsagentur begutachtet diesen Aussteller (etwa im europäischen Register DEQAR).',
      neutral: 'Für diesen Aussteller wurde keine externe Qualitätssicherung gefunden, die sich ihm sicher zuordnen lässt; bei Unternehmen und vielen Weiterbildungsanbietern ist das normal.',
    },
    'source-unavailable': {
      neutral: 'Eine Vertrauensliste oder ein Register war nicht erreichbar; das zählt weder für noch gegen den Aussteller.',
    },
    'not-assessed': {
      neutral: 'Der Nachweis hat die Prüfung nicht bestanden; wer ihn ausgestellt hat, steht daher nicht fest, und keine Vertrauensliste wurde befragt.',
    },
  },

  elements: {
    learnerIdentification: {
      name: 'Identifizierung der lernenden Person',
      about: 'Wem der Nachweis verliehen wurde, damit Sie prüfen können, ob er zur Bewerberin oder zum Bewerber gehört.',
      missing: 'Der Nachweis sagt nicht, wem er verliehen wurde, und lässt sich daher keiner Person zuordnen.',
    },
    title: {
      name: 'Titel des Microcredentials',
      about: 'Wie der Nachweis heißt.',
    },
    issuerCountry: {
      name: 'Land/Region des Ausstellers',
      about: 'Wo die ausstellende Einrichtung ihren Sitz hat und damit, welche nationalen Regeln und Qualitätssysteme gelten.',
    },
    awardingBody: {
      name: 'Vergabestelle',
      about: 'Die Einrichtung, die den Nachweis verliehen hat und für ihn einsteht.',
    },
    dateOfIssue: {
      name: 'Ausstellungsdatum',
      about: 'Wann der Nachweis verliehen wurde und damit, wie aktuell die Kenntnisse sind.',
    },
    learningOutcomes: {
      name: 'Lernergebnisse',
      about: 'Was die Inhaberin oder der Inhaber nach dem Lernen konkret weiß oder kann.',
      missing: 'Der Nachweis sagt nicht, was gelernt wurde oder was die Person kann.',
    },
    workload: {
      name: 'Geschätzter Arbeitsaufwand (wenn möglich in ECTS-Punkten)',
      about: 'Wie viel Lernaufwand dahintersteht, wenn möglich in ECTS-Punkten (ein ECTS-Punkt entspricht etwa 25 bis 30 Arbeitsstunden).',
    },
    level: {
      name: 'Niveau (EQR, QR-EHR)',
      about: 'Wie anspruchsvoll das Lernen war, auf der Skala 1 bis 8 des Europäischen Qualifikationsrahmens (Niveau 6 entspricht dem Bachelor).',
    },
    assessmentType: {
      name: 'Art der Bewertung',
      about: 'Wie das Gelernte geprüft wurde (Prüfung, Projekt, Portfolio) und ob überhaupt.',
      missing: 'Der Nachweis sagt nicht, wie oder ob das Gelernte geprüft wurde.',
    },
    participationForm: {
      name: 'Form der Teilnahme an der Lernaktivität',
      about: 'Ob online, vor Ort oder gemischt gelernt wurde oder im Ehrenamt oder durch Berufserfahrung.',
    },
    qualityAssurance: {
      name: 'Art der Qualitätssicherung',
      about: 'Welche unabhängige Qualitätssicherung hinter dem Nachweis steht, etwa eine akkreditierte Hochschule oder eine Qualitätssicherungsagentur.',
      missing: 'Der Nachweis sagt nicht, welche Qualitätssicherung hinter ihm steht.',
    },
    prerequisites: {
      name: 'Voraussetzungen für die Teilnahme an der Lernaktivität',
      about: 'Was die Person vor Beginn wissen oder mitbringen musste.',
    },
    supervisionAndIdentity: {
      name: 'Aufsicht und Identitätsprüfung während der Bewertung',
      about: 'Ob die Prüfung beaufsichtigt und die Identität der geprüften Person kontrolliert wurde, also wie sicher es ist, dass die Inhaberin oder der Inhaber die Leistung selbst erbracht hat.',
    },
    grade: {
      name: 'Erzielte Note',
      about: 'Wie gut die Leistung war.',
    },
    integration: {
      name: 'Integrations-/Kombinationsmöglichkeiten',
      about: 'Ob der Nachweis für sich steht oder auf eine größere Qualifikation angerechnet werden kann.',
    },
    furtherInformation: {
      name: 'Weitere Informationen',
      about: 'Was der Aussteller sonst noch zum Nachweis angegeben hat.',
    },
  },

  elementStates: {
    present: { label: 'Angegeben', sentence: 'Der Nachweis gibt dies an.' },
    missing: { label: 'Nicht angegeben', sentence: 'Der Nachweis gibt dies nicht an.' },
    unclear: { label: 'Unklar', sentence: 'Der Nachweis erwähnt dies, aber nicht eindeutig genug, um sich darauf zu verlassen.' },
  },

  assessment: {
    assessed: {
      label: 'Mit Prüfung',
      meaning: 'Laut Nachweis wurde das Gelernte geprüft; er bescheinigt also eine Leistung, nicht nur die Anwesenheit.',
    },
    participation: {
      label: 'Nur Teilnahme',
      meaning: 'Der Nachweis bescheinigt Teilnahme oder Abschluss; nichts darin sagt, dass geprüft wurde.',
    },
    unknown: {
      label: 'Nicht angegeben',
      meaning: 'Der Nachweis sagt nicht, ob geprüft wurde oder nur teilgenommen.',
    },
  },

  identityVerification: {
    'unsupervised-no-id': {
      label: 'Ohne Aufsicht, ohne Identitätsprüfung',
      meaning: 'Niemand hat die Prüfung beaufsichtigt oder kontrolliert, wer sie abgelegt hat; es könnte also jemand anderes gewesen sein.',
    },
    'supervised-no-id': {
      label: 'Unter Aufsicht, ohne Identitätsprüfung',
      meaning: 'Die Prüfung wurde beaufsichtigt, aber niemand hat kontrolliert, ob die geprüfte Person die Inhaberin oder der Inhaber ist.',
    },
    'supervised-online-id': {
      label: 'Online beaufsichtigt, mit Identitätsprüfung',
      meaning: 'Die Prüfung wurde online beaufsichtigt, und die geprüfte Person musste sich ausweisen.',
    },
    'supervised-onsite-id': {
      label: 'Vor Ort beaufsichtigt, mit Identitätsprüfung',
      meaning: 'Die Prüfung fand unter Aufsicht vor Ort statt, und die geprüfte Person musste sich ausweisen.',
    },
  },

  recipient: {
    match: {
      label: 'Passt zur Person',
      meaning: 'Die Person, der der Nachweis verliehen wurde, stimmt mit dem Namen oder der E-Mail-Adresse überein, die Sie von der Bewerberin oder dem Bewerber kennen.',
    },
    mismatch: {
      label: 'Andere Person',
      meaning: 'Der Nachweis wurde einer anderen Person verliehen als der, die Sie angegeben haben.',
    },
    unknown: {
      label: 'Nicht feststellbar',
      meaning: 'Es ließ sich nicht feststellen, ob der Nachweis dieser Person verliehen wurde, etwa weil er niemanden nennt oder kein Name und keine E-Mail-Adresse zum Vergleich angegeben wurden.',
    },
  },
};
