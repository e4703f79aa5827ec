// Stylesheets Podium serves or inlines must load nothing from third-party hosts: several reveal.js
// themes @import Google Fonts. Shared by scripts/build-vendor-assets.mjs (the app's own copies)
// and the self-contained HTML export (server/library/html-export.ts); plain JavaScript so the
// build script runs without a TypeScript loader.

// Any @import of a remote stylesheet (Google Fonts in several reveal.js themes).
const REMOTE_IMPORT = /@import\s+(?:url\()?["']?https?:\/\/[^;]*;/g;
const STILL_REMOTE = /(?:url\(|@import)\s*["']?https?:/i;

/** The stylesheet without remote @imports; throws when it would still load something from another host. */
export function stripRemoteImports(css, fileName) {
  const stripped = css.replace(REMOTE_IMPORT, "");
  if (STILL_REMOTE.test(stripped)) throw new Error(`${fileName} still loads something from another host`);
  return stripped;
}
