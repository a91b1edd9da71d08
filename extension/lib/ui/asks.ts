/**
 * For learners: for each EU mandatory element, the concrete thing to ask the issuer for when the
 * credential lacks it, and the fixes for other problems CredLens found, in every language CredLens
 * speaks. Used by the Checklist only (not bundled into the content script).
 */
import type { MANDATORY_ELEMENTS } from '../../../sdk/report/types.js';
import type { Lang } from '../../../sdk/explain/types.js';

/** Keys of the EU mandatory elements. */
export type MandatoryKey = (typeof MANDATORY_ELEMENTS)[number];

/** Fixes for problems other than missing elements. */
export type ProblemKey =
  | 'invalid'
  | 'revoked'
  | 'expired'
  | 'notYetValid'
  | 'keyUnverifiable'
  | 'unsupportedSignature'
  | 'noSignature'
  | 'statusUnreadable'
  | 'noStatus'
  | 'nameNotStated'
  | 'recipientMismatch'
  | 'issuerUnknown'
  | 'issuerDistrusted'
  | 'fetchFailed';

/** One language's asks. A language lacking one does not compile. */
export interface Asks {
  elements: Record<MandatoryKey, string>;
  /** Added when an element is only `unclear` (mentioned in free text). */
  unclear: string;
  problems: Record<ProblemKey, string>;
}

const en: Asks = {
  elements: {
    learnerIdentification: 'Ask the issuer to state your full name in the credential (in the credential subject), so an employer can see it was awarded to you.',
    title: 'Ask the issuer to give the credential a title that says what you achieved.',
    issuerCountry: 'Ask the issuer to state the country where it is based in its profile (its address, with the country).',
    awardingBody: 'Ask the issuer to name the organisation that awards the credential (the issuer\'s name, not only an identifier).',
    dateOfIssue: 'Ask the issuer to state the date the credential was awarded.',
    learningOutcomes: 'Ask the issuer to list what you know or can do after the learning, as learning outcomes or aligned skills (for example ESCO skills).',
    workload: 'Ask the issuer to state the notional workload, in ECTS credits where possible (or in hours).',
    level: 'Ask the issuer to state the level of the learning on the European Qualifications Framework (EQF 1–8) or your national framework.',
    assessmentType: 'Ask the issuer to state how your learning was assessed (exam, project, portfolio…), for example with the Open Badges assessment fields.',
    participationForm: 'Ask the issuer to state how you took part: online, on site or blended, or through volunteering or work experience.',
    qualityAssurance: 'Ask the issuer to state the quality assurance behind the credential: its accreditation, or the agency that reviews it.',
  },
  unclear: 'It is only mentioned in free text; ask for it in the credential\'s own field, so software and employers can read it reliably.',
  problems: {
    invalid: 'The credential does not pass verification, so none of it counts. Ask the issuer for a new, correctly signed copy.',
    revoked: 'The issuer has withdrawn this credential. Ask the issuer why, and whether it can be reinstated or reissued.',
    expired: 'The credential has expired. Ask the issuer whether it can be renewed.',
    notYetValid: 'The credential is not in force yet; it counts only from its start date. If that date is wrong, ask the issuer to correct it.',
    keyUnverifiable: 'The key that signed the credential could not be found or tied to the issuer. Ask the issuer to publish it (its DID document or key file) at a reachable address.',
    unsupportedSignature: 'The credential is signed with a method CredLens cannot check. Ask the issuer to reissue it with a widely supported signature (for example eddsa-rdfc-2022).',
    noSignature: 'The credential carries no digital signature, so anyone could have written it. Ask the issuer for a signed credential.',
    statusUnreadable: 'The issuer\'s withdrawal list could not be read, so no one can confirm the credential is still in force. Tell the issuer.',
    noStatus: 'The credential has no withdrawal (revocation) status. Ask the issuer to add one, so employers can confirm it is still in force.',
    nameNotStated: 'The credential identifies you only by an identifier or a hashed e-mail address. Ask the issuer to add your name, so an employer can see it is yours.',
    recipientMismatch: 'The name on the credential does not match the name you entered. Check the spelling, or ask the issuer to correct your name.',
    issuerUnknown: 'No trust list or registry that was consulted vouches for the issuer. Ask the issuer whether it is listed in a recognised registry or accredited, and to say so in the credential.',
    issuerDistrusted: 'A trust list marks the issuer as untrustworthy. Ask the issuer about its status before relying on this credential.',
    fetchFailed: 'The credential could not be read. Ask the issuer for the credential\'s verification link or a file you can download.',
  },
};

