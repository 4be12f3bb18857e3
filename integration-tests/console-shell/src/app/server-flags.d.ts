export type ServerFlags = {
  basePath: string;
  consolePlugins: string[];
  releaseVersion: string;
  i18nNamespaces: string[];
  consoleVersion: string;
  authDisabled: boolean;
  loginURL: string;
  logoutURL: string;
  logoutRedirect: string;
  userSettingsLocation: string;
  perspectives: string;
  branding: string;
  customProductName: string;
  k8sMode: string;
  /** Development host only: the identities the bridge can proxy as, and the current one. */
  devHost?: { users: string[]; user: string; cluster: string };
};

declare global {
  interface Window {
    SERVER_FLAGS: ServerFlags;
    windowError?: string;
  }
}
