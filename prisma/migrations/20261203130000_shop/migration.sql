-- CreateEnum
CREATE TYPE "ShopItem" AS ENUM ('REWARD', 'STREAK_SHIELD');

-- CreateTable
CREATE TABLE "Reward" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Reward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Purchase" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "item" "ShopItem" NOT NULL,
    "rewardId" TEXT,
    "title" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "dayKey" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "Purchase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reward_playerId_archivedAt_idx" ON "Reward"("playerId", "archivedAt");

-- CreateIndex
CREATE INDEX "Purchase_playerId_dayKey_idx" ON "Purchase"("playerId", "dayKey");

-- CreateIndex
CREATE UNIQUE INDEX "Purchase_playerId_idempotencyKey_key" ON "Purchase"("playerId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Reward" ADD CONSTRAINT "Reward_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_rewardId_fkey" FOREIGN KEY ("rewardId") REFERENCES "Reward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

