import { ImageResponse } from "next/og";
import { IconArt } from "@/components/pwa/icon-art";

export const dynamic = "force-static";

const SIZE = 48;

/** /favicon.ico: a real ICO (one PNG image inside the ICO container), rendered once at build time. */
export async function GET() {
  const png = new Uint8Array(
    await new ImageResponse(<IconArt size={SIZE} />, { width: SIZE, height: SIZE }).arrayBuffer(),
  );
  const header = new DataView(new ArrayBuffer(22));
  header.setUint16(2, 1, true); // type: icon
  header.setUint16(4, 1, true); // one image
  header.setUint8(6, SIZE); // width
  header.setUint8(7, SIZE); // height
  header.setUint16(10, 1, true); // colour planes
  header.setUint16(12, 32, true); // bits per pixel
  header.setUint32(14, png.byteLength, true); // image size
  header.setUint32(18, 22, true); // image offset
  const ico = new Uint8Array(22 + png.byteLength);
  ico.set(new Uint8Array(header.buffer), 0);
  ico.set(png, 22);
  return new Response(ico, {
    headers: { "Content-Type": "image/x-icon", "Cache-Control": "public, max-age=86400" },
  });
}
