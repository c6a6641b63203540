import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { publicRoute } from "@/lib/api/route";
import { rolloverAll } from "@/lib/days/cron";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseWith, searchParamsOf } from "@/lib/http";

export const maxDuration = 60;

const querySchema = z.strictObject({
  cursor: z.string().max(64).optional(),
  batchSize: z.coerce.number().int().min(1).max(500).default(100),
});

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Compares digests, which always have the same length: any header, non-ASCII included, is simply wrong, and the
 * time taken says nothing about the secret's length.
 */
function authorised(request: Request): boolean {
  const secret = env().CRON_SECRET;
  const given = request.headers.get("authorization") ?? "";
  return Boolean(secret) && timingSafeEqual(digest(given), digest(`Bearer ${secret}`));
}

/** Vercel Cron calls this with Authorization: Bearer $CRON_SECRET (vercel.json schedules it). */
export const GET = publicRoute(async (request) => {
  if (!authorised(request)) throw new AppError("UNAUTHENTICATED", "Missing or wrong cron secret");
  const { cursor, batchSize } = parseWith(querySchema, searchParamsOf(request));
  return Response.json(await rolloverAll({ cursor, batchSize, budgetMs: 45_000 }));
});
