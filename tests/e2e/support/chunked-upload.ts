// A chunked upload of `totalBytes`, written as fast as the socket takes it, for the streaming body limit.
import { request as httpRequest } from "node:http";

export type UploadResult = {
  status: number;
  body: string;
  /** Bytes the client had written when the answer arrived. */
  writtenAtAnswer: number;
  /** Milliseconds from the first byte past `limit` being written to the answer. */
  msFromLimitToAnswer: number;
  /** Bytes the client managed to write before the server ended the upload. */
  written: number;
};

export function chunkedUpload(url: string, headers: Record<string, string>, totalBytes: number, limit: number) {
  return new Promise<UploadResult>((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    chunk[0] = "[".charCodeAt(0);
    let written = 0;
    let passedLimitAt = 0;
    let answer: Omit<UploadResult, "written"> | undefined;
    const request = httpRequest(url, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } });
    const finish = () => answer && resolve({ ...answer, written });
    request.on("response", (response) => {
      const parts: Buffer[] = [];
      const at = { writtenAtAnswer: written, msFromLimitToAnswer: performance.now() - passedLimitAt };
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        answer = { status: response.statusCode ?? 0, body: Buffer.concat(parts).toString(), ...at };
        request.destroy();
        finish();
      });
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      // The server closing the connection mid-upload is the point; anything before an answer is a failure.
      if (answer) finish();
      else if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    const pump = () => {
      while (!answer && written < totalBytes) {
        written += chunk.length;
        if (!passedLimitAt && written > limit) passedLimitAt = performance.now();
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (written >= totalBytes) request.end();
    };
    pump();
  });
}
