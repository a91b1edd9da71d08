/**
 * Español. Nombres de los elementos según el anexo I de la Recomendación del Consejo 2022/C 243/02
 * (versión española, «microcredenciales»), abreviados cuando el nombre oficial es una frase entera.
 * Las frases que faltan aquí se muestran en inglés.
 */
import type { Translation } from '../translation.js';

export const es: Translation = {
  ui: {
    checkStatus: {
      pass: 'Superada',
      fail: 'No superada',
      warn: 'Aviso',
      skip: 'No aplica',
      unsupported: 'No compatible',
      error: 'No se pudo comprobar',
    },
    signalStatus: { positive: 'A favor', negative: 'En contra', neutral: 'Informativo' },
    mandatory: 'Elemento obligatorio',
    optional: 'Elemento opcional',
    completeness: 'Figuran {present} de los {total} elementos que la UE espera en toda microcredencial.',
  },

  verdicts: {
    valid: {
      headline: 'Auténtica y vigente',
      meaning: 'La credencial no se ha modificado desde su expedición, se firmó con una clave que pertenece al emisor que figura en ella y no ha caducado ni ha sido retirada; la fiabilidad del emisor se indica por separado.',
    },
    invalid: {
      headline: 'No auténtica',
      meaning: 'La credencial ha sido modificada, está mal formada o no la firmó el emisor que figura en ella, así que nada de su contenido es fiable.',
    },
    revoked: {
      headline: 'Revocada por el emisor',
      meaning: 'El emisor ha retirado esta credencial; ya no tiene validez, aunque en su día se expidiera de verdad.',
    },
    expired: {
      headline: 'Caducada',
      meaning: 'La credencial era auténtica, pero su periodo de validez ha terminado.',
    },
    'not-yet-valid': {
      headline: 'Todavía no es válida',
      meaning: 'El periodo de validez de la credencial aún no ha empezado, así que no puede darse por buena antes de esa fecha.',
    },
    unverifiable: {
      headline: 'No se ha podido comprobar',
      meaning: 'No se pudo realizar una comprobación necesaria (por ejemplo, no se pudo acceder a la clave o a la lista de revocación del emisor, o la credencial usa un método no compatible); no demuestra que sea falsa, pero tampoco lo confirma.',
    },
  },

  checks: {
    format: {
      pass: 'La credencial está en un formato digital reconocido.',
      fail: 'Lo que se ha facilitado no es una credencial digital que CredLens pueda leer.',
    },
    platform: {
      unsupported: 'Esta plataforma no publica una versión firmada y legible por máquina de sus certificados; solo su propia página web puede confirmarlo.',
    },
    fetch: {
      error: 'No se pudo descargar la credencial de la dirección indicada, así que no se pudo comprobar.',
    },
    structure: {
      pass: 'La credencial contiene todo lo que exige la norma, en la forma correcta.',
      fail: 'A la credencial le falta información obligatoria o la tiene en una forma incorrecta.',
    },
    issuance: {
      pass: 'La credencial ya está en vigor.',
      codes: { 'not-yet-valid': 'La credencial no entra en vigor hasta una fecha posterior.' },
    },
    expiry: {
      pass: 'La credencial no ha caducado.',
      skip: 'La credencial no tiene fecha de caducidad.',
      codes: { expired: 'La fecha de caducidad de la credencial ya ha pasado.' },
    },
    proof: {
      pass: 'La firma digital es válida: la credencial no se ha modificado desde que se firmó.',
      fail: 'La firma digital no coincide: la credencial se modificó después de firmarse o la firma es falsa.',
      unsupported: 'La credencial está firmada con un método que CredLens no admite, así que no se pudo comprobar su firma.',
      error: 'No se pudo comprobar la firma digital.',
      codes: { 'no-proof': 'La credencial no lleva firma digital: cualquiera podría haberla escrito.' },
    },
    'issuer-binding': {
      pass: 'La clave con la que se firmó la credencial pertenece al emisor que figura en ella.',
      fail: 'La credencial se firmó con una clave que no pertenece al emisor que figura en ella: alguien podría estar haciéndose pasar por él.',
      error: 'No se pudo confirmar que la clave de firma pertenezca al emisor.',
    },
    status: {
      pass: 'El emisor no ha retirado la credencial.',
      fail: 'El emisor ha revocado o suspendido esta credencial.',
      skip: 'El emisor no publica una lista de revocación para esta credencial, así que no se puede comprobar si la ha retirado (es habitual).',
      error: 'No se pudo consultar la lista de revocación del emisor; no se sabe si la credencial sigue en vigor.',
      codes: { revoked: 'El emisor ha revocado esta credencial.', suspended: 'El emisor ha suspendido esta credencial de forma temporal.' },
    },
    hosted: {
      pass: 'El emisor publica la insignia en su propia dirección, lo que la confirma.',
      fail: 'No se pudo confirmar la insignia en la dirección del emisor.',
    },
  },

  trustLevels: {
    recognised: {
      label: 'Emisor reconocido',
      meaning: 'El emisor figura en una lista de confianza o en un registro en el que usted se apoya y, además, está acreditado, lo evalúa una agencia externa de garantía de calidad o lo avala un organismo de confianza.',
    },
    known: {
      label: 'Emisor conocido',
      meaning: 'Una fuente independiente respalda al emisor (una lista de confianza o un registro en el que usted se apoya, o una agencia externa de garantía de calidad), sin más confirmación, como una acreditación o un aval de confianza.',
    },
    unknown: {
      label: 'Emisor desconocido',
      meaning: 'Nada independiente indica quién es el emisor; una firma auténtica solo demuestra que la credencial está intacta, no que el emisor sea serio.',
    },
    distrusted: {
      label: 'Emisor no fiable',
      meaning: 'Una lista de confianza o un registro señala a este emisor como no fiable o dado de baja; desconfíe aunque la credencial sea auténtica.',
    },
  },

  trustSignals: {
    listed: {
      positive: 'El emisor figura en una lista de confianza o en un registro en el que usted se apoya.',
      neutral: 'Una lista de confianza o un registro menciona al emisor, pero esa inscripción no se pudo confirmar (por ejemplo, la firma no es válida o ha caducado), así que no cuenta.',
    },
    'not-listed': {
      neutral: 'El emisor no figura en ninguna de las listas consultadas; les ocurre a muchos emisores legítimos.',
    },
    distrusted: {
      negative: 'Una lista de confianza o un registro señala a este emisor como no fiable.',
    },
    'revoked-issuer': {
      negative: 'Una lista de confianza o un registro ha dado de baja al emisor o lo señala como no fiable.',
    },
    endorsed: {
      positive: 'Un organismo de confianza avala al emisor o a esta credencial, y ese aval se ha verificado a su vez.',
      neutral: 'Hay un aval adjunto, pero no cuenta: ninguna de sus fuentes de confianza respalda a quien lo emite, o no se pudo confirmar.',
      negative: 'Un aval adjunto a la credencial no superó la verificación o procede de un organismo dado de baja; no cuenta y podría ser falso.',
    },
    'domain-binding': {
      positive: 'El sitio web que indica el emisor está en el mismo dominio que su identidad digital verificada.',
      neutral: 'No se pudo vincular el sitio web que indica el emisor con su identidad digital verificada.',
      negative: 'El emisor indica un sitio web en un dominio distinto del de su identidad digital verificada; nada demuestra que gestione ese sitio.',
    },
    accreditation: {
      positive: 'El emisor tiene una acreditación registrada por un organismo oficial o reconocido.',
    },
    'external-qa': {
      positive: 'Una agencia externa de garantía de calidad evalúa a este emisor (por ejemplo, en el registro europeo DEQAR).',
      neutral: 'No se encontró ninguna garantía de calidad externa que pueda atribuirse con seguridad a este emisor; es normal en empresas y en muchos centros de formación.',
    },
    'source-unavailable': {
      neutral: 'No se pudo consultar una lista de confianza o un registro; no cuenta ni a favor ni en contra del emisor.',
    },
    'not-assessed': {
      neutral: 'La credencial no superó la verificación, así que no consta quién la emitió y no se consultó ninguna lista de confianza.',
    },
  },

  elements: {
    learnerIdentification: {
      name: 'Identificación del educando',
      about: 'A quién se concedió la credencial, para comprobar que pertenece a la persona candidata.',
      missing: 'La credencial no dice a quién se concedió, así que no puede vincularse con la persona candidata.',
    },
    title: {
      name: 'Título de la microcredencial',
      about: 'Cómo se llama la credencial.',
    },
    issuerCountry: {
      name: 'País o región del emisor',
      about: 'Dónde tiene su sede la organización emisora y, por tanto, qué normas nacionales y sistemas de calidad se aplican.',
    },
    awardingBody: {
      name: 'Organismo que la concede',
      about: 'La organización que concedió la credencial y responde de ella.',
    },
    dateOfIssue: {
      name: 'Fecha de expedición',
      about: 'Cuándo se concedió la credencial y, por tanto, lo recientes que son los conocimientos.',
    },
    learningOutcomes: {
      name: 'Resultados del aprendizaje',
      about: 'Qué sabe o sabe hacer en concreto la persona titular tras la formación.',
      missing: 'La credencial no dice qué se aprendió ni qué sabe hacer la persona titular.',
    },
    workload: {
      name: 'Volumen de trabajo teórico (en créditos ECTS, siempre que sea posible)',
      about: 'Cuánto trabajo supuso la formación, en créditos ECTS cuando es posible (un crédito ECTS equivale a unas 25 a 30 horas).',
    },
    level: {
      name: 'Nivel (MEC, marco del EEES)',
      about: 'Lo exigente que fue la formación en la escala del 1 al 8 del Marco Europeo de Cualificaciones (el nivel 6 equivale al grado universitario).',
    },
    assessmentType: {
      name: 'Tipo de evaluación',
      about: 'Cómo se evaluó lo aprendido (examen, proyecto, portafolio) y si se evaluó.',
      missing: 'La credencial no dice cómo, ni si, se evaluó lo aprendido.',
    },
    participationForm: {
      name: 'Forma de participación en la actividad de aprendizaje',
      about: 'Si la formación fue en línea, presencial o mixta, o a través de voluntariado o experiencia laboral.',
    },
    qualityAssurance: {
      name: 'Tipo de garantía de calidad',
      about: 'Qué controles de calidad independientes respaldan la credencial, como una universidad acreditada o una agencia de garantía de calidad.',
      missing: 'La credencial no dice qué garantía de calidad la respalda.',
    },
    prerequisites: {
      name: 'Requisitos previos para inscribirse en la actividad de aprendizaje',
      about: 'Qué tenía que saber o tener la persona antes de empezar.',
    },
    supervisionAndIdentity: {
      name: 'Supervisión y verificación de la identidad durante la evaluación',
      about: 'Si la evaluación estuvo supervisada y se comprobó la identidad de quien la hizo, es decir, hasta qué punto es seguro que la persona titular hizo el trabajo.',
    },
    grade: {
      name: 'Calificación obtenida',
      about: 'Qué resultado obtuvo la persona titular.',
    },
    integration: {
      name: 'Opciones de integración y acumulación',
      about: 'Si la credencial es independiente o cuenta para una cualificación más amplia.',
    },
    furtherInformation: {
      name: 'Información adicional',
      about: 'Cualquier otra cosa que el emisor haya añadido sobre la credencial.',
    },
  },

  elementStates: {
    present: { label: 'Consta', sentence: 'La credencial lo indica.' },
    missing: { label: 'No consta', sentence: 'La credencial no lo indica.' },
    unclear: { label: 'Poco claro', sentence: 'La credencial lo menciona, pero no con la claridad suficiente para fiarse.' },
  },

  assessment: {
    assessed: {
      label: 'Con evaluación',
      meaning: 'Según la credencial, se evaluó lo aprendido: acredita un logro, no solo la asistencia.',
    },
    participation: {
      label: 'Solo participación',
      meaning: 'La credencial acredita asistencia o finalización; nada en ella indica que hubiera evaluación.',
    },
    unknown: {
      label: 'No consta',
      meaning: 'La credencial no dice si hubo evaluación o solo participación.',
    },
  },

  identityVerification: {
    'unsupervised-no-id': {
      label: 'Sin supervisión ni verificación de identidad',
      meaning: 'Nadie supervisó la evaluación ni comprobó quién la hizo, así que podría haberla hecho otra persona.',
    },
    'supervised-no-id': {
      label: 'Supervisada, sin verificación de identidad',
      meaning: 'La evaluación estuvo supervisada, pero nadie comprobó que quien la hizo fuera la persona titular.',
    },
    'supervised-online-id': {
      label: 'Supervisada en línea, con verificación de identidad',
      meaning: 'La evaluación se supervisó en línea y quien la hizo tuvo que acreditar su identidad.',
    },
    'supervised-onsite-id': {
      label: 'Supervisada presencialmente, con verificación de identidad',
      meaning: 'La evaluación se hizo de forma presencial y supervisada, y quien la hizo tuvo que acreditar su identidad.',
    },
  },

  recipient: {
    match: {
      label: 'Coincide con la persona candidata',
      meaning: 'La persona a la que se concedió la credencial coincide con el nombre o el correo electrónico que usted conoce de la persona candidata.',
    },
    mismatch: {
      label: 'Otra persona',
      meaning: 'La credencial se concedió a una persona distinta de la que usted indicó.',
    },
    unknown: {
      label: 'No se puede saber',
      meaning: 'No se pudo determinar si la credencial se concedió a esta persona, por ejemplo porque no nombra a nadie o porque no se facilitó un nombre o correo con el que comparar.',
    },
  },
};
