/**
 * Reading an uploaded file in the browser (or a test): which kind it is, and a zip's entries with the caps against
 * hostile files applied while reading, so a zip bomb stops at the cap instead of filling memory.
 */
import { strFromU8, Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { IMPORT_LIMITS } from "@/lib/imports/schemas";

/** A file refused before anything is sent; `status` is the HTTP status the same refusal has on the API. */
export class ImportFileError extends Error {
  override name = "ImportFileError";

  constructor(
    readonly status: 413 | 422,
    message: string,
  ) {
    super(message);
  }
}

export type FileKind = "zip" | "sqlite" | "json";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SQLITE = "SQLite format 3\u0000";

/** What a file is, by its first bytes (never by its name). */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length > IMPORT_LIMITS.fileBytes) {
    throw new ImportFileError(413, `The file is over ${mb(IMPORT_LIMITS.fileBytes)}: that is more than any export.`);
  }
  if (ZIP.every((b, i) => bytes[i] === b)) return "zip";
  if (strFromU8(bytes.subarray(0, SQLITE.length), true) === SQLITE) return "sqlite";
  const first = text(bytes.subarray(0, 64)).trimStart()[0];
  if (first === "{") return "json";
  throw new ImportFileError(
    422,
    "This is not a Loop export (.zip or .db), a Habitica data export (.json) or the System's own export (.json).",
  );
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** UTF-8 text without a byte-order mark. */
export function text(bytes: Uint8Array): string {
  const decoded = strFromU8(bytes);
  return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
}

/** How much of the zip is pushed at a time: the most a single step can inflate is bounded by this slice. */
const SLICE = 16 * 1024;

/**
 * A zip's files by path. Refuses more than IMPORT_LIMITS.zipEntries entries, and stops inflating as soon as the
 * bytes inflated so far pass IMPORT_LIMITS.uncompressedBytes (counted as they come out, not as the zip claims).
 */
export function readZip(
  bytes: Uint8Array,
  limits: { zipEntries: number; uncompressedBytes: number } = IMPORT_LIMITS,
): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array[]>();
  let entries = 0;
  let inflated = 0;
  let failure: ImportFileError | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    entries += 1;
    if (entries > limits.zipEntries) {
      failure = new ImportFileError(
        413,
        `The zip holds more than ${limits.zipEntries.toLocaleString("en")} entries: it is not an export.`,
      );
      return;
    }
    if (file.name.endsWith("/")) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new ImportFileError(422, `The zip is damaged (${file.name}).`);
        return;
      }
      inflated += chunk.length;
      if (inflated > limits.uncompressedBytes) {
        failure = new ImportFileError(
          413,
          `The zip unpacks to more than ${mb(limits.uncompressedBytes)}: reading stopped there.`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    try {
      file.start();
    } catch {
      failure = new ImportFileError(422, `The zip uses a compression this reader does not know (${file.name}).`);
    }
  });
  unzip.register(UnzipPassThrough);
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE) {
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    }
  } catch (error) {
    if (!failure) failure = new ImportFileError(422, `The zip could not be read: ${(error as Error).message}`);
  }
  if (failure) throw failure;
  return new Map(
    [...parts].map(([name, chunks]) => {
      const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let offset = 0;
      for (const c of chunks) {
        joined.set(c, offset);
        offset += c.length;
      }
      return [name, joined];
    }),
  );
}
