import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { PendingCheckIn } from "@/lib/offline/rules";

/** The durable queue of check-ins made offline: IndexedDB survives reloads, restarts and a closed tab. */
interface OfflineDb extends DBSchema {
  "check-ins": { key: string; value: PendingCheckIn & { queuedAt: string }; indexes: { happenedAt: string } };
}

export const OFFLINE_DB = "the-system-offline";
export const CHECK_INS_STORE = "check-ins";
const CHANGED = "the-system:queue-changed";

let connection: Promise<IDBPDatabase<OfflineDb>> | null = null;

function database(): Promise<IDBPDatabase<OfflineDb>> {
  connection ??= openDB<OfflineDb>(OFFLINE_DB, 1, {
    upgrade(db) {
      db.createObjectStore(CHECK_INS_STORE, { keyPath: "idempotencyKey" }).createIndex("happenedAt", "happenedAt");
    },
    // Another tab upgrading, or the browser closing the connection: open afresh next time.
    blocking() {
      void connection?.then((db) => db.close());
      connection = null;
    },
    terminated() {
      connection = null;
    },
  }).catch((error: unknown) => {
    connection = null;
    throw error;
  });
  return connection;
}

const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANGED);

function changed(): void {
  // The service worker queues check-ins too (a reminder's "Check in" offline); it has no window, pages hear it below.
  if (typeof window !== "undefined") window.dispatchEvent(new Event(CHANGED));
  channel?.postMessage(null);
}

/** Calls back whenever the queue changes, in this tab or another one. Returns the unsubscribe function. */
export function onQueueChange(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  channel?.addEventListener("message", listener);
  return () => {
    window.removeEventListener(CHANGED, listener);
    channel?.removeEventListener("message", listener);
  };
}

export async function enqueueCheckIn(item: PendingCheckIn): Promise<void> {
  await (await database()).put(CHECK_INS_STORE, { ...item, queuedAt: new Date().toISOString() });
  changed();
}

export async function listPendingCheckIns(): Promise<PendingCheckIn[]> {
  const rows = await (await database()).getAllFromIndex(CHECK_INS_STORE, "happenedAt");
  return rows.map(({ idempotencyKey, questId, questTitle, happenedAt }) => ({
    idempotencyKey,
    questId,
    questTitle,
    happenedAt,
  }));
}

export async function removePendingCheckIn(idempotencyKey: string): Promise<void> {
  await (await database()).delete(CHECK_INS_STORE, idempotencyKey);
  changed();
}
