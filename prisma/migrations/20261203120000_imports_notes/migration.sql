-- CreateEnum
CREATE TYPE "ImportSource" AS ENUM ('LOOP', 'HABITICA', 'THE_SYSTEM');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('OPEN', 'COMMITTED', 'ROLLED_BACK');

-- AlterEnum
ALTER TYPE "CheckInSource" ADD VALUE 'IMPORT';

-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "Quest" ADD COLUMN     "historyFrom" TEXT,
ADD COLUMN     "importId" TEXT,
ADD COLUMN     "importRef" TEXT;

-- CreateTable
CREATE TABLE "QuestSkip" (
    "questId" TEXT NOT NULL,
    "dayKey" TEXT NOT NULL,

    CONSTRAINT "QuestSkip_pkey" PRIMARY KEY ("questId","dayKey")
);

-- CreateTable
CREATE TABLE "Import" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "source" "ImportSource" NOT NULL,
    "fileName" TEXT NOT NULL DEFAULT '',
    "status" "ImportStatus" NOT NULL DEFAULT 'OPEN',
    "report" JSONB,
    "keepArchived" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "quests" INTEGER NOT NULL DEFAULT 0,
    "checkIns" INTEGER NOT NULL DEFAULT 0,
    "skips" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),
    "rolledBackAt" TIMESTAMP(3),

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Import_playerId_key_key" ON "Import"("playerId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Quest_importId_importRef_key" ON "Quest"("importId", "importRef");

-- AddForeignKey
ALTER TABLE "Quest" ADD CONSTRAINT "Quest_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestSkip" ADD CONSTRAINT "QuestSkip_questId_fkey" FOREIGN KEY ("questId") REFERENCES "Quest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

