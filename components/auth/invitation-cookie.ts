// The invitation a person came through travels as a short-lived cookie, so the server's sign-up
// gate sees it on an email sign-up and on the OIDC provider's callback alike.
const COOKIE = "podium_invitation";

export function rememberInvitation(token: string | null): void {
  if (!token) return;
  document.cookie = `${COOKIE}=${encodeURIComponent(token)}; path=/; max-age=900; samesite=lax`;
}

export function forgetInvitation(): void {
  document.cookie = `${COOKIE}=; path=/; max-age=0; samesite=lax`;
}
