import { cronRoute, runRollover } from "@/lib/cron/handlers";

export const maxDuration = 60;

/** The rollover backstop on its own (the tick runs it too), kept for existing schedules and scripts. */
export const GET = cronRoute(runRollover);
