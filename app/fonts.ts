import localFont from "next/font/local";

// Self-hosted from @fontsource packages: builds need no network and players' browsers call no font CDN.
export const display = localFont({
  src: [
    { path: "../node_modules/@fontsource/rajdhani/files/rajdhani-latin-500-normal.woff2", weight: "500" },
    { path: "../node_modules/@fontsource/rajdhani/files/rajdhani-latin-700-normal.woff2", weight: "700" },
  ],
  variable: "--font-display",
  display: "swap",
});

export const body = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-body",
  display: "swap",
});
