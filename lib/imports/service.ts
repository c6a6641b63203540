import "server-only";
import type { z } from "zod";
import { db, TX_OPTIONS, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma, type Import } from "@/lib/generated/prisma/client";
import { IMPORT_LIMITS, type importChunkSchema, type startImportSchema } from "@/lib/imports/schemas";
import { lockPlayer } from "@/lib/ledger/service";
import { questColumns } from "@/lib/quests/rules";
import { restateStrengths } from "@/lib/quests/strength";
import { addDays, localDay, playerToday, type DayKey } from "@/lib/time/rules";

export type ImportDto = {
  id: string;
  source: Import["source"];
  fileName: string;
  status: Import["status"];
  quests: number;
  checkIns: number;
  skips: number;
  report: unknown;
  createdAt: string;
  committedAt: string | null;
  rolledBackAt: string | null;
};

export function toImportDto(row: Import): ImportDto {
  return {
    id: row.key,
    source: row.source,
    fileName: row.fileName,
    status: row.status,
    quests: row.quests,
    checkIns: row.checkIns,
    skips: row.skips,
    report: row.report,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    rolledBackAt: row.rolledBackAt?.toISOString() ?? null,
  };
}

type StartInput = z.output<typeof startImportSchema>;
type ChunkInput = z.output<typeof importChunkSchema>;

const byKey = (playerId: string, key: string) => ({ playerId_key: { playerId, key } });

async function ownImport(client: Tx, playerId: string, key: string): Promise<Import> {
  const row = await client.import.findUnique({ where: byKey(playerId, key) });
  if (!row) throw new AppError("NOT_FOUND", "Import not found");
  return row;
}

/**
 * Starts an import under the id the client chose (201), or answers with the one already under it (200): the same
 * file started twice is one import. A rolled-back import may be started again.
 */
export async function startImport(
  playerId: string,
  input: StartInput,
): Promise<{ status: 200 | 201; body: ImportDto }> {
  const existing = await db.import.findUnique({ where: byKey(playerId, input.id) });
  if (existing) {
    if (existing.source !== input.source) {
      throw new AppError("CONFLICT", `That import id belongs to an import from ${existing.source}`);
    }
    if (existing.status !== "ROLLED_BACK") return { status: 200, body: toImportDto(existing) };
    const reopened = await db.import.update({
      where: { id: existing.id },
      data: {
        status: "OPEN",
        rolledBackAt: null,
        quests: 0,
        checkIns: 0,
        skips: 0,
        keepArchived: [],
        report: input.report,
      },
    });
    return { status: 201, body: toImportDto(reopened) };
  }
  try {
    const created = await db.import.create({
      data: { playerId, key: input.id, source: input.source, fileName: input.fileName, report: input.report },
    });
    return { status: 201, body: toImportDto(created) };
  } catch (error) {
    // Two first starts of one id raced: the loser answers with the winner's import.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: 200, body: toImportDto(await ownImport(db, playerId, input.id)) };
    }
    throw error;
  }
}

function overCap(what: string, total: number, cap: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `An import holds at most ${cap.toLocaleString("en")} ${what}; this one would hold ${total.toLocaleString("en")}`,
  );
}

/**
 * Inserts imported check-ins in one statement (Prisma's createMany spends about a millisecond a row here; this, a
 * tenth of that), skipping any whose key exists already. Returns how many were new.
 */
function insertCheckIns(
  tx: Tx,
  playerId: string,
  rows: {
    questId: string;
    dayKey: DayKey;
    happenedAt: string;
    key: string;
    value: number | null;
    note: string | null;
  }[],
): Promise<number> {
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  return tx.$executeRaw`
    INSERT INTO "CheckIn" ("id", "playerId", "questId", "dayKey", "happenedAt", "source", "idempotencyKey", "value", "note", "response")
    SELECT gen_random_uuid()::text, ${playerId}, q, d, (h::timestamptz AT TIME ZONE 'UTC'), 'IMPORT'::"CheckInSource", k, v, n, ''
    FROM unnest(${column("questId")}::text[], ${column("dayKey")}::text[], ${column("happenedAt")}::text[],
      ${column("key")}::text[], ${column("value")}::float8[], ${column("note")}::text[]) AS t(q, d, h, k, v, n)
    ON CONFLICT ("playerId", "idempotencyKey") DO NOTHING`;
}

