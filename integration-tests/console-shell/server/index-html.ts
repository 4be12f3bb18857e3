/**
 * The host's index page, as the console's `frontend/public/index.html` (release-4.22) lays it
 * out: `<base>` for the SDK's relative URLs, the inline SERVER_FLAGS, `#popper-container` and
 * `#app`, and the theme bootstrap that runs before the first paint. The console keeps the theme
 * choice in localStorage under `bridge/theme` (`dark`, `light` or `systemDefault`, the default)
 * and marks a dark page with the class `pf-v6-theme-dark` on `<html>`; PatternFly's tokens do
 * the rest, so a plugin that uses only tokens follows without knowing.
 */
export const THEME_STORAGE_KEY = 'bridge/theme';
export const DARK_THEME_CLASS = 'pf-v6-theme-dark';

const themeBootstrap = `(function () {
  var choice = null;
  try { choice = window.localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)}); } catch (e) {}
  var dark = choice === 'dark' ||
    ((!choice || choice === 'systemDefault') &&
      window.matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark) document.documentElement.classList.add(${JSON.stringify(DARK_THEME_CLASS)});
})();`;

export const renderIndexHTML = (basePath: string, flags: unknown) => {
  const json = JSON.stringify(flags).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <base href="${basePath}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>OKD</title>
    <script>${themeBootstrap}</script>
    <script>window.SERVER_FLAGS = ${json};</script>
    <script defer src="${basePath}static/main.js"></script>
  </head>
  <body>
    <div id="popper-container"></div>
    <div id="app"></div>
  </body>
</html>
`;
};
