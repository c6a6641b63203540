import "server-only";
import { db } from "@/lib/db";

/** One of a Hunter's devices that receive reminders, as the settings list and the API show it. */
export type Device = { id: string; device: string; endpoint: string; createdAt: string; lastSeenAt: string };

export const DEVICE_FIELDS = { id: true, device: true, endpoint: true, createdAt: true, lastSeenAt: true } as const;

export function toDevice(row: {
  id: string;
  device: string;
  endpoint: string;
  createdAt: Date;
  lastSeenAt: Date;
}): Device {
  return { ...row, createdAt: row.createdAt.toISOString(), lastSeenAt: row.lastSeenAt.toISOString() };
}

export async function listDevices(playerId: string): Promise<Device[]> {
  const rows = await db.pushSubscription.findMany({
    where: { playerId },
    orderBy: { createdAt: "asc" },
    select: DEVICE_FIELDS,
  });
  return rows.map(toDevice);
}
