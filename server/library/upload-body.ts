// The files of an upload request: a raw body (one file, named by ?name= or X-File-Name) or
// multipart/form-data (every file field), bounded in size before anything is buffered.
import { ApiError, readBodyBytes } from "../http/api-response";
import type { UploadedFile } from "./import-reader";

export async function readUploadedFiles(request: Request, maxBytes: number, fallbackName: string): Promise<UploadedFile[]> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    const name = new URL(request.url).searchParams.get("name") ?? request.headers.get("x-file-name") ?? fallbackName;
    return [{ name: decodeName(name), bytes: await readBodyBytes(request, maxBytes) }];
  }
  // Read within the limit first; only then is the form parsed.
  const body = await readBodyBytes(request, maxBytes);
  let form: FormData;
  try {
    form = await new Response(Buffer.from(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ApiError("bad_request", "The body is not valid multipart/form-data.");
  }
  const files: UploadedFile[] = [];
  for (const value of form.values()) {
    if (typeof value === "string") continue;
    files.push({ name: value.name || fallbackName, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  if (files.length === 0) throw new ApiError("bad_request", "The form holds no file.");
  return files;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
