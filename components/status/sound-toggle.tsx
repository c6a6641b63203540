"use client";
import { useSyncExternalStore } from "react";
import { isSoundOn, onSoundChange, setSoundOn } from "@/lib/ui/sound";

export function SoundToggle() {
  const on = useSyncExternalStore(onSoundChange, isSoundOn, () => false);
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => setSoundOn(!on)}
      className="flex min-h-11 items-center px-2 text-sm text-slate-300 hover:text-system"
    >
      Sound {on ? "on" : "off"}
    </button>
  );
}
