/**
 * Pieces the extension pages share: the language and settings hooks, a file drop zone, base64 for
 * files crossing the message boundary, a bounded-concurrency runner, and error sentences.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from '../../../../sdk/explain/types.js';
import { ask } from '../../messaging.js';
import { normalizeSettings, resolveLang, type Settings } from '../../settings.js';

/** The user's settings (undefined until loaded), kept current when they change in another page. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    ask('get-settings', {}).then(
      (s) => live && setSettings(s),
      () => live && setSettings(normalizeSettings(undefined)),
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
      if (changes.settings) setSettings(normalizeSettings(changes.settings.newValue));
    };
    browser.storage?.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage?.onChanged.removeListener(onChanged);
    };
  }, []);
  return settings;
}

/** The UI language: the setting, else the browser's language when CredLens speaks it, else English. Also sets <html lang>. */
export function useLang(settings: Settings | undefined): Lang {
  const lang = resolveLang(settings?.lang ?? 'auto', navigator.language);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return lang;
}

/** The message of anything thrown, for a person. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The error code of anything thrown (BackgroundError, CvError, SDK errors), else 'internal'. */
export function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'internal';
}

/** Base64 of `bytes` (a dropped badge image crosses the message boundary as text). */
export { base64Encode as toBase64 } from '../../../../sdk/util/bytes.js';

/** Runs `fn` on every item with at most `limit` in flight; `fn` must handle its own errors. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        await fn(items[i]!, i);
      } catch {
        // fn reports its own failures; one failure never stops the others
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(0, Math.min(limit, items.length)) }, worker));
}

/**
 * A file chooser that also accepts a dropped file. The input is a real, labelled file input (keyboard
 * and screen-reader friendly); the whole zone takes drops. Drops elsewhere on the page are ignored
 * rather than opening the file in the tab.
 */
export function DropZone({ label, help, accept, disabled, onFile }: { label: string; help: string; accept: string; disabled?: boolean; onFile: (f: File) => void }) {
  const [over, setOver] = useState(false);
  const id = useId();
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
  return (
    <div
      class="cl-drop"
      data-over={over ? 'true' : 'false'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        const f = e.dataTransfer?.files?.[0];
        if (f && !disabled) onFile(f);
      }}
    >
      <label class="cl-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const f = input.files?.[0];
          input.value = '';
          if (f) onFile(f);
        }}
      />
      <p id={`${id}-help`} class="cl-small cl-muted">
        {help}
      </p>
    </div>
  );
}
