// Cross-site request forgery: a state-changing request authenticated by the session cookie must come
// from Podium's own pages. Browsers send Origin (and Sec-Fetch-Site) on such requests and a foreign
// site cannot forge them; requests without either are refused, since only scripts omit both, and
// scripts use API tokens. Bearer-token requests need no check: no browser attaches them by itself.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function isSameOrigin(headers: Headers, trustedOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== "null") {
    if (trustedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === headers.get("host");
    } catch {
      return false;
    }
  }
  return headers.get("sec-fetch-site") === "same-origin";
}
