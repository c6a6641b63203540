import type { MetadataRoute } from "next";

/** The web app manifest (served as /manifest.webmanifest): what makes The System installable. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/dashboard",
    name: "The System",
    short_name: "The System",
    description: "Clear your daily quests, level up, rank up. A habit tracker where you are the Hunter.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#020617",
    theme_color: "#020617",
    categories: ["productivity", "lifestyle", "health"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      {
        name: "Today's quests",
        short_name: "Quests",
        description: "Check in today's daily quests",
        url: "/dashboard",
        icons: [{ src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" }],
      },
    ],
  };
}
