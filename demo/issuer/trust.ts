/**
 * The demo's trust list: the issuers a recruiter's organisation (or a registry it relies on) has
 * checked. A plain JSON format of CredLens's own, which the SDK's trust-list loader reads:
 *
 * ```json
 * {
 *   "name": "…", "updated": "2025-11-05T00:00:00Z",
 *   "issuers": [{
 *     "id": "did:web:… | https://…",            // the issuer id a credential names (DID or OB 2.0 profile URL)
 *     "name": "…", "country": "AT",               // ISO 3166-1 alpha-2
 *     "kind": "university | professional-body | company | platform | qa-agency",
 *     "url": "https://…",                          // optional: the issuer's homepage
 *     "accreditation": {                           // optional: how the issuer is quality-assured
 *       "by": "…", "byId": "did:… | https://…", "type": "…", "decision": "…",
 *       "validFrom": "YYYY-MM-DD", "validUntil": "YYYY-MM-DD", "register": "https://…"
 *     },
 *     "trustedEndorser": true                     // optional: endorsements by this issuer count as a trust signal
 *   }]
 * }
 * ```
 *
 * The "unknown" issuer of the demo is deliberately absent: its credentials verify, and trust is
 * reported beside the verdict as `unknown`.
 */
import type { TrustListDocument, TrustListEntry } from '../../sdk/trust/credlens-list.js';
import type { DemoIssuer, DemoIssuers } from './issuers.js';

/** The list's shapes are the SDK's own: the demo writes exactly what `credlensTrustList` reads. */
export type TrustList = TrustListDocument;
export type TrustListIssuer = TrustListEntry;

function entry(i: DemoIssuer, extra: Partial<TrustListIssuer> = {}): TrustListIssuer {
  return { id: i.id, name: i.name, country: i.countryCode, kind: i.kind, url: i.url, ...extra };
}

/** Builds the demo trust list for the issuers of one run (their did:web ids carry the port). */
export function buildTrustList(issuers: DemoIssuers): TrustList {
  return {
    name: 'CredLens demo trust list (invented organisations)',
    updated: '2025-11-05T00:00:00Z',
    issuers: [
      entry(issuers.university, {
        accreditation: {
          by: issuers.qaAgency.name,
          byId: issuers.qaAgency.id,
          type: 'Institutional accreditation (audit)',
          decision: 'QAA-AR/IA/2023/017',
          validFrom: '2023-03-14',
          validUntil: '2030-03-13',
          register: 'https://www.deqar.eu/',
        },
      }),
      entry(issuers.qaAgency, {
        accreditation: { by: 'European Quality Assurance Register for Higher Education (EQAR)', type: 'Registered quality assurance agency', register: 'https://www.eqar.eu/' },
        trustedEndorser: true,
      }),
      entry(issuers.elm, {
        accreditation: {
          by: 'Národní akreditační úřad pro vysoké školství (NAÚ)',
          type: 'Institutional accreditation',
          decision: 'NAÚ/IA/2022/0153',
          validFrom: '2022-09-01',
          validUntil: '2032-08-31',
          register: 'https://www.nauvs.cz/',
        },
      }),
      entry(issuers.vendor),
      entry(issuers.webinar),
      entry(issuers.firstAid),
      entry(issuers.bootcamp),
      entry(issuers.ob2Hosted),
      entry(issuers.ob2Signed),
      // issuers.unknown is on no list, on purpose.
    ],
  };
}
