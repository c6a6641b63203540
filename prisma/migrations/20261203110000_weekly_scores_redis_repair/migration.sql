-- AlterTable
ALTER TABLE "Player" ADD COLUMN     "cacheStamp" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "WeeklyScore" (
    "playerId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "xp" INTEGER NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "WeeklyScore_pkey" PRIMARY KEY ("playerId","week")
);

-- CreateTable
CREATE TABLE "RedisRepair" (
    "playerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RedisRepair_pkey" PRIMARY KEY ("playerId")
);

-- CreateIndex
CREATE INDEX "WeeklyScore_week_hidden_xp_playerId_idx" ON "WeeklyScore"("week", "hidden", "xp" DESC, "playerId" DESC);

-- AddForeignKey
ALTER TABLE "WeeklyScore" ADD CONSTRAINT "WeeklyScore_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the ledger: every (player, ISO week of createdAt in UTC) with entries, as the weekly board counted.
INSERT INTO "WeeklyScore" ("playerId", "week", "xp", "hidden")
SELECT l."playerId", to_char(l."createdAt", 'IYYY-"W"IW'), SUM(l."xp"), p."leaderboardOptOut"
FROM "LedgerEntry" l JOIN "Player" p ON p."id" = l."playerId"
GROUP BY l."playerId", to_char(l."createdAt", 'IYYY-"W"IW'), p."leaderboardOptOut";
