/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-side code shared with server/main.ts stays one copy (Yjs warns about, and breaks with,
  // two copies), and native/driver packages are loaded by Node, not bundled.
  serverExternalPackages: ["yjs", "pino", "pg", "@prisma/client", "@prisma/adapter-pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
      {
        // The sandboxed deck frame (components/preview/frame): its own scripts only, no requests
        // of its own (no connect-src), images and media from anywhere as decks link them, and a
        // sandbox of its own, so it stays an opaque origin even when opened as a window (print).
        // 'wasm-unsafe-eval': graphviz diagrams are drawn by WebAssembly (compiling wasm, not eval).
        source: "/deck-frame.html",
        headers: [
          {
            key: "Content-Security-Policy",
            value:
              "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' https: http: data: blob:; media-src 'self' https: http: data: blob:; font-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-scripts",
          },
        ],
      },
      {
        // Fonts are CORS requests, and the sandboxed deck frame's origin is opaque.
        source: "/vendor/:path*",
        headers: [{ key: "Access-Control-Allow-Origin", value: "*" }],
      },
    ];
  },
};

export default nextConfig;