const de: Asks = {
  elements: {
    learnerIdentification: 'Bitten Sie den Aussteller, Ihren vollständigen Namen in den Nachweis aufzunehmen (beim Empfänger), damit Arbeitgeber sehen, dass er Ihnen verliehen wurde.',
    title: 'Bitten Sie den Aussteller, dem Nachweis einen Titel zu geben, der sagt, was Sie erreicht haben.',
    issuerCountry: 'Bitten Sie den Aussteller, in seinem Profil das Land anzugeben, in dem er ansässig ist (seine Adresse mit Land).',
    awardingBody: 'Bitten Sie den Aussteller, die verleihende Organisation mit Namen zu nennen (nicht nur mit einer Kennung).',
    dateOfIssue: 'Bitten Sie den Aussteller, das Datum der Verleihung anzugeben.',
    learningOutcomes: 'Bitten Sie den Aussteller, aufzuführen, was Sie nach dem Lernen wissen oder können, als Lernergebnisse oder zugeordnete Kompetenzen (zum Beispiel ESCO).',
    workload: 'Bitten Sie den Aussteller, den Arbeitsaufwand anzugeben, möglichst in ECTS-Punkten (oder in Stunden).',
    level: 'Bitten Sie den Aussteller, das Niveau nach dem Europäischen Qualifikationsrahmen (EQR 1–8) oder dem nationalen Rahmen (DQR) anzugeben.',
    assessmentType: 'Bitten Sie den Aussteller anzugeben, wie Ihr Lernen geprüft wurde (Prüfung, Projekt, Portfolio…), etwa mit den Prüfungsfeldern von Open Badges.',
    participationForm: 'Bitten Sie den Aussteller anzugeben, wie Sie teilgenommen haben: online, vor Ort oder gemischt, oder durch Ehrenamt oder Berufserfahrung.',
    qualityAssurance: 'Bitten Sie den Aussteller, die Qualitätssicherung anzugeben: seine Akkreditierung oder die Agentur, die ihn begutachtet.',
  },
  unclear: 'Es steht nur im Fließtext; bitten Sie darum, es im eigenen Feld des Nachweises anzugeben, damit Software und Arbeitgeber es verlässlich lesen können.',
  problems: {
    invalid: 'Der Nachweis besteht die Prüfung nicht, daher zählt nichts davon. Bitten Sie den Aussteller um eine neue, korrekt signierte Fassung.',
    revoked: 'Der Aussteller hat diesen Nachweis widerrufen. Fragen Sie nach dem Grund und ob er wieder gültig gemacht oder neu ausgestellt werden kann.',
    expired: 'Der Nachweis ist abgelaufen. Fragen Sie den Aussteller, ob er verlängert werden kann.',
    notYetValid: 'Der Nachweis gilt erst ab seinem Startdatum. Ist dieses Datum falsch, bitten Sie den Aussteller um Korrektur.',
    keyUnverifiable: 'Der Schlüssel, mit dem der Nachweis signiert wurde, wurde nicht gefunden oder nicht dem Aussteller zugeordnet. Bitten Sie den Aussteller, ihn (sein DID-Dokument oder seine Schlüsseldatei) unter einer erreichbaren Adresse zu veröffentlichen.',
    unsupportedSignature: 'Der Nachweis ist mit einem Verfahren signiert, das CredLens nicht prüfen kann. Bitten Sie den Aussteller um eine Neuausstellung mit einer verbreiteten Signatur (zum Beispiel eddsa-rdfc-2022).',
    noSignature: 'Der Nachweis trägt keine digitale Signatur; jeder könnte ihn geschrieben haben. Bitten Sie den Aussteller um einen signierten Nachweis.',
    statusUnreadable: 'Die Widerrufsliste des Ausstellers ließ sich nicht lesen, daher kann niemand bestätigen, dass der Nachweis noch gilt. Informieren Sie den Aussteller.',
    noStatus: 'Der Nachweis hat keinen Widerrufsstatus. Bitten Sie den Aussteller, einen hinzuzufügen, damit Arbeitgeber bestätigen können, dass er noch gilt.',
    nameNotStated: 'Der Nachweis nennt Sie nur über eine Kennung oder eine verschlüsselte E-Mail-Adresse. Bitten Sie den Aussteller, Ihren Namen aufzunehmen, damit Arbeitgeber sehen, dass er Ihnen gehört.',
    recipientMismatch: 'Der Name auf dem Nachweis stimmt nicht mit dem eingegebenen Namen überein. Prüfen Sie die Schreibweise, oder bitten Sie den Aussteller, Ihren Namen zu korrigieren.',
    issuerUnknown: 'Keine abgefragte Vertrauensliste und kein Register bürgt für den Aussteller. Fragen Sie den Aussteller, ob er in einem anerkannten Register steht oder akkreditiert ist, und ob er das im Nachweis angeben kann.',
    issuerDistrusted: 'Eine Vertrauensliste stuft den Aussteller als nicht vertrauenswürdig ein. Fragen Sie den Aussteller nach seinem Status, bevor Sie sich auf den Nachweis berufen.',
    fetchFailed: 'Der Nachweis ließ sich nicht lesen. Bitten Sie den Aussteller um den Prüf-Link des Nachweises oder eine Datei zum Herunterladen.',
  },
};

