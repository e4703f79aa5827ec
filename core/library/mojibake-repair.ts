// Repairs text that was UTF-8 once and was decoded as Windows-1252 on its way here ("â€“" where
// "–" was meant, "Ã¼" for "ü"): each such run is turned back into its bytes and decoded as UTF-8.
// Only runs that form a complete, valid UTF-8 sequence are touched, so genuine accented text
// ("Café", "Müller") passes unchanged.

export interface MojibakeRepair {
  /** The damaged characters, e.g. "â€“". */
  found: string;
  /** What they stood for, e.g. "–". */
  repaired: string;
  count: number;
}

export interface MojibakeResult {
  text: string;
  repairs: MojibakeRepair[];
}

/** Windows-1252's characters for the bytes 0x80–0x9F (undefined ones decode to C1 controls). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function cp1252Byte(char: string): number | null {
  const code = char.charCodeAt(0);
  if (code >= 0xa0 && code <= 0xff) return code;
  const high = CP1252_HIGH.indexOf(char);
  return high >= 0 ? 0x80 + high : null;
}

function continuationCount(leadByte: number): number {
  if (leadByte >= 0xc2 && leadByte <= 0xdf) return 1;
  if (leadByte >= 0xe0 && leadByte <= 0xef) return 2;
  if (leadByte >= 0xf0 && leadByte <= 0xf4) return 3;
  return 0;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function repairMojibake(input: string): MojibakeResult {
  const counts = new Map<string, MojibakeRepair>();
  let output = "";
  let i = 0;
  while (i < input.length) {
    const lead = cp1252Byte(input[i]!);
    const needed = lead === null ? 0 : continuationCount(lead);
    if (needed > 0 && i + needed < input.length + 1) {
      const bytes = [lead!];
      for (let k = 1; k <= needed; k++) {
        const byte = i + k < input.length ? cp1252Byte(input[i + k]!) : null;
        if (byte === null || byte < 0x80 || byte > 0xbf) break;
        bytes.push(byte);
      }
      if (bytes.length === needed + 1) {
        const decoded = decode(bytes);
        if (decoded !== null) {
          const found = input.slice(i, i + needed + 1);
          const entry = counts.get(found) ?? { found, repaired: decoded, count: 0 };
          entry.count++;
          counts.set(found, entry);
          output += decoded;
          i += needed + 1;
          continue;
        }
      }
    }
    output += input[i];
    i++;
  }
  return { text: output, repairs: [...counts.values()] };
}

function decode(bytes: number[]): string | null {
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}
