/**
 * Français. Noms des éléments d'après l'annexe I de la recommandation du Conseil 2022/C 243/02
 * (version française, « microcertifications »), abrégés lorsque l'intitulé officiel est une phrase
 * entière. Les phrases absentes d'ici retombent sur l'anglais.
 */
import type { Translation } from '../translation.js';

export const fr: Translation = {
  ui: {
    checkStatus: {
      pass: 'Réussi',
      fail: 'Échoué',
      warn: 'Remarque',
      skip: 'Sans objet',
      unsupported: 'Non pris en charge',
      error: 'Vérification impossible',
    },
    signalStatus: { positive: 'En faveur', negative: 'En défaveur', neutral: 'Pour information' },
    mandatory: 'Élément obligatoire',
    optional: 'Élément facultatif',
    completeness: '{present} des {total} éléments que l’UE attend sur toute microcertification sont indiqués.',
  },

  verdicts: {
    valid: {
      headline: 'Authentique et en cours de validité',
      meaning: 'Le certificat n’a pas été modifié depuis sa délivrance, il a été signé avec une clé appartenant à l’émetteur indiqué, et il n’est ni expiré ni retiré ; la fiabilité de l’émetteur est indiquée à part.',
    },
    invalid: {
      headline: 'Non authentique',
      meaning: 'Le certificat a été modifié, est mal formé ou n’a pas été signé par l’émetteur indiqué : rien de son contenu n’est fiable.',
    },
    revoked: {
      headline: 'Révoqué par l’émetteur',
      meaning: 'L’émetteur a retiré ce certificat ; il ne compte plus, même s’il a bien été délivré à l’origine.',
    },
    expired: {
      headline: 'Expiré',
      meaning: 'Le certificat était authentique, mais sa période de validité est terminée.',
    },
    'not-yet-valid': {
      headline: 'Pas encore valide',
      meaning: 'La période de validité du certificat n’a pas encore commencé ; on ne peut pas s’en prévaloir avant cette date.',
    },
    unverifiable: {
      headline: 'Impossible à vérifier',
      meaning: 'Une vérification nécessaire n’a pas pu être effectuée (par exemple, la clé ou la liste de révocation de l’émetteur était inaccessible, ou le certificat utilise une méthode non prise en charge) ; ce n’est pas une preuve de falsification, mais ce n’est pas non plus une confirmation.',
    },
  },

  checks: {
    format: {
      pass: 'Le certificat est dans un format numérique reconnu.',
      fail: 'Ce qui a été fourni n’est pas un certificat numérique que CredLens sait lire.',
    },
    platform: {
      unsupported: 'Cette plateforme ne publie aucune version signée et lisible par machine de ses certificats ; seule sa propre page web peut le confirmer.',
    },
    fetch: {
      error: 'Le certificat n’a pas pu être téléchargé à l’adresse indiquée et n’a donc pas pu être vérifié.',
    },
    structure: {
      pass: 'Le certificat contient tout ce que la norme exige, sous la bonne forme.',
      fail: 'Il manque au certificat des informations obligatoires, ou elles sont mal formées.',
    },
    issuance: {
      pass: 'Le certificat est déjà en vigueur.',
      codes: { 'not-yet-valid': 'Le certificat n’entre en vigueur qu’à une date ultérieure.' },
    },
    expiry: {
      pass: 'Le certificat n’a pas expiré.',
      skip: 'Le certificat n’a pas de date d’expiration.',
      codes: { expired: 'La date d’expiration du certificat est dépassée.' },
    },
    proof: {
      pass: 'La signature numérique est valide : le certificat n’a pas été modifié depuis sa signature.',
      fail: 'La signature numérique ne correspond pas : le certificat a été modifié après sa signature, ou la signature est falsifiée.',
      unsupported: 'Le certificat est signé avec une méthode que CredLens ne prend pas en charge ; sa signature n’a pas pu être vérifiée.',
      error: 'La signature numérique n’a pas pu être vérifiée.',
      codes: { 'no-proof': 'Le certificat ne porte aucune signature numérique : n’importe qui aurait pu l’écrire.' },
    },
    'issuer-binding': {
      pass: 'La clé qui a signé le certificat appartient bien à l’émetteur indiqué.',
      fail: 'Le certificat a été signé avec une clé qui n’appartient pas à l’émetteur indiqué : quelqu’un se fait peut-être passer pour lui.',
      error: 'Il n’a pas été possible de confirmer que la clé de signature appartient à l’émetteur.',
    },
    status: {
      pass: 'L’émetteur n’a pas retiré le certificat.',
      fail: 'L’émetteur a révoqué ou suspendu ce certificat.',
      skip: 'L’émetteur ne publie pas de liste de révocation pour ce certificat ; un retrait ne peut donc pas être vérifié (c’est fréquent).',
      error: 'La liste de révocation de l’émetteur n’a pas pu être consultée ; on ignore si le certificat est toujours en vigueur.',
      codes: { revoked: 'L’émetteur a révoqué ce certificat.', suspended: 'L’émetteur a suspendu ce certificat pour le moment.' },
    },
    hosted: {
      pass: 'L’émetteur publie le badge à sa propre adresse, ce qui le confirme.',
      fail: 'Le badge n’a pas pu être confirmé à l’adresse de l’émetteur.',
    },
  },

  trustLevels: {
    recognised: {
      label: 'Émetteur reconnu',
      meaning: 'L’émetteur figure sur une liste de confiance ou dans un registre sur lequel vous vous appuyez, et il est en outre accrédité, évalué par une agence externe d’assurance qualité ou recommandé par un organisme de confiance.',
    },
    known: {
      label: 'Émetteur connu',
      meaning: 'Une source indépendante se porte garante de l’émetteur (une liste de confiance ou un registre sur lequel vous vous appuyez, ou une agence externe d’assurance qualité), sans autre confirmation comme une accréditation ou une recommandation de confiance.',
    },
    unknown: {
      label: 'Émetteur inconnu',
      meaning: 'Rien d’indépendant n’indique qui est l’émetteur ; une signature authentique prouve seulement que le certificat est intact, pas que l’émetteur est sérieux.',
    },
    distrusted: {
      label: 'Émetteur non fiable',
      meaning: 'Une liste de confiance ou un registre signale cet émetteur comme non fiable ou radié ; restez prudent, même si le certificat est authentique.',
    },
  },

  trustSignals: {
    listed: {
      positive: 'L’émetteur figure sur une liste de confiance ou dans un registre sur lequel vous vous appuyez.',
      neutral: 'Une liste de confiance ou un registre mentionne l’émetteur, mais cette inscription n’a pas pu être confirmée (par exemple, signature invalide ou inscription échue) ; elle ne compte donc pas.',
    },
    'not-listed': {
      neutral: 'L’émetteur ne figure sur aucune des listes consultées ; c’est le cas de nombreux émetteurs légitimes.',
    },
    distrusted: {
      negative: 'Une liste de confiance ou un registre signale cet émetteur comme non fiable.',
    },
    'revoked-issuer': {
      negative: 'Une liste de confiance ou un registre a radié l’émetteur ou le signale comme non fiable.',
    },
    endorsed: {
      positive: 'Un organisme de confiance recommande l’émetteur ou ce certificat, et cette recommandation a elle-même été vérifiée.',
      neutral: 'Une recommandation est jointe, mais elle ne compte pas : aucune de vos sources de confiance ne garantit son auteur, ou elle n’a pas pu être confirmée.',
      negative: 'Une recommandation jointe au certificat n’a pas passé la vérification ou provient d’un organisme radié ; elle ne compte pas et pourrait être falsifiée.',
    },
    'domain-binding': {
      positive: 'Le site web indiqué par l’émetteur se trouve sur le même domaine que son identité numérique vérifiée.',
      neutral: 'Le site web indiqué par l’émetteur n’a pas pu être rattaché à son identité numérique vérifiée.',
      negative: 'L’émetteur indique un site web sur un autre domaine que son identité numérique vérifiée ; rien ne montre qu’il gère ce site.',
    },
    accreditation: {
      positive: 'L’émetteur détient une accréditation enregistrée par un organisme officiel ou reconnu.',
    },
    'external-qa': {
      positive: 'Une agence externe d’assurance qualité évalue cet émetteur (par exemple dans le registre européen DEQAR).',
      neutral: 'Aucune assurance qualité externe pouvant être rattachée avec certitude à cet émetteur n’a été trouvée ; c’est normal pour les entreprises et de nombreux organismes de formation.',
    },
    'source-unavailable': {
      neutral: 'Une liste de confiance ou un registre n’a pas pu être consulté ; cela ne compte ni pour ni contre l’émetteur.',
    },
    'not-assessed': {
      neutral: 'Le certificat n’a pas passé la vérification : son émetteur n’est donc pas établi et aucune liste de confiance n’a été consultée.',
    },
  },

  elements: {
    learnerIdentification: {
      name: 'Identification de l’apprenant',
      about: 'À qui le certificat a été délivré, pour vérifier qu’il appartient bien au candidat.',
      missing: 'Le certificat n’indique pas à qui il a été délivré ; on ne peut donc pas le rattacher au candidat.',
    },
    title: {
      name: 'Intitulé de la microcertification',
      about: 'Le nom du certificat.',
    },
    issuerCountry: {
      name: 'Pays/région de l’émetteur',
      about: 'Où l’organisme émetteur est établi, et donc quelles règles nationales et quels systèmes qualité s’appliquent.',
    },
    awardingBody: {
      name: 'Organisme de délivrance',
      about: 'L’organisme qui a délivré le certificat et s’en porte garant.',
    },
    dateOfIssue: {
      name: 'Date de délivrance',
      about: 'Quand le certificat a été délivré, et donc si les compétences sont récentes.',
    },
    learningOutcomes: {
      name: 'Acquis d’apprentissage',
      about: 'Ce que le titulaire sait ou sait faire, concrètement, à l’issue de la formation.',
      missing: 'Le certificat n’indique pas ce que le titulaire a appris ou sait faire.',
    },
    workload: {
      name: 'Charge de travail théorique (en crédits ECTS si possible)',
      about: 'Le volume de travail que la formation a demandé, en crédits ECTS si possible (un crédit ECTS correspond à environ 25 à 30 heures).',
    },
    level: {
      name: 'Niveau (CEC, cadre de l’EEES)',
      about: 'Le degré d’exigence de la formation sur l’échelle de 1 à 8 du cadre européen des certifications (le niveau 6 correspond à la licence).',
    },
    assessmentType: {
      name: 'Type d’évaluation',
      about: 'Comment les acquis ont été évalués (examen, projet, portfolio), et s’ils l’ont été.',
      missing: 'Le certificat n’indique pas comment, ni même si, les acquis ont été évalués.',
    },
    participationForm: {
      name: 'Forme de participation à l’activité d’apprentissage',
      about: 'Si la formation s’est déroulée en ligne, sur place ou en mode hybride, ou dans le cadre d’un bénévolat ou d’une expérience professionnelle.',
    },
    qualityAssurance: {
      name: 'Type d’assurance qualité',
      about: 'Quels contrôles qualité indépendants garantissent le certificat, par exemple une université accréditée ou une agence d’assurance qualité.',
      missing: 'Le certificat n’indique pas quelle assurance qualité le garantit.',
    },
    prerequisites: {
      name: 'Conditions préalables à l’inscription à l’activité d’apprentissage',
      about: 'Ce que l’apprenant devait savoir ou avoir avant de commencer.',
    },
    supervisionAndIdentity: {
      name: 'Surveillance et vérification de l’identité pendant l’évaluation',
      about: 'Si l’évaluation était surveillée et l’identité du candidat contrôlée, et donc à quel point on peut être sûr que le titulaire a fait le travail lui-même.',
    },
    grade: {
      name: 'Note obtenue',
      about: 'Le niveau de réussite du titulaire.',
    },
    integration: {
      name: 'Possibilités d’intégration/d’empilement',
      about: 'Si le certificat est autonome ou s’il compte pour une certification plus large.',
    },
    furtherInformation: {
      name: 'Informations complémentaires',
      about: 'Tout ce que l’émetteur a ajouté d’autre au sujet du certificat.',
    },
  },

  elementStates: {
    present: { label: 'Indiqué', sentence: 'Le certificat l’indique.' },
    missing: { label: 'Non indiqué', sentence: 'Le certificat ne l’indique pas.' },
    unclear: { label: 'Peu clair', sentence: 'Le certificat l’évoque, mais pas assez clairement pour s’y fier.' },
  },

  assessment: {
    assessed: {
      label: 'Avec évaluation',
      meaning: 'Selon le certificat, les acquis du titulaire ont été évalués : il atteste une réussite, pas seulement une présence.',
    },
    participation: {
      label: 'Participation seulement',
      meaning: 'Le certificat atteste une présence ou un suivi complet ; rien n’indique que le titulaire ait été évalué.',
    },
    unknown: {
      label: 'Non indiqué',
      meaning: 'Le certificat n’indique pas si le titulaire a été évalué ou s’il a seulement participé.',
    },
  },

  identityVerification: {
    'unsupervised-no-id': {
      label: 'Sans surveillance, sans vérification d’identité',
      meaning: 'Personne n’a surveillé l’évaluation ni vérifié qui l’a passée : quelqu’un d’autre aurait pu la passer.',
    },
    'supervised-no-id': {
      label: 'Surveillée, sans vérification d’identité',
      meaning: 'L’évaluation était surveillée, mais personne n’a vérifié que la personne évaluée était bien le titulaire.',
    },
    'supervised-online-id': {
      label: 'Surveillée en ligne, avec vérification d’identité',
      meaning: 'L’évaluation a été surveillée en ligne et la personne évaluée a dû prouver son identité.',
    },
    'supervised-onsite-id': {
      label: 'Surveillée sur place, avec vérification d’identité',
      meaning: 'L’évaluation s’est déroulée sur place sous surveillance et la personne évaluée a dû prouver son identité.',
    },
  },

  recipient: {
    match: {
      label: 'Correspond au candidat',
      meaning: 'La personne à qui le certificat a été délivré correspond au nom ou à l’adresse e-mail que vous connaissez pour le candidat.',
    },
    mismatch: {
      label: 'Autre personne',
      meaning: 'Le certificat a été délivré à une autre personne que le candidat indiqué.',
    },
    unknown: {
      label: 'Impossible à dire',
      meaning: 'Impossible de déterminer si le certificat a été délivré à ce candidat, par exemple parce qu’il ne nomme personne ou qu’aucun nom ni e-mail n’a été fourni pour comparer.',
    },
  },
};
