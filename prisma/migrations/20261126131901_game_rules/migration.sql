-- CreateEnum
CREATE TYPE "Job" AS ENUM ('TANK', 'MAGE', 'ASSASSIN');

-- CreateEnum
CREATE TYPE "Rank" AS ENUM ('E', 'D', 'C', 'B', 'A', 'S');

-- CreateEnum
CREATE TYPE "QuestKind" AS ENUM ('DAILY', 'HABIT', 'ONE_TIME', 'PENALTY');

-- CreateEnum
CREATE TYPE "Difficulty" AS ENUM ('EASY', 'NORMAL', 'HARD');

-- CreateEnum
CREATE TYPE "Stat" AS ENUM ('STR', 'AGI', 'VIT', 'INT', 'PER');

-- CreateEnum
CREATE TYPE "TargetDirection" AS ENUM ('AT_LEAST', 'AT_MOST');

-- CreateEnum
CREATE TYPE "CheckInSource" AS ENUM ('LIVE', 'OFFLINE', 'BACKFILL');

-- CreateEnum
CREATE TYPE "LedgerReason" AS ENUM ('AWARD', 'UNDO', 'BAD_HABIT', 'PENALTY_HOLD', 'PENALTY_RELEASE', 'PENALTY_FORFEIT', 'ACHIEVEMENT', 'SHOP');

-- CreateEnum
CREATE TYPE "DayOutcome" AS ENUM ('CLEARED', 'FAILED', 'SHIELDED', 'NEUTRAL', 'REST');

-- CreateEnum
CREATE TYPE "PenaltyStatus" AS ENUM ('OPEN', 'CLEARED', 'FAILED');

-- AlterTable
ALTER TABLE "Player" ADD COLUMN     "allocatedAgi" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "allocatedInt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "allocatedPer" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "allocatedStr" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "allocatedVit" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "awakenedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedDay" TEXT,
ADD COLUMN     "earlyCheckIns" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "equippedTitle" TEXT,
ADD COLUMN     "gold" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "heldGold" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "heldXp" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "job" "Job",
ADD COLUMN     "jobChangedAt" TIMESTAMP(3),
ADD COLUMN     "lastSettledDay" TEXT,
ADD COLUMN     "level" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "perfectRun" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rank" "Rank" NOT NULL DEFAULT 'E',
ADD COLUMN     "shields" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "streak" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "totalCheckIns" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "xp" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Quest" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "kind" "QuestKind" NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "difficulty" "Difficulty" NOT NULL,
    "stats" "Stat"[],
    "schedule" JSONB,
    "timesPerDay" INTEGER NOT NULL DEFAULT 1,
    "targetValue" DOUBLE PRECISION,
    "targetUnit" TEXT,
    "targetDirection" "TargetDirection",
    "reminderTime" TEXT,
    "positive" BOOLEAN NOT NULL DEFAULT true,
    "dueDay" TEXT,
    "checklist" JSONB,
    "strength" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "strengthState" JSONB,
    "strengthDay" TEXT,
    "createdDay" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Quest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "questId" TEXT NOT NULL,
    "dayKey" TEXT NOT NULL,
    "happenedAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" "CheckInSource" NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "response" TEXT NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInUndo" (
    "checkInId" TEXT NOT NULL,
    "undoneAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckInUndo_pkey" PRIMARY KEY ("checkInId")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "reason" "LedgerReason" NOT NULL,
    "xp" INTEGER NOT NULL DEFAULT 0,
    "gold" INTEGER NOT NULL DEFAULT 0,
    "heldXp" INTEGER NOT NULL DEFAULT 0,
    "heldGold" INTEGER NOT NULL DEFAULT 0,
    "statPoints" INTEGER NOT NULL DEFAULT 0,
    "dayKey" TEXT NOT NULL,
    "checkInId" TEXT,
    "penaltyId" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DaySettlement" (
    "playerId" TEXT NOT NULL,
    "dayKey" TEXT NOT NULL,
    "outcome" "DayOutcome" NOT NULL,
    "streakAfter" INTEGER NOT NULL,
    "shieldsAfter" INTEGER NOT NULL,
    "penaltyId" TEXT,
    "settledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DaySettlement_pkey" PRIMARY KEY ("playerId","dayKey")
);

-- CreateTable
CREATE TABLE "Penalty" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "questId" TEXT NOT NULL,
    "openedDay" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "required" INTEGER NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "status" "PenaltyStatus" NOT NULL DEFAULT 'OPEN',
    "openSlot" BOOLEAN DEFAULT true,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Penalty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestPeriod" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "startDay" TEXT NOT NULL,
    "endDay" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RestPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RankTrial" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "targetRank" "Rank" NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "passedAt" TIMESTAMP(3),

    CONSTRAINT "RankTrial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AchievementUnlock" (
    "playerId" TEXT NOT NULL,
    "achievementId" TEXT NOT NULL,
    "unlockedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AchievementUnlock_pkey" PRIMARY KEY ("playerId","achievementId")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestClock" (
    "playerId" TEXT NOT NULL,
    "offsetMs" BIGINT NOT NULL,

    CONSTRAINT "TestClock_pkey" PRIMARY KEY ("playerId")
);

-- CreateIndex
CREATE INDEX "Quest_playerId_archivedAt_idx" ON "Quest"("playerId", "archivedAt");

-- CreateIndex
CREATE INDEX "CheckIn_playerId_dayKey_idx" ON "CheckIn"("playerId", "dayKey");

-- CreateIndex
CREATE INDEX "CheckIn_questId_dayKey_idx" ON "CheckIn"("questId", "dayKey");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_playerId_idempotencyKey_key" ON "CheckIn"("playerId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_playerId_createdAt_idx" ON "LedgerEntry"("playerId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_checkInId_idx" ON "LedgerEntry"("checkInId");

-- CreateIndex
CREATE UNIQUE INDEX "Penalty_questId_key" ON "Penalty"("questId");

-- CreateIndex
CREATE UNIQUE INDEX "Penalty_playerId_openSlot_key" ON "Penalty"("playerId", "openSlot");

-- CreateIndex
CREATE INDEX "RestPeriod_playerId_startDay_idx" ON "RestPeriod"("playerId", "startDay");

-- CreateIndex
CREATE UNIQUE INDEX "RankTrial_playerId_targetRank_key" ON "RankTrial"("playerId", "targetRank");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_playerId_idx" ON "ApiToken"("playerId");

-- CreateIndex
CREATE INDEX "Player_lastSettledDay_idx" ON "Player"("lastSettledDay");

-- AddForeignKey
ALTER TABLE "Quest" ADD CONSTRAINT "Quest_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_questId_fkey" FOREIGN KEY ("questId") REFERENCES "Quest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInUndo" ADD CONSTRAINT "CheckInUndo_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DaySettlement" ADD CONSTRAINT "DaySettlement_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penalty" ADD CONSTRAINT "Penalty_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penalty" ADD CONSTRAINT "Penalty_questId_fkey" FOREIGN KEY ("questId") REFERENCES "Quest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestPeriod" ADD CONSTRAINT "RestPeriod_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankTrial" ADD CONSTRAINT "RankTrial_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AchievementUnlock" ADD CONSTRAINT "AchievementUnlock_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestClock" ADD CONSTRAINT "TestClock_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;
