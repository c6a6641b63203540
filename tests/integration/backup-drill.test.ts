// npm run backup:drill on the real Postgres: a seeded database (real sign-ups, quests and check-ins) is dumped,
// restored into a fresh one and verified (migrate status, every table's row count, ledger = totals), and the
// built app, when there is one, boots on the copy. A player whose totals disagree with the ledger is found in the
// source and, identically, in the restore.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { checkInAt, EPOCH, makePlayer, makeQuest } from "@/tests/support/factories";

const root = path.resolve(import.meta.dirname, "../..");
const embedded = inject("databasePoolMax") === 1; // PGlite: pg_dump cannot read it

type Summary = {
  ok: boolean;
  tables: Record<string, number>;
  ledgerDrift: string[];
  migrateStatus: string;
  health: { status: number; database: string } | null;
  rtoSeconds: number;
};

async function drill(...options: string[]): Promise<{ summary?: Summary; error?: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["deploy/backup/drill.mjs", "--source", inject("databaseUrl"), "--json", ...options],
      { cwd: root, env: { ...process.env, CHECKPOINT_DISABLE: "1" } },
    );
    return { summary: JSON.parse(stdout.trim().split("\n").at(-1)!) as Summary };
  } catch (error) {
    return { error: (error as { stderr?: string }).stderr ?? String(error) };
  }
}

async function seedHunters(count: number) {
  const players = [];
  for (let i = 0; i < count; i++) {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { difficulty: "HARD" });
    await checkInAt(playerId, quest.id, EPOCH);
    players.push(playerId);
  }
  return players;
}

describe.skipIf(embedded)("backup drill", () => {
  it("restores every row, keeps the ledger equal to the totals, and the app boots on the copy", async () => {
    const players = await seedHunters(3);
    const { summary, error } = await drill();
    expect(error).toBeUndefined();
    expect(summary).toMatchObject({ ok: true, migrateStatus: "up to date" });
    for (const playerId of players) expect(summary!.ledgerDrift).not.toContain(playerId);
    // Other test files write to the same database meanwhile: the drill's snapshot keeps its counts consistent.
    expect(summary!.tables.Player).toBeGreaterThanOrEqual(players.length);
    expect(summary!.tables.CheckIn).toBeGreaterThanOrEqual(players.length);
    expect(summary!.tables.LedgerEntry).toBeGreaterThanOrEqual(players.length);
    expect(summary!.tables._prisma_migrations).toBeGreaterThan(0);
    const built = existsSync(path.join(root, ".next/BUILD_ID"));
    expect(summary!.health).toEqual(built ? { status: 200, database: "ok" } : null);
    expect(summary!.rtoSeconds).toBeGreaterThan(0);
  }, 90_000);

  it("carries a player whose totals disagree with the ledger through the restore, and names them", async () => {
    const [playerId] = await seedHunters(1);
    await db.player.update({ where: { id: playerId }, data: { xp: { increment: 1 } } });
    try {
      const { summary, error } = await drill("--skip-boot");
      expect(error).toBeUndefined();
      expect(summary!.ledgerDrift).toContain(playerId);
    } finally {
      await db.player.update({ where: { id: playerId }, data: { xp: { decrement: 1 } } });
    }
  }, 90_000);
});
