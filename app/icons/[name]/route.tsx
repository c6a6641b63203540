import { ImageResponse } from "next/og";
import { IconArt } from "@/components/pwa/icon-art";

/** The manifest's PNG icons and the notifications' badge, rendered once at build time. */
const ICONS = {
  "icon-192.png": { size: 192, safeZone: false, badge: false },
  "icon-512.png": { size: 512, safeZone: false, badge: false },
  "maskable-512.png": { size: 512, safeZone: true, badge: false },
  "badge-96.png": { size: 96, safeZone: false, badge: true },
} as const;

type IconName = keyof typeof ICONS;

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams(): { name: IconName }[] {
  return (Object.keys(ICONS) as IconName[]).map((name) => ({ name }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const icon = ICONS[name as IconName];
  if (!icon) return new Response("Not found", { status: 404 });
  return new ImageResponse(<IconArt size={icon.size} safeZone={icon.safeZone} badge={icon.badge} />, {
    width: icon.size,
    height: icon.size,
  });
}