/**
 * Writes one chunk in one transaction. Every row has a key made of the import and its place in the file (quest
 * reference; quest, day and number for a check-in; quest and day for a skip), so a retried chunk adds nothing.
 * Until the import is committed its quests stay archived (out of sight, out of every judgement).
 */
export async function addImportChunk(playerId: string, key: string, chunk: ChunkInput, now: Date) {
  return db.$transaction(async (tx) => {
    const player = await lockPlayer(tx, playerId);
    const row = await ownImport(tx, playerId, key);
    if (row.status !== "OPEN") {
      throw new AppError("CONFLICT", `This import is ${row.status === "COMMITTED" ? "committed" : "rolled back"}`);
    }
    const today = playerToday(player, now);
    const added = { quests: 0, checkIns: 0, skips: 0 };
    if (chunk.quests.length > 0) {
      const created = await tx.quest.createMany({
        skipDuplicates: true,
        data: chunk.quests.map(({ ref, quest, historyFrom }) => {
          return {
            ...questColumns(quest),
            playerId,
            importId: row.id,
            importRef: ref,
            createdDay: today,
            historyFrom: historyFrom ?? null,
            archivedAt: now,
          };
        }),
      });
      added.quests = created.count;
      const archived = chunk.quests.filter((q) => q.archived).map((q) => q.ref);
      if (archived.length > 0) {
        await tx.import.update({ where: { id: row.id }, data: { keepArchived: { push: archived } } });
      }
    }
    const refs = [...new Set([...chunk.checkIns, ...chunk.skips].map((r) => r.quest))];
    const quests = new Map(
      (
        await tx.quest.findMany({
          where: { importId: row.id, importRef: { in: refs } },
          select: { id: true, importRef: true, kind: true, targetValue: true },
        })
      ).map((q) => [q.importRef!, q]),
    );
    const issues: Record<string, string> = {};
    chunk.checkIns.forEach((c, i) => {
      const quest = quests.get(c.quest);
      if (!quest) issues[`checkIns.${i}.quest`] = `No quest "${c.quest}" in this import (send quests first)`;
      else if (c.day > today) issues[`checkIns.${i}.day`] = "After today";
      else if (quest.targetValue !== null && c.value === undefined) {
        issues[`checkIns.${i}.value`] = "This quest has a target: say how much";
      }
    });
    chunk.skips.forEach((s, i) => {
      if (!quests.has(s.quest)) issues[`skips.${i}.quest`] = `No quest "${s.quest}" in this import (send quests first)`;
    });
    if (Object.keys(issues).length > 0) {
      throw new AppError("VALIDATION_FAILED", "Some rows of this chunk are invalid", issues);
    }
    if (chunk.checkIns.length > 0) {
      added.checkIns = await insertCheckIns(
        tx,
        playerId,
        chunk.checkIns.map((c) => ({
          questId: quests.get(c.quest)!.id,
          dayKey: c.day,
          // A day without a time of its own (Loop) is stamped 12:00 UTC of that day; its dayKey is what counts.
          happenedAt: c.at ?? `${c.day}T12:00:00.000Z`,
          // "/" never passes the check-in API's key rule: no live check-in can collide with an imported one.
          key: `import/${row.id}/${c.quest}/${c.day}/${c.index}`,
          value: c.value ?? null,
          note: c.note ?? null,
        })),
      );
    }
    if (chunk.skips.length > 0) {
      const created = await tx.questSkip.createMany({
        skipDuplicates: true,
        data: chunk.skips.map((s) => ({ questId: quests.get(s.quest)!.id, dayKey: s.day })),
      });
      added.skips = created.count;
    }
    const totals = {
      quests: row.quests + added.quests,
      checkIns: row.checkIns + added.checkIns,
      skips: row.skips + added.skips,
    };
    // Counted after writing, so a retried chunk (which adds nothing) is never refused; over a cap, nothing stays.
    if (totals.quests > IMPORT_LIMITS.questsPerImport)
      throw overCap("quests", totals.quests, IMPORT_LIMITS.questsPerImport);
    if (totals.checkIns > IMPORT_LIMITS.checkInsPerImport) {
      throw overCap("check-ins", totals.checkIns, IMPORT_LIMITS.checkInsPerImport);
    }
    if (totals.skips > IMPORT_LIMITS.skipsPerImport)
      throw overCap("skipped days", totals.skips, IMPORT_LIMITS.skipsPerImport);
    await tx.import.update({ where: { id: row.id }, data: totals });
    return { id: key, added, totals };
  }, TX_OPTIONS);
}

