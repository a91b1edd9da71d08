/**
 * Settings page: language, automatic LinkedIn scanning, trust sources (switch on the public
 * registries, add a list by URL or pasted JSON), host access, local-network checks, and clearing
 * the result cache. Everything is stored locally; nothing here is sent anywhere.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../messaging.js';
import { isHttpUrl, normalizeSettings, type Settings, type TrustSourceKind, type TrustSourceSetting } from '../settings.js';

/** Origins asked for at run time so CredLens can read credentials wherever they are hosted. */
export const ANY_HOST = ['https://*/*', 'http://*/*'];

const KIND_LABELS: Record<TrustSourceKind, string> = {
  'credlens-list': 'CredLens trust list (JSON)',
  'dcc-legacy': 'DCC issuer registry (JSON)',
  'dcc-oidf': 'OpenID Federation trust anchor',
  ebsi: 'EBSI Trusted Issuers Registry',
  deqar: 'DEQAR',
};

/** The settings page. */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [hostAccess, setHostAccess] = useState<boolean | undefined>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    ask('get-settings', {}).then(setSettings, (e: Error) => setStatus(e.message));
    browser.permissions.contains({ origins: ANY_HOST }).then(setHostAccess, () => setHostAccess(false));
  }, []);

  if (!settings) return <p>{status || 'Loading…'}</p>;

  const save = async (next: Settings, note = 'Saved.') => {
    try {
      setSettings(await ask('set-settings', { settings: next }));
      setStatus(note);
    } catch (e) {
      setStatus((e as Error).message);
    }
  };
  const patchSource = (id: string, patch: Partial<TrustSourceSetting>) =>
    save({ ...settings, trustSources: settings.trustSources.map((s) => (s.id === id ? { ...s, ...patch } : s)) });

  return (
    <main class="cl-page">
      <h1>CredLens settings</h1>
      <p class="cl-muted">Everything here stays in this browser. CredLens sends nothing anywhere except the requests needed to verify a credential: the credential itself, its issuer's keys and status list, and the trust sources you switch on. No analytics.</p>

      <section aria-labelledby="s-general">
        <h2 id="s-general">General</h2>
        <label class="cl-row">
          Language of the verdicts and cards{' '}
          <select value={settings.lang} onChange={(e) => save({ ...settings, lang: (e.currentTarget as HTMLSelectElement).value as Settings['lang'] })}>
            <option value="auto">Browser language</option>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
            <option value="fr">Français</option>
            <option value="es">Español</option>
          </select>
        </label>
        <label class="cl-row">
          <input type="checkbox" checked={settings.autoScanLinkedIn} onChange={(e) => save({ ...settings, autoScanLinkedIn: (e.currentTarget as HTMLInputElement).checked })} /> Check credentials on LinkedIn profiles as they load
        </label>
        <label class="cl-row">
          <input type="checkbox" checked={settings.localNetwork} onChange={(e) => save({ ...settings, localNetwork: (e.currentTarget as HTMLInputElement).checked })} /> Also check credentials hosted on this computer or the local network (for developers and intranet issuers; off by default for safety)
        </label>
      </section>

      <section aria-labelledby="s-access">
        <h2 id="s-access">Access to credential sites</h2>
        <p class="cl-muted">Credentials live on many sites (issuers, badge platforms, DID documents, status lists). CredLens asks for access to them only when you allow it here; without it, only sites that allow cross-origin reading can be checked, and the rest show "could not check".</p>
        <p>
          {hostAccess ? 'CredLens may read credential sites. ' : 'CredLens has no general site access. '}
          {hostAccess ? (
            <button type="button" onClick={async () => setHostAccess(!(await browser.permissions.remove({ origins: ANY_HOST })))}>Remove access</button>
          ) : (
            <button type="button" onClick={async () => setHostAccess(await browser.permissions.request({ origins: ANY_HOST }))}>Allow reading credential sites</button>
          )}
        </p>
      </section>

      <section aria-labelledby="s-trust">
        <h2 id="s-trust">Trust sources</h2>
        <p class="cl-muted">Trust lists and registries say who an issuer is. They add signals beside the verdict; they never change whether a credential is genuine. Each source you switch on is asked about the issuers of the credentials you check.</p>
        <ul class="cl-list">
          {settings.trustSources.map((s) => (
            <li key={s.id} class="cl-row">
              <label>
                <input type="checkbox" checked={s.enabled} onChange={(e) => patchSource(s.id, { enabled: (e.currentTarget as HTMLInputElement).checked })} /> {s.name}
              </label>{' '}
              <span class="cl-muted">{KIND_LABELS[s.kind]}{s.url ? ` · ${s.url}` : s.json ? ' · pasted list' : ''}</span>{' '}
              {!s.builtIn && (
                <button type="button" onClick={() => save({ ...settings, trustSources: settings.trustSources.filter((t) => t.id !== s.id) }, 'Removed.')}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
        <AddSource onAdd={(s) => save(normalizeSettings({ ...settings, trustSources: [...settings.trustSources, s] }), 'Added.')} />
      </section>

      <section aria-labelledby="s-cache">
        <h2 id="s-cache">Cached results</h2>
        <p class="cl-muted">Results are reused for ten minutes so a page does not re-check what it just checked.</p>
        <button type="button" onClick={async () => setStatus(`Cleared ${(await ask('clear-cache', {})).cleared} cached results.`)}>Clear cached results</button>
      </section>

      <section aria-labelledby="s-tools">
        <h2 id="s-tools">Tools</h2>
        <p>
          <a href={browser.runtime.getURL('/learner.html')}>Preview your own badge</a> (learners) ·{' '}
          <a href={browser.runtime.getURL('/cv.html')}>Check a CV file (PDF or DOCX)</a>
        </p>
      </section>
      <p role="status" aria-live="polite" class="cl-status">{status}</p>
    </main>
  );
}

function AddSource({ onAdd }: { onAdd: (s: TrustSourceSetting) => void }) {
  const [kind, setKind] = useState<TrustSourceKind>('credlens-list');
  const [name, setName] = useState('');
  const [where, setWhere] = useState('');
  const [error, setError] = useState('');
  const pasteAllowed = kind === 'credlens-list' || kind === 'dcc-legacy';
  const submit = (e: Event) => {
    e.preventDefault();
    const value = where.trim();
    const isUrl = isHttpUrl(value);
    if (!isUrl && !(pasteAllowed && value.startsWith('{'))) return setError(pasteAllowed ? 'Enter an https URL, or paste the list as JSON.' : 'Enter an https URL.');
    if (!isUrl) {
      try {
        JSON.parse(value);
      } catch {
        return setError('The pasted list is not valid JSON.');
      }
    }
    setError('');
    onAdd({ id: `user-${Date.now().toString(36)}`, kind, name: name.trim() || (isUrl ? value : 'Pasted trust list'), ...(isUrl ? { url: value } : { json: value }), enabled: true });
    setName('');
    setWhere('');
  };
  return (
    <form class="cl-form" onSubmit={submit} aria-label="Add a trust source">
      <label>
        Kind{' '}
        <select value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as TrustSourceKind)}>
          {Object.entries(KIND_LABELS).map(([k, label]) => (
            <option key={k} value={k}>{label}</option>
          ))}
        </select>
      </label>
      <label>
        Name <input value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} placeholder="Our approved issuers" />
      </label>
      <label>
        {pasteAllowed ? 'URL or pasted JSON' : 'URL'}{' '}
        <textarea rows={2} value={where} onInput={(e) => setWhere((e.currentTarget as HTMLTextAreaElement).value)} placeholder="https://…" />
      </label>
      <button type="submit">Add source</button>
      {error && <p role="alert" class="cl-error">{error}</p>}
    </form>
  );
}
