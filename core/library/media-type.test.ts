import { describe, expect, it } from "vitest";
import { sniffMediaType } from "./media-type";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("sniffMediaType", () => {
  it("recognises images by their signatures", () => {
    expect(sniffMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("image/png");
    expect(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
    expect(sniffMediaType(bytes("GIF89a\x01\x00"))).toBe("image/gif");
    expect(sniffMediaType(bytes("RIFF\x00\x00\x00\x00WEBPVP8 "))).toBe("image/webp");
    expect(sniffMediaType(bytes("\x00\x00\x00\x1cftypavif\x00\x00"))).toBe("image/avif");
  });

  it("recognises SVG documents, with or without a prologue", () => {
    expect(sniffMediaType(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe("image/svg+xml");
    expect(
      sniffMediaType(bytes('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg PUBLIC "x" "y">\n<svg width="1"/>')),
    ).toBe("image/svg+xml");
  });

  it("refuses HTML, scripts and anything else, whatever the file is called", () => {
    expect(sniffMediaType(bytes("<!DOCTYPE html><html><script>alert(1)</script></html>"))).toBeNull();
    expect(sniffMediaType(bytes("<html><svg></svg></html>"))).toBeNull();
    expect(sniffMediaType(bytes("%PDF-1.7"))).toBeNull();
    expect(sniffMediaType(new Uint8Array([]))).toBeNull();
    expect(sniffMediaType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});
