"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** The browser's IANA time zone; empty during server rendering. */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "",
  );
}
