import "server-only";
import { db } from "@/lib/db";
import { toImportDto, type ImportDto } from "@/lib/imports/service";

/** The player's imports, newest first (the settings screen and GET /api/v1/imports). */
export async function listImports(playerId: string): Promise<ImportDto[]> {
  const rows = await db.import.findMany({ where: { playerId }, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map(toImportDto);
}
