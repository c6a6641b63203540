-- The rollover backstop (lib/cron/rollover.ts): the zones in use (a loose index scan), and per zone the Hunters with a
-- day to settle.
CREATE INDEX "Player_timeZone_dayStartMinute_lastSettledDay_idx" ON "Player"("timeZone", "dayStartMinute", "lastSettledDay");
