/** Build-time values WXT / Vite put into the bundle. */
interface ImportMetaEnv {
  /** 'production' for store builds, 'e2e' for the test build (also runs on and fetches from localhost). */
  readonly MODE: string;
  /** Target browser: 'chrome' | 'firefox' | ... */
  readonly BROWSER: string;
  readonly FIREFOX: boolean;
  readonly CHROME: boolean;
  readonly MANIFEST_VERSION: 2 | 3;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
