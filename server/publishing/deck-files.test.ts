import { describe, expect, it } from "vitest";
import { coAuthorTrailers, commitMessage, deckFiles, disambiguate, preferredPath, safeFolder } from "./deck-files";
import { classify } from "./git";
import { TokenCipher } from "./token-cipher";

const created = new Date("2023-03-04T10:00:00Z");

describe("where a published deck goes", () => {
  it("puts a series deck at <folder>/<call date>.md, else at decks/<date>-<slug>.md", () => {
    expect(preferredPath({ id: "a", title: "Community Call", createdAt: created, callDate: new Date("2024-07-18T00:00:00Z"), seriesFolder: "community-call" })).toBe("community-call/20240718.md");
    expect(preferredPath({ id: "a", title: "Call 2024-07-25", createdAt: created, callDate: null, seriesFolder: "calls/ops" })).toBe("calls/ops/20240725.md");
    expect(preferredPath({ id: "a", title: "Retro 2024-05-02 notes", createdAt: created, callDate: null, seriesFolder: null })).toBe("decks/20240502-retro-notes.md");
    expect(preferredPath({ id: "a", title: "", createdAt: created, callDate: null, seriesFolder: null })).toBe("decks/20230304-untitled.md");
    expect(disambiguate("community-call/20240718.md", "AbCdEfGh1234")).toBe("community-call/20240718-abcdefgh.md");
  });

  it("never lets a series folder leave the repository or touch .git", () => {
    expect(safeFolder("community-call/")).toBe("community-call");
    for (const folder of ["../etc", "a/../../b", ".git", "a/.git/hooks", "", "/", "a b", "ä"]) expect(safeFolder(folder), folder).toBeNull();
    expect(preferredPath({ id: "a", title: "X", createdAt: created, callDate: null, seriesFolder: "../evil" })).toBe("decks/20230304-x.md");
  });

  it("rewrites /media/ links to the files beside the deck and hashes what it writes", async () => {
    const id = "a".repeat(64);
    const media = { read: async (wanted: string) => (wanted === id ? new Uint8Array([1, 2, 3]) : null) };
    const files = await deckFiles({ id: "d", title: "T", createdAt: created, callDate: null, seriesFolder: null, markdown: `![](/media/${id}.png =600x)\n![](/media/${"b".repeat(64)}.png)\n` }, "calls/20240718.md", media);
    expect(files.files.map((file) => file.path)).toEqual(["calls/20240718.md", `calls/${id}.png`]);
    // A missing image keeps its link (nothing to copy), the found one points beside the deck.
    expect(new TextDecoder().decode(files.files[0]!.bytes)).toBe(`![](${id}.png =600x)\n![](/media/${"b".repeat(64)}.png)\n`);
    const again = await deckFiles({ id: "d", title: "T", createdAt: created, callDate: null, seriesFolder: null, markdown: `![](/media/${id}.png =600x)\n![](/media/${"b".repeat(64)}.png)\n` }, "calls/20240718.md", media);
    expect(again.hash).toBe(files.hash);
  });
});

describe("commit messages", () => {
  it("names each editor once, by name, at a no-reply address", () => {
    const trailers = coAuthorTrailers([{ id: "u2", name: "Grace <g@x>\nHopper" }, { id: "u1", name: "Ada" }, { id: "u1", name: "Ada" }, { id: "u3", name: "  " }], "podium.example.org");
    expect(trailers).toEqual([
      "Co-authored-by: Ada <u1@users.noreply.podium.example.org>",
      "Co-authored-by: Grace g@x Hopper <u2@users.noreply.podium.example.org>",
      "Co-authored-by: Podium user <u3@users.noreply.podium.example.org>",
    ]);
    expect(commitMessage({ id: "d", title: "Call\nwith newline" }, "c/1.md", "https://p/d/d", trailers.slice(0, 1))).toBe(
      "c/1.md: Call with newline\n\nPublished from Podium: https://p/d/d\n\nCo-authored-by: Ada <u1@users.noreply.podium.example.org>\n",
    );
  });
});

describe("git failures and tokens", () => {
  it("tells auth, rejection, missing repository and network apart", () => {
    expect(classify("fatal: unable to access 'https://h/r.git/': The requested URL returned error: 403")).toBe("auth");
    expect(classify("fatal: could not read Username for 'https://h': terminal prompts disabled")).toBe("auth");
    expect(classify(" ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs")).toBe("rejected");
    expect(classify("fatal: '/tmp/x' does not appear to be a git repository")).toBe("not_found");
    expect(classify("fatal: unable to access 'https://nowhere.invalid/': Could not resolve host: nowhere.invalid")).toBe("network");
  });

  it("encrypts tokens so that only the same secret reads them, and detects tampering", () => {
    const cipher = new TokenCipher("s".repeat(32));
    const stored = cipher.encrypt("ghp_secret");
    expect(stored).not.toContain("ghp_secret");
    expect(cipher.encrypt("ghp_secret")).not.toBe(stored);
    expect(cipher.decrypt(stored)).toBe("ghp_secret");
    expect(new TokenCipher("t".repeat(32)).decrypt(stored)).toBeNull();
    const parts = stored.split(".");
    parts[3] = Buffer.from("other").toString("base64url");
    expect(cipher.decrypt(parts.join("."))).toBeNull();
    expect(cipher.decrypt("garbage")).toBeNull();
  });
});
