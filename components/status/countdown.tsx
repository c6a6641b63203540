"use client";
import { useEffect, useState } from "react";

function format(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m` : `${seconds}s`;
}

/**
 * A countdown that starts from the server's figure (the System keeps the clock, not the device) and ticks down
 * locally once a second.
 */
export function Countdown({ seconds, prefix, className }: { seconds: number; prefix: string; className?: string }) {
  const [left, setLeft] = useState(seconds);
  const [origin] = useState(() => ({ seconds, at: Date.now() }));
  useEffect(() => {
    const timer = setInterval(() => {
      setLeft(Math.max(0, origin.seconds - Math.floor((Date.now() - origin.at) / 1000)));
    }, 1000);
    return () => clearInterval(timer);
  }, [origin]);
  return (
    <span className={className} role="timer" aria-live="off">
      {prefix} {format(left)}
    </span>
  );
}
