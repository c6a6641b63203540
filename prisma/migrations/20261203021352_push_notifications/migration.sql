-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('QUEST_REMINDER', 'LAST_CHANCE', 'PENALTY_OPENED', 'PENALTY_CLOSING', 'LEVEL_UP', 'RANK_UP', 'ACHIEVEMENT');

-- A quest's one reminder time becomes a list of up to three.
ALTER TABLE "Quest" ADD COLUMN     "nextReminderAt" TIMESTAMP(3),
ADD COLUMN     "reminderTimes" TEXT[] DEFAULT ARRAY[]::TEXT[];

UPDATE "Quest" SET "reminderTimes" = ARRAY["reminderTime"] WHERE "reminderTime" IS NOT NULL;

-- The next time each existing reminder falls on in its Hunter's zone (from then on lib/quests/service.ts keeps it).
UPDATE "Quest" AS q SET "nextReminderAt" = (
  -- Columns hold UTC without a zone.
  SELECT (CASE WHEN today > now() THEN today ELSE tomorrow END) AT TIME ZONE 'UTC'
  FROM (
    SELECT (((now() AT TIME ZONE p."timeZone")::date + q."reminderTime"::time) AT TIME ZONE p."timeZone") AS today,
           (((now() AT TIME ZONE p."timeZone")::date + 1 + q."reminderTime"::time) AT TIME ZONE p."timeZone") AS tomorrow
  ) AS next
)
FROM "Player" AS p
WHERE p."id" = q."playerId" AND q."reminderTime" IS NOT NULL AND q."archivedAt" IS NULL;

ALTER TABLE "Quest" DROP COLUMN "reminderTime";

-- CreateTable
CREATE TABLE "PushSubscription" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PushSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "dayKey" TEXT NOT NULL DEFAULT '',
    "slot" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL,
    "inbox" BOOLEAN NOT NULL DEFAULT false,
    "readAt" TIMESTAMP(3),
    "payload" JSONB,
    "pushUntil" TIMESTAMP(3),
    "pushDecided" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PushDelivery" (
    "notificationId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PushDelivery_pkey" PRIMARY KEY ("notificationId","subscriptionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PushSubscription_endpoint_key" ON "PushSubscription"("endpoint");

-- CreateIndex
CREATE INDEX "PushSubscription_playerId_idx" ON "PushSubscription"("playerId");

-- CreateIndex
CREATE INDEX "Notification_playerId_inbox_at_idx" ON "Notification"("playerId", "inbox", "at");

-- CreateIndex
CREATE INDEX "Notification_pushDecided_idx" ON "Notification"("pushDecided");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_playerId_type_subject_dayKey_slot_key" ON "Notification"("playerId", "type", "subject", "dayKey", "slot");

-- CreateIndex
CREATE INDEX "PushDelivery_notBefore_idx" ON "PushDelivery"("notBefore");

-- CreateIndex
CREATE INDEX "AchievementUnlock_unlockedAt_idx" ON "AchievementUnlock"("unlockedAt");

-- CreateIndex
CREATE INDEX "Penalty_status_deadline_idx" ON "Penalty"("status", "deadline");

-- CreateIndex
CREATE INDEX "Player_timeZone_idx" ON "Player"("timeZone");

-- CreateIndex
CREATE INDEX "Quest_nextReminderAt_idx" ON "Quest"("nextReminderAt");

-- CreateIndex
CREATE INDEX "RankTrial_passedAt_idx" ON "RankTrial"("passedAt");

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushDelivery" ADD CONSTRAINT "PushDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushDelivery" ADD CONSTRAINT "PushDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "PushSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