const fr: Asks = {
  elements: {
    learnerIdentification: 'Demandez à l’émetteur d’indiquer votre nom complet dans le certificat (pour le titulaire), afin qu’un employeur voie qu’il vous a été délivré.',
    title: 'Demandez à l’émetteur de donner au certificat un intitulé qui dise ce que vous avez accompli.',
    issuerCountry: 'Demandez à l’émetteur d’indiquer dans son profil le pays où il est établi (son adresse, avec le pays).',
    awardingBody: 'Demandez à l’émetteur de nommer l’organisme qui délivre le certificat (son nom, pas seulement un identifiant).',
    dateOfIssue: 'Demandez à l’émetteur d’indiquer la date de délivrance du certificat.',
    learningOutcomes: 'Demandez à l’émetteur d’énumérer ce que vous savez ou savez faire après la formation, sous forme d’acquis d’apprentissage ou de compétences alignées (par exemple ESCO).',
    workload: 'Demandez à l’émetteur d’indiquer la charge de travail, en crédits ECTS si possible (ou en heures).',
    level: 'Demandez à l’émetteur d’indiquer le niveau selon le cadre européen des certifications (CEC 1–8) ou le cadre national.',
    assessmentType: 'Demandez à l’émetteur d’indiquer comment vos acquis ont été évalués (examen, projet, portfolio…), par exemple avec les champs d’évaluation d’Open Badges.',
    participationForm: 'Demandez à l’émetteur d’indiquer votre forme de participation : en ligne, sur place ou hybride, ou par le bénévolat ou l’expérience professionnelle.',
    qualityAssurance: 'Demandez à l’émetteur d’indiquer l’assurance qualité du certificat : son accréditation, ou l’agence qui l’évalue.',
  },
  unclear: 'Ce n’est mentionné que dans un texte libre ; demandez que ce soit indiqué dans le champ prévu du certificat, pour que logiciels et employeurs puissent le lire de façon fiable.',
  problems: {
    invalid: 'Le certificat ne passe pas la vérification, donc rien n’en compte. Demandez à l’émetteur un nouvel exemplaire correctement signé.',
    revoked: 'L’émetteur a retiré ce certificat. Demandez-lui pourquoi, et s’il peut être rétabli ou délivré à nouveau.',
    expired: 'Le certificat a expiré. Demandez à l’émetteur s’il peut être renouvelé.',
    notYetValid: 'Le certificat n’est valable qu’à partir de sa date de début. Si cette date est erronée, demandez à l’émetteur de la corriger.',
    keyUnverifiable: 'La clé qui a signé le certificat est introuvable ou n’a pas pu être rattachée à l’émetteur. Demandez à l’émetteur de la publier (son document DID ou son fichier de clé) à une adresse accessible.',
    unsupportedSignature: 'Le certificat est signé avec une méthode que CredLens ne sait pas vérifier. Demandez à l’émetteur de le délivrer à nouveau avec une signature répandue (par exemple eddsa-rdfc-2022).',
    noSignature: 'Le certificat ne porte aucune signature numérique : n’importe qui aurait pu l’écrire. Demandez à l’émetteur un certificat signé.',
    statusUnreadable: 'La liste de retrait de l’émetteur n’a pas pu être lue, donc personne ne peut confirmer que le certificat est toujours valable. Prévenez l’émetteur.',
    noStatus: 'Le certificat n’a pas de statut de retrait. Demandez à l’émetteur d’en ajouter un, pour que les employeurs puissent confirmer qu’il est toujours valable.',
    nameNotStated: 'Le certificat ne vous désigne que par un identifiant ou une adresse e-mail chiffrée. Demandez à l’émetteur d’ajouter votre nom, pour qu’un employeur voie qu’il est à vous.',
    recipientMismatch: 'Le nom sur le certificat ne correspond pas au nom saisi. Vérifiez l’orthographe, ou demandez à l’émetteur de corriger votre nom.',
    issuerUnknown: 'Aucune liste de confiance ni aucun registre consulté ne se porte garant de l’émetteur. Demandez à l’émetteur s’il figure dans un registre reconnu ou s’il est accrédité, et de l’indiquer dans le certificat.',
    issuerDistrusted: 'Une liste de confiance signale l’émetteur comme non fiable. Renseignez-vous auprès de l’émetteur avant de vous appuyer sur ce certificat.',
    fetchFailed: 'Le certificat n’a pas pu être lu. Demandez à l’émetteur le lien de vérification du certificat ou un fichier à télécharger.',
  },
};

