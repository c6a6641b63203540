-- AlterTable
ALTER TABLE "Player" ADD COLUMN     "notificationPrefs" JSONB;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;
