import type { MetadataRoute } from "next";
import { notesMessages as m } from "@/lib/messages/notes";

/**
 * The member app as a phone installs it (履职通): it opens on the member's dashboard, in a
 * window of its own, in the committee's red with gold. Icons: public/icons (drawn by
 * scripts/make-icons.mjs).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/member",
    name: m.offline.appName,
    short_name: m.offline.appShortName,
    description: m.offline.appDescription,
    lang: "zh-CN",
    start_url: "/member",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#faf8f5",
    theme_color: "#9a121a",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      {
        src: "/icons/icon-maskable-512.png",
        sizes: "512x512",
        type: "image/png",
        purpose: "maskable",
      },
    ],
  };
}
