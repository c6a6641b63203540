"use client";
import { SystemError } from "@/components/system-error";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SystemError digest={error.digest} retry={reset} />;
}
