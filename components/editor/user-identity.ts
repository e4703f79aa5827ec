// The name and colour others see on my cursor: a signed-in person's account name, or for guests a
// name picked once and remembered in this browser.

export interface UserIdentity {
  name: string;
  color: string;
  colorLight: string;
}

const STORAGE_KEY = "podium.user";
const PALETTE = ["#2557d6", "#c4302b", "#1f8a4c", "#b26b00", "#7b3fc4", "#0f8391", "#c2387a", "#5b6b00"];
const MAX_NAME_LENGTH = 40;

export function loadUserIdentity(): UserIdentity {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as Partial<UserIdentity> | null;
    if (stored && typeof stored.name === "string" && typeof stored.color === "string") {
      return withLight(stored.name, stored.color);
    }
  } catch {
    // Unreadable storage: start afresh below.
  }
  const identity = withLight(`Guest ${Math.floor(100 + Math.random() * 900)}`, pick(PALETTE));
  saveUserIdentity(identity);
  return identity;
}

/** A signed-in person's cursor: their account name, and a colour that stays theirs on every device. */
export function accountIdentity(account: { id: string; name: string }): UserIdentity {
  let hash = 0;
  for (const char of account.id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return withLight(account.name.slice(0, MAX_NAME_LENGTH), PALETTE[hash % PALETTE.length]!);
}

export function renameUser(identity: UserIdentity, name: string): UserIdentity {
  const cleaned = name.replace(/\s+/g, " ").trim().slice(0, MAX_NAME_LENGTH);
  const renamed = withLight(cleaned || identity.name, identity.color);
  saveUserIdentity(renamed);
  return renamed;
}

function saveUserIdentity(identity: UserIdentity): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ name: identity.name, color: identity.color }));
  } catch {
    // Private mode or full storage: the name lasts for this page only.
  }
}

function withLight(name: string, color: string): UserIdentity {
  return { name, color, colorLight: `${color}33` };
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}