const es: Asks = {
  elements: {
    learnerIdentification: 'Pida al emisor que indique su nombre completo en la credencial (en el titular), para que un empleador vea que se le otorgó a usted.',
    title: 'Pida al emisor que dé a la credencial un título que diga lo que usted logró.',
    issuerCountry: 'Pida al emisor que indique en su perfil el país donde tiene su sede (su dirección, con el país).',
    awardingBody: 'Pida al emisor que nombre la organización que otorga la credencial (su nombre, no solo un identificador).',
    dateOfIssue: 'Pida al emisor que indique la fecha en que se otorgó la credencial.',
    learningOutcomes: 'Pida al emisor que enumere lo que usted sabe o sabe hacer tras el aprendizaje, como resultados de aprendizaje o competencias alineadas (por ejemplo ESCO).',
    workload: 'Pida al emisor que indique la carga de trabajo, en créditos ECTS si es posible (o en horas).',
    level: 'Pida al emisor que indique el nivel según el Marco Europeo de Cualificaciones (MEC 1–8) o el marco nacional.',
    assessmentType: 'Pida al emisor que indique cómo se evaluó su aprendizaje (examen, proyecto, portafolio…), por ejemplo con los campos de evaluación de Open Badges.',
    participationForm: 'Pida al emisor que indique cómo participó: en línea, presencial o mixto, o mediante voluntariado o experiencia laboral.',
    qualityAssurance: 'Pida al emisor que indique el aseguramiento de la calidad de la credencial: su acreditación o la agencia que lo evalúa.',
  },
  unclear: 'Solo se menciona en texto libre; pida que figure en el campo propio de la credencial, para que programas y empleadores puedan leerlo con fiabilidad.',
  problems: {
    invalid: 'La credencial no supera la verificación, así que nada de ella cuenta. Pida al emisor una copia nueva firmada correctamente.',
    revoked: 'El emisor ha retirado esta credencial. Pregúntele por qué y si se puede restablecer o volver a expedir.',
    expired: 'La credencial ha caducado. Pregunte al emisor si se puede renovar.',
    notYetValid: 'La credencial solo es válida a partir de su fecha de inicio. Si esa fecha es errónea, pida al emisor que la corrija.',
    keyUnverifiable: 'La clave que firmó la credencial no se encontró o no se pudo vincular al emisor. Pida al emisor que la publique (su documento DID o su archivo de clave) en una dirección accesible.',
    unsupportedSignature: 'La credencial está firmada con un método que CredLens no puede comprobar. Pida al emisor que la vuelva a expedir con una firma extendida (por ejemplo eddsa-rdfc-2022).',
    noSignature: 'La credencial no lleva firma digital, así que cualquiera podría haberla escrito. Pida al emisor una credencial firmada.',
    statusUnreadable: 'No se pudo leer la lista de retirada del emisor, así que nadie puede confirmar que la credencial sigue vigente. Avise al emisor.',
    noStatus: 'La credencial no tiene estado de retirada (revocación). Pida al emisor que lo añada, para que los empleadores puedan confirmar que sigue vigente.',
    nameNotStated: 'La credencial solo le identifica mediante un identificador o un correo electrónico cifrado. Pida al emisor que añada su nombre, para que un empleador vea que es suya.',
    recipientMismatch: 'El nombre de la credencial no coincide con el que ha escrito. Compruebe la ortografía o pida al emisor que corrija su nombre.',
    issuerUnknown: 'Ninguna lista de confianza ni registro consultado avala al emisor. Pregunte al emisor si figura en un registro reconocido o está acreditado, y que lo indique en la credencial.',
    issuerDistrusted: 'Una lista de confianza marca al emisor como no fiable. Pregunte al emisor por su situación antes de basarse en esta credencial.',
    fetchFailed: 'No se pudo leer la credencial. Pida al emisor el enlace de verificación de la credencial o un archivo descargable.',
  },
};

/** The learner asks of every language. */
export const ASKS: { readonly [L in Lang]: Asks } = { en, de, fr, es };

/** The asks in `lang` (English for a language CredLens does not speak). */
export function asks(lang: Lang): Asks {
  return Object.prototype.hasOwnProperty.call(ASKS, lang) ? ASKS[lang] : ASKS.en;
}
