/**
 * One entry point for the upload screen, the tests and the bench: a file's bytes → the import plan. Runs in the
 * browser; nothing here touches the server.
 */
import type { SqlJsStatic } from "sql.js";
import { fileKind, ImportFileError, text } from "@/lib/imports/files";
import { isHabiticaExport, parseHabitica } from "@/lib/imports/habitica";
import { parseLoopCsvZip, parseLoopDb } from "@/lib/imports/loop";
import type { ImportPlan } from "@/lib/imports/schemas";
import { isSystemExport, parseSystemExport } from "@/lib/imports/the-system";
import type { Stat } from "@/lib/progression/rules";

export type ParseOptions = {
  /** The stat Loop habits are tagged with (Loop has none; the preview lets the player choose). */
  loopStat: Stat;
  /** sql.js, loaded only when a .db is chosen (its WebAssembly is large). */
  loadSql: () => Promise<SqlJsStatic>;
};

export async function parseImportFile(bytes: Uint8Array, options: ParseOptions): Promise<ImportPlan> {
  switch (fileKind(bytes)) {
    case "zip":
      return parseLoopCsvZip(bytes, options.loopStat);
    case "sqlite":
      return parseLoopDb(bytes, await options.loadSql(), options.loopStat);
    case "json": {
      let json: unknown;
      try {
        json = JSON.parse(text(bytes));
      } catch {
        throw new ImportFileError(422, "The file is not valid JSON.");
      }
      if (isSystemExport(json)) return parseSystemExport(json);
      if (isHabiticaExport(json)) return parseHabitica(json);
      throw new ImportFileError(422, "This JSON is neither a Habitica user data export nor the System's own export.");
    }
  }
}
