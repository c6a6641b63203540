"use client";
import { useEffect } from "react";
import { registerServiceWorker } from "@/lib/offline/sw-client";

/** Registers the service worker that makes The System installable and usable offline. Renders nothing. */
export function ServiceWorker() {
  useEffect(registerServiceWorker, []);
  return null;
}
