// Uploads with progress: fetch cannot report upload progress, XMLHttpRequest can. Answers the
// parsed JSON, or throws an Error carrying the server's message (docs/api.md's error shape).

export interface UploadProgress {
  loaded: number;
  total: number;
}

export function xhrUpload<T>(url: string, body: FormData | Blob, onProgress: (progress: UploadProgress) => void): { done: Promise<T>; abort(): void } {
  const request = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    request.open("POST", url);
    request.responseType = "text";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    request.onload = () => {
      let payload: unknown = null;
      try {
        payload = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        payload = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(payload as T);
      else reject(new Error((payload as { error?: { message?: string } } | null)?.error?.message ?? `The server answered ${request.status}.`));
    };
    request.onerror = () => reject(new Error("The upload failed: the server could not be reached."));
    request.onabort = () => reject(new Error("The upload was cancelled."));
    request.send(body);
  });
  return { done, abort: () => request.abort() };
}
