-- AlterEnum
ALTER TYPE "LedgerReason" ADD VALUE 'PENALTY_FINE';

-- AlterTable
ALTER TABLE "Penalty" ADD COLUMN     "fineGold" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fineXp" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "returnedGold" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "returnedXp" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Quest" ADD COLUMN     "completedAt" TIMESTAMP(3);

-- A to-do with a counted check-in is done.
UPDATE "Quest" AS q SET "completedAt" = c."happenedAt"
FROM (
  SELECT ci."questId", MIN(ci."happenedAt") AS "happenedAt"
  FROM "CheckIn" ci LEFT JOIN "CheckInUndo" u ON u."checkInId" = ci."id"
  WHERE u."checkInId" IS NULL
  GROUP BY ci."questId"
) AS c
WHERE q."id" = c."questId" AND q."kind" = 'ONE_TIME';
