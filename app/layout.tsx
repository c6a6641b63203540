import type { Metadata, Viewport } from "next";
import { Analytics } from "@vercel/analytics/next";
import { body, display } from "@/app/fonts";
import { ServiceWorker } from "@/components/pwa/service-worker";
import { ZodWithoutEval } from "@/components/zod-without-eval";
import { onVercel } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "The System", template: "%s · The System" },
  description: "Clear your daily quests, level up, rank up. A habit tracker where you are the Hunter.",
  applicationName: "The System",
};

export const viewport: Viewport = { themeColor: "#020617", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${display.variable} ${body.variable}`}>
      <body className="min-h-dvh">
        <ZodWithoutEval />
        {children}
        <ServiceWorker />
        {/* Vercel Web Analytics exists only on Vercel: elsewhere its script would 404. */}
        {onVercel() && <Analytics />}
      </body>
    </html>
  );
}
