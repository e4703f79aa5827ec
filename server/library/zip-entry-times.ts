// The modification time of each file in a zip, read from its central directory (fflate does not
// hand them out). The last resort for a deck's date. A zip that is damaged, or too odd to read
// (ZIP64), just gives no times: never an error, since the entries themselves are read elsewhere.
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const UTF8_NAME_FLAG = 0x0800;

/** Entry name → its time (the DOS date and time, taken as UTC: only the day is used). */
export function readZipEntryTimes(bytes: Uint8Array): Map<string, Date> {
  const times = new Map<string, Date>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) return times;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const utf8 = new TextDecoder("utf-8");
  const latin1 = new TextDecoder("latin1");
  for (let index = 0; index < count; index++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) break;
    const flags = view.getUint16(offset + 8, true);
    const time = view.getUint16(offset + 12, true);
    const date = view.getUint16(offset + 14, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > view.byteLength) break;
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const name = (flags & UTF8_NAME_FLAG ? utf8 : latin1).decode(nameBytes);
    times.set(name, new Date(Date.UTC((date >> 9) + 1980, ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return times;
}

function findEndOfDirectory(view: DataView): number {
  // The end record is in the last 22 bytes, or up to 65535 bytes earlier when it has a comment.
  for (let offset = view.byteLength - 22; offset >= Math.max(0, view.byteLength - 22 - 65535); offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) return offset;
  }
  return -1;
}
