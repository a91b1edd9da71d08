/**
 * The learner page: check your own credential (a link, pasted JSON / JWT, or a baked badge image or
 * .json / .jwt file) and see exactly the card a recruiter sees, plus what to ask the issuer for.
 * `?url=` pre-fills and checks a link.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { ask } from '../../messaging.js';
import { failedItem, MAX_INPUT_BYTES, type Item, type LearnerInput } from '../../protocol.js';
import { isHttpUrl } from '../../settings.js';
import { Card } from '../Card.js';
import { Checklist } from '../Checklist.js';
import { fill, pageStrings, strings } from '../strings.js';
import { DropZone, toBase64, useLang, useSettings } from './common.js';

/** The learner page. */
export function LearnerApp() {
  const lang = useLang(useSettings());
  const s = strings(lang);
  const p = pageStrings(lang);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [busy, setBusy] = useState(false);
  const [item, setItem] = useState<Item>();
  const [error, setError] = useState<string>();
  const ids = useId();

  const run = async (input: LearnerInput, label: string) => {
    setBusy(true);
    setError(undefined);
    setItem({ state: 'pending', url: input.kind === 'url' ? input.url : '', ...(label ? { text: label } : {}) });
    try {
      const name = owner.trim();
      const res = await ask('verify-input', { input, ...(name ? { owner: name } : {}) });
      setItem(label && !res.text ? { ...res, text: label } : res);
    } catch (e) {
      setItem(failedItem({ url: input.kind === 'url' ? input.url : '' }, e));
    } finally {
      setBusy(false);
    }
  };

  const submitText = (e?: Event) => {
    e?.preventDefault();
    const t = text.trim();
    if (!t) return setError(p.emptyInput);
    void (isHttpUrl(t) && !/\s/.test(t) ? run({ kind: 'url', url: t }, '') : run({ kind: 'text', text: t }, ''));
  };

  const submitFile = async (f: File) => {
    if (f.size > MAX_INPUT_BYTES) return setError(fill(p.fileTooLarge, { max: MAX_INPUT_BYTES / (1024 * 1024) }));
    const bytes = new Uint8Array(await f.arrayBuffer());
    void run({ kind: 'bytes', base64: toBase64(bytes), name: f.name }, f.name);
  };

  useEffect(() => {
    const url = new URLSearchParams(location.search).get('url');
    if (url && isHttpUrl(url)) {
      setText(url);
      void run({ kind: 'url', url }, '');
    }
    // Runs once, on the page's own query.
  }, []);

  return (
    <main class="cl-page">
      <h1>{p.learnerTitle}</h1>
      <p class="cl-muted">{p.learnerIntro}</p>
      <form onSubmit={submitText} aria-busy={busy}>
        <div class="cl-field">
          <label for={`${ids}-text`}>{p.pasteLabel}</label>
          <textarea
            id={`${ids}-text`}
            value={text}
            aria-describedby={`${ids}-text-help`}
            spellcheck={false}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <p id={`${ids}-text-help`} class="cl-small cl-muted">
            {p.pasteHelp}
          </p>
        </div>
        <div class="cl-field">
          <label for={`${ids}-owner`}>{p.ownerLabel}</label>
          <input
            id={`${ids}-owner`}
            type="text"
            value={owner}
            autocomplete="name"
            aria-describedby={`${ids}-owner-help`}
            onInput={(e) => setOwner((e.currentTarget as HTMLInputElement).value)}
          />
          <p id={`${ids}-owner-help`} class="cl-small cl-muted">
            {p.ownerHelp}
          </p>
        </div>
        <button type="submit" class="cl-primary" disabled={busy}>
          {busy ? s.checking : p.check}
        </button>
      </form>
      <DropZone label={p.fileLabel} help={`${p.fileHelp} ${p.dropHere}.`} accept=".png,.svg,.json,.jwt,.jws,.txt,image/png,image/svg+xml,application/json" disabled={busy} onFile={(f) => void submitFile(f)} />
      {error && (
        <p role="alert" class="cl-error">
          {error}
        </p>
      )}
      <div class="cl-results" aria-live="polite">
        {item && <Card item={item} lang={lang} />}
        {item && <Checklist item={item} lang={lang} />}
      </div>
    </main>
  );
}
