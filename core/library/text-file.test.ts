import { describe, expect, it } from "vitest";
import { decodeTextFile, UnreadableTextFileError } from "./text-file";

describe("decodeTextFile", () => {
  it("decodes UTF-8, drops a BOM, normalises line ends and repairs mojibake", () => {
    const file = new TextEncoder().encode("\uFEFF# Call â€“ 2024\r\nline\r\n");
    expect(decodeTextFile("call.md", file)).toEqual({
      markdown: "# Call – 2024\nline\n",
      repairs: [{ found: "â€“", repaired: "–", count: 1 }],
    });
  });

  it("refuses binary files and other encodings, naming the file", () => {
    expect(() => decodeTextFile("photo.md", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]))).toThrow(
      new UnreadableTextFileError("photo.md", "this is a binary file, not markdown text."),
    );
    expect(() => decodeTextFile("latin1.md", new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]))).toThrow(/latin1\.md: this file is not UTF-8/);
  });
});
