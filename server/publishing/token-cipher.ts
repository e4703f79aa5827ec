// Repository tokens at rest: AES-256-GCM with a key derived (HKDF) from the server's AUTH_SECRET,
// so a database dump alone does not hand out push rights. Only the server decrypts, to push.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

export class TokenCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync("sha256", secret, "podium", "publishing-token", 32));
  }

  encrypt(token: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
  }

  /** The token, or null when it cannot be decrypted (AUTH_SECRET changed): the admin enters it again. */
  decrypt(stored: string): string | null {
    const [version, iv, tag, data] = stored.split(".");
    if (version !== VERSION || !iv || !tag || data === undefined) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      return null;
    }
  }
}
