// Every app page gets a Content-Security-Policy with a fresh nonce: only scripts carrying it (Next's
// own, the theme script in app/layout.tsx) and what they load run, so HTML that slipped into a page
// can run nothing. Files under public/ keep their own headers (the sandboxed deck frame has its own
// policy in next.config.mjs), and the API answers JSON, not pages.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = appContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // Next reads the nonce for its own scripts from the request's policy; the layout from x-nonce.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export function appContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': what a trusted script loads is trusted (Next's chunks); dev mode evaluates code.
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http:",
    "media-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, Next's static files, stored media, or any file with an extension.
      source: "/((?!api|_next/static|_next/image|media/|.*\\.[a-z0-9]+$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
