/**
 * Domain binding: does the web domain the issuer's identity is tied to (a did:web host, the host of
 * an https issuer id, the origin an OB 2.0 issuer profile is hosted at) match the homepage (`url`)
 * the issuer declares? The identifier's host is established by verification (the key or the hosted
 * profile came from there); the declared url is only what the credential says.
 */
import type { TrustInput, TrustSignal } from './types.js';
import { hostOfDidWeb, hostOfUrl, relateHosts, short } from './util.js';

/** The domain-binding signal, and the host the identity is bound to (when any). */
export interface DomainBinding {
  signal: TrustSignal;
  /** The host the issuer's identifier is tied to. */
  boundHost?: string;
  /** True when the declared homepage's host is the bound host or a subdomain relation of it. */
  urlBound: boolean;
}

/** Where the issuer's identity lives on the web, and how it was established. */
function boundHostOf(input: TrustInput): { host?: string; how: string } {
  const id = input.issuer.id;
  if (input.ob2) {
    const profileUrl = input.ob2.issuerSource ?? (id && /^https?:\/\//.test(id) ? id : undefined);
    const host = hostOfUrl(profileUrl);
    return host ? { host, how: `its Open Badges 2.0 profile is hosted on ${host}` } : { how: 'its Open Badges 2.0 profile is not hosted at a web address' };
  }
  if (!id) return { how: 'the credential names no issuer identifier' };
  if (id.startsWith('did:web:')) {
    const host = hostOfDidWeb(id);
    return host ? { host, how: `its identifier ${short(id, 80)} is a did:web on ${host}` } : { how: 'its did:web identifier names no valid host' };
  }
  if (/^https?:\/\//.test(id)) {
    const host = hostOfUrl(id);
    return host ? { host, how: `its identifier is a web address on ${host}` } : { how: 'its identifier is not a valid web address' };
  }
  const method = /^did:([a-z0-9]+):/.exec(id)?.[1];
  return { how: method ? `its identifier is a did:${method}, which is not tied to any web domain` : 'its identifier is not tied to any web domain' };
}

/** The domain-binding signal for a credential's issuer. */
export function domainBinding(input: TrustInput): DomainBinding {
  const { host, how } = boundHostOf(input);
  const declared = input.issuer.url;
  const urlHost = hostOfUrl(declared);
  const signal = (status: TrustSignal['status'], message: string): TrustSignal => ({ id: 'domain-binding', status, message });
  if (!host) {
    return {
      urlBound: false,
      signal: signal('neutral', `The issuer's homepage cannot be tied to the issuer: ${how}.${urlHost ? ` It declares ${short(declared!, 80)}, which is unconfirmed.` : ''}`),
    };
  }
  if (!declared) return { boundHost: host, urlBound: false, signal: signal('neutral', `The issuer declares no homepage to compare with its domain: ${how}.`) };
  if (!urlHost) {
    return { boundHost: host, urlBound: false, signal: signal('neutral', `The issuer's declared homepage (${short(declared, 80)}) is not a web address, so it cannot be compared with its domain ${host}.`) };
  }
  const relation = relateHosts(host, urlHost);
  if (relation === 'same') {
    return { boundHost: host, urlBound: true, signal: signal('positive', `The issuer's homepage ${short(declared, 80)} is on the domain its identity is tied to: ${how}.`) };
  }
  if (relation === 'related') {
    return { boundHost: host, urlBound: true, signal: signal('positive', `The issuer's homepage ${short(declared, 80)} and its identity (${host}) are on the same domain (one is a subdomain of the other): ${how}.`) };
  }
  return {
    boundHost: host,
    urlBound: false,
    signal: signal('negative', `The issuer's identity is tied to ${host}, but it declares its homepage as ${short(declared, 80)}, another domain: nothing shows the issuer runs that website.`),
  };
}
