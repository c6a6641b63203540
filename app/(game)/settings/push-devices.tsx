"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { SystemStatus, type SystemMessage } from "@/components/ui/system-status";
import {
  availability,
  currentSubscription,
  disablePush,
  enablePush,
  vapidPublicKey,
  type PushAvailability,
} from "@/lib/notifications/push-client";
import type { Device } from "@/lib/notifications/queries";

const WHY_NOT: Record<Exclude<PushAvailability, "ready">, string> = {
  unsupported:
    "This browser cannot receive reminders here. On iPhone and iPad, add The System to your Home Screen and open it from there.",
  unconfigured: "Reminders are not set up on this server yet.",
  denied: "Notifications are blocked for this site. Allow them in the browser's site settings, then try again.",
};

const since = (iso: string) => new Date(iso).toLocaleDateString("en", { day: "numeric", month: "short" });

/**
 * "Enable reminders on this device": permission is asked at that tap, never on load. Below, every device of the
 * Hunter that receives reminders, this one marked, each removable.
 */
export function PushDevices({ devices }: { devices: Device[] }) {
  const router = useRouter();
  const [key, setKey] = useState<string | null>(null);
  const [state, setState] = useState<PushAvailability | "checking">("checking");
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();
  const on = endpoint !== null && devices.some((device) => device.endpoint === endpoint);

  useEffect(() => {
    void (async () => {
      const publicKey = await vapidPublicKey().catch(() => null);
      setKey(publicKey);
      setState(await availability(publicKey));
      setEndpoint((await currentSubscription())?.endpoint ?? null);
    })();
  }, []);

  function toggle() {
    if (!key) return;
    startTransition(async () => {
      try {
        if (on) {
          await disablePush();
          setEndpoint(null);
          setMessage({ text: "[SYSTEM] Reminders are off on this device.", error: false });
        } else {
          await enablePush(key);
          setEndpoint((await currentSubscription())?.endpoint ?? null);
          setMessage({ text: "[SYSTEM] Reminders are on for this device.", error: false });
        }
        router.refresh();
      } catch (error) {
        setState(await availability(key));
        setMessage({ text: error instanceof Error ? error.message : "That did not work.", error: true });
      }
    });
  }

  function remove(device: Device) {
    startTransition(async () => {
      const response = await fetch(`/api/v1/push/subscriptions/${encodeURIComponent(device.id)}`, {
        method: "DELETE",
        headers: { "Content-Type": "application/json" },
      });
      if (device.endpoint === endpoint) await disablePush();
      setMessage(
        response.ok || response.status === 404
          ? { text: `[SYSTEM] ${device.device} gets no more reminders.`, error: false }
          : { text: "That device could not be removed. Try again.", error: true },
      );
      router.refresh();
    });
  }

  const usable = state === "ready";
  return (
    <div className="mb-6 flex flex-col gap-3 border-b border-system/20 pb-6">
      <div className="flex items-center justify-between gap-3">
        <span id="push-switch-label" className="text-slate-100">
          Enable reminders on this device
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby="push-switch-label"
          disabled={!usable || pending}
          onClick={toggle}
          className="relative min-h-11 min-w-16 shrink-0 disabled:opacity-50"
        >
          <span
            aria-hidden
            className={`absolute inset-x-1 top-1/2 h-7 -translate-y-1/2 rounded-full border transition-colors ${
              on ? "border-system bg-system/40" : "border-slate-500 bg-void"
            }`}
          />
          <span
            aria-hidden
            className={`absolute top-1/2 left-2 h-5 w-5 -translate-y-1/2 rounded-full transition-transform motion-reduce:transition-none ${
              on ? "translate-x-7 bg-system" : "bg-slate-400"
            }`}
          />
        </button>
      </div>
      {state !== "checking" && state !== "ready" && <p className="text-sm text-mist">{WHY_NOT[state]}</p>}
      <SystemStatus message={message} />
      <div className="flex flex-col gap-1">
        <h2 className="text-sm font-medium text-mist">Devices with reminders</h2>
        {devices.length === 0 ? (
          <p className="text-sm text-slate-400">None yet.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm text-slate-100" aria-label="Devices with reminders">
            {devices.map((device) => (
              <li key={device.id} className="flex items-center justify-between gap-3">
                <span>
                  {device.device}
                  {device.endpoint === endpoint && <span className="text-system"> · this device</span>}
                  <span className="text-slate-400"> · since {since(device.createdAt)}</span>
                </span>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => remove(device)}
                  className="min-h-11 px-2 text-sm text-mist underline"
                  aria-label={`Remove ${device.device}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
