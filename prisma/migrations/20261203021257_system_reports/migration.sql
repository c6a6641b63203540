-- AlterTable
ALTER TABLE "Player" ADD COLUMN     "aiOptIn" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "nextReportAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SystemReport" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "factsHash" TEXT NOT NULL,
    "promptVersion" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "headline" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "recommendations" JSONB NOT NULL,
    "renames" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SystemReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SystemReport_playerId_week_key" ON "SystemReport"("playerId", "week");

-- CreateIndex
CREATE INDEX "Player_aiOptIn_nextReportAt_idx" ON "Player"("aiOptIn", "nextReportAt");

-- AddForeignKey
ALTER TABLE "SystemReport" ADD CONSTRAINT "SystemReport_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;