/**
 * Commits an import: its quests come into sight (the archived ones stay archived), each one's history starts at
 * its first imported day, a done to-do is done, and strength is computed for all of them in one pass through the
 * last day the System has judged (or the day before the Hunter's first day). Imported check-ins award nothing, so
 * XP, gold, achievements and the Penalty Zone are untouched. Committing twice changes nothing.
 */
export async function commitImport(playerId: string, key: string, now: Date): Promise<ImportDto> {
  return db.$transaction(
    async (tx) => {
      const player = await lockPlayer(tx, playerId);
      const row = await ownImport(tx, playerId, key);
      if (row.status === "COMMITTED") return toImportDto(row);
      if (row.status === "ROLLED_BACK") throw new AppError("CONFLICT", "This import was rolled back");
      const quests = await tx.quest.findMany({ where: { importId: row.id } });
      if (quests.length === 0) throw new AppError("VALIDATION_FAILED", "This import has no quests yet");
      const ids = quests.map((q) => q.id);
      const [firstCheckIns, firstSkips] = await Promise.all([
        tx.checkIn.groupBy({
          by: ["questId"],
          where: { questId: { in: ids } },
          _min: { dayKey: true, happenedAt: true },
        }),
        tx.questSkip.groupBy({ by: ["questId"], where: { questId: { in: ids } }, _min: { dayKey: true } }),
      ]);
      const firstCheckIn = new Map(firstCheckIns.map((g) => [g.questId, g._min]));
      const firstSkip = new Map(firstSkips.map((g) => [g.questId, g._min.dayKey]));
      const keep = new Set(row.keepArchived);
      const through = player.lastSettledDay ?? addDays(localDay(player.createdAt, player), -1);
      const committed = quests.map((quest) => {
        const days = [quest.historyFrom, firstCheckIn.get(quest.id)?.dayKey, firstSkip.get(quest.id)].filter(
          (d): d is string => typeof d === "string",
        );
        const historyFrom = days.length > 0 ? days.reduce((a, b) => (a < b ? a : b)) : null;
        const done = quest.kind === "ONE_TIME" ? (firstCheckIn.get(quest.id)?.happenedAt ?? null) : null;
        return { ...quest, historyFrom, completedAt: done, archivedAt: keep.has(quest.importRef!) ? now : null };
      });
      for (const quest of committed) {
        await tx.quest.update({
          where: { id: quest.id },
          data: { historyFrom: quest.historyFrom, completedAt: quest.completedAt, archivedAt: quest.archivedAt },
        });
      }
      await restateStrengths(tx, committed, through);
      const done = await tx.import.update({ where: { id: row.id }, data: { status: "COMMITTED", committedAt: now } });
      return toImportDto(done);
    },
    { ...TX_OPTIONS, timeout: 60_000 },
  );
}

/**
 * Rolls an import back in one step: the quests it created go, and with them every imported check-in, note and
 * skip. Refused once one of those quests has check-ins of its own (played since): the ledger must keep agreeing
 * with the totals, so those quests are archived instead, by the player. Rolling back twice changes nothing.
 */
export async function rollBackImport(playerId: string, key: string, now: Date): Promise<ImportDto> {
  return db.$transaction(async (tx) => {
    await lockPlayer(tx, playerId);
    const row = await ownImport(tx, playerId, key);
    if (row.status === "ROLLED_BACK") return toImportDto(row);
    const played = await tx.checkIn.count({ where: { quest: { importId: row.id }, source: { not: "IMPORT" } } });
    if (played > 0) {
      throw new AppError(
        "CONFLICT",
        `${played} check-in(s) were made on this import's quests since: archive those quests instead of rolling back`,
      );
    }
    await tx.quest.deleteMany({ where: { importId: row.id } });
    const done = await tx.import.update({
      where: { id: row.id },
      data: { status: "ROLLED_BACK", rolledBackAt: now, keepArchived: [] },
    });
    return toImportDto(done);
  }, TX_OPTIONS);
}
