// Reads an imported file as deck markdown: it must be UTF-8 text (a binary file or another
// encoding is refused with a message naming the file), and Windows-1252 damage is repaired.
import { repairMojibake, type MojibakeRepair } from "./mojibake-repair";

export class UnreadableTextFileError extends Error {
  override name = "UnreadableTextFileError";
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(`${fileName}: ${reason}`);
  }
}

export interface DecodedTextFile {
  markdown: string;
  repairs: MojibakeRepair[];
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export function decodeTextFile(fileName: string, bytes: Uint8Array): DecodedTextFile {
  if (bytes.includes(0)) {
    throw new UnreadableTextFileError(fileName, "this is a binary file, not markdown text.");
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new UnreadableTextFileError(fileName, "this file is not UTF-8 text. Save it as UTF-8 and import it again.");
  }
  const { text: markdown, repairs } = repairMojibake(text);
  return { markdown: markdown.replace(/\r\n?/g, "\n"), repairs };
}
