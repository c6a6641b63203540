"use client";
import { SystemError } from "@/components/system-error";
import "./globals.css";

// When the root layout itself fails: this replaces it, so it brings its own document.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <SystemError digest={error.digest} retry={reset} />
      </body>
    </html>
  );
}
