// Puts what the sandboxed deck frame loads into public/vendor/ (git-ignored), so Podium serves it
// itself and loads nothing from third-party hosts: reveal.js's CSS and themes (their Google Fonts
// @imports removed; the fonts fall back to the theme's next family), KaTeX's CSS and fonts, the
// code colours, and the frame's script bundled with reveal.js. Run at install and before builds.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { stripRemoteImports } from "../core/remote-css.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const vendor = path.join(root, "public", "vendor");
const modules = path.join(root, "node_modules");

function copyCss(from, to) {
  writeFileSync(to, stripRemoteImports(readFileSync(from, "utf8"), from));
}

rmSync(vendor, { recursive: true, force: true });
mkdirSync(path.join(vendor, "reveal", "theme"), { recursive: true });
mkdirSync(path.join(vendor, "katex", "fonts"), { recursive: true });

const reveal = path.join(modules, "reveal.js", "dist");
copyCss(path.join(reveal, "reset.css"), path.join(vendor, "reveal", "reset.css"));
copyCss(path.join(reveal, "reveal.css"), path.join(vendor, "reveal", "reveal.css"));
copyCss(path.join(reveal, "plugin", "highlight", "monokai.css"), path.join(vendor, "reveal", "monokai.css"));
for (const file of readdirSync(path.join(reveal, "theme"))) {
  if (file.endsWith(".css")) copyCss(path.join(reveal, "theme", file), path.join(vendor, "reveal", "theme", file));
}

const katex = path.join(modules, "katex", "dist");
copyCss(path.join(katex, "katex.min.css"), path.join(vendor, "katex", "katex.min.css"));
for (const file of readdirSync(path.join(katex, "fonts"))) {
  if (file.endsWith(".woff2") || file.endsWith(".woff")) copyFileSync(path.join(katex, "fonts", file), path.join(vendor, "katex", "fonts", file));
}

// Lato, which the community-call decks ask for in their <style> and several reveal.js themes name
// (their Google Fonts import is removed above): latin and latin-ext, regular and bold, upright and
// italic, woff2 only.
const lato = path.join(modules, "@fontsource", "lato");
mkdirSync(path.join(vendor, "fonts", "lato"), { recursive: true });
let latoCss = "";
for (const face of ["400", "400-italic", "700", "700-italic"]) {
  latoCss += readFileSync(path.join(lato, `${face}.css`), "utf8")
    .replace(/, url\([^)]*\.woff\) format\('woff'\)/g, "")
    .replaceAll("url(./files/", "url(./lato/");
}
for (const file of readdirSync(path.join(lato, "files"))) {
  if (/^lato-latin(-ext)?-(400|700)-(normal|italic)\.woff2$/.test(file)) {
    copyFileSync(path.join(lato, "files", file), path.join(vendor, "fonts", "lato", file));
  }
}
writeFileSync(path.join(vendor, "fonts", "lato.css"), latoCss);

// The fonts reveal.js's themes take from Google Fonts (their @imports removed above), for decks
// shown in reveal.js's own look (slideOptions.podiumLook: reveal; HedgeDoc's look sets its system
// font stack on every theme): latin and latin-ext woff2 faces of the weights reveal.js 3.9's themes
// import, added to the theme's own CSS so that a deck loads only its theme's fonts.
const THEME_FONTS = {
  night: [["open-sans", ["400", "400-italic", "700", "700-italic"]], ["montserrat", ["700"]]],
  sky: [["quicksand", ["400", "700"]], ["open-sans", ["400", "400-italic", "700", "700-italic"]]],
  simple: [["news-cycle", ["400", "700"]]],
  blood: [["ubuntu", ["300", "300-italic", "700", "700-italic"]]],
};
for (const [theme, families] of Object.entries(THEME_FONTS)) {
  let faces = "";
  for (const [family, weights] of families) {
    const from = path.join(modules, "@fontsource", family);
    mkdirSync(path.join(vendor, "fonts", family), { recursive: true });
    for (const weight of weights) {
      for (const face of readFileSync(path.join(from, `${weight}.css`), "utf8").split(/(?=\/\* )/)) {
        const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(face)?.[1];
        if (!file || !new RegExp(`^${family}-latin(-ext)?-${weight}(-normal)?\\.woff2$`).test(file)) continue;
        copyFileSync(path.join(from, "files", file), path.join(vendor, "fonts", family, file));
        faces += face.replace(/, url\([^)]*\.woff\) format\('woff'\)/g, "").replace("url(./files/", `url(../../fonts/${family}/`);
      }
    }
  }
  const themeCss = path.join(vendor, "reveal", "theme", `${theme}.css`);
  writeFileSync(themeCss, `${faces}\n${readFileSync(themeCss, "utf8")}`);
}

await build({
  entryPoints: [path.join(root, "components", "preview", "frame", "deck-frame-main.ts")],
  outfile: path.join(vendor, "deck-frame.js"),
  bundle: true,
  format: "iife",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  logLevel: "warning",
});

// Mermaid for ```mermaid blocks (components/preview/frame/diagrams.ts): its own browser bundle,
// loaded by the frame only when a deck has a mermaid diagram.
mkdirSync(path.join(vendor, "diagrams"), { recursive: true });
copyFileSync(path.join(modules, "mermaid", "dist", "mermaid.min.js"), path.join(vendor, "diagrams", "mermaid.js"));
// The other kinds HedgeDoc draws (components/preview/frame/drawers/): one bundle each, so a deck
// loads only the library its diagrams need (graphviz's carries its WebAssembly inline).
// js-sequence-diagrams' parser (jison) has a command-line entry that requires fs and path; it
// never runs in a browser: both resolve to an empty module.
const noNodeBuiltins = {
  name: "no-node-builtins",
  setup(build) {
    build.onResolve({ filter: /^(fs|path)$/ }, () => ({ path: "empty", namespace: "no-node-builtins" }));
    build.onLoad({ filter: /.*/, namespace: "no-node-builtins" }, () => ({ contents: "module.exports = {};", loader: "js" }));
  },
};
for (const kind of ["graphviz", "sequence", "flow", "abc"]) {
  await build({
    plugins: [noNodeBuiltins],
    entryPoints: [path.join(root, "components", "preview", "frame", "drawers", `${kind}.ts`)],
    outfile: path.join(vendor, "diagrams", `${kind}.js`),
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: true,
    legalComments: "eof",
    logLevel: "warning",
  });
}
await build({
  entryPoints: [path.join(root, "components", "preview", "frame", "diagrams-export.ts")],
  outfile: path.join(vendor, "diagrams", "export.js"),
  bundle: true,
  format: "iife",
  target: "es2022",
  minify: true,
  logLevel: "warning",
});
