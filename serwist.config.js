// @ts-check
// `serwist build` runs after `next build` (see package.json): it bundles lib/offline/sw.ts into public/sw.js with
// the list of built assets and prerendered pages to precache. (@serwist/next's webpack plugin would break the
// Turbopack build; this configurator mode does not touch it.)
import { generateGlobPatterns, serwist } from "@serwist/next/config";

export default await serwist({
  swSrc: "lib/offline/sw.ts",
  swDest: "public/sw.js",
  globPatterns: [...generateGlobPatterns(".next/"), ".next/static/media/*.woff2"],
  // The generated bundle is not source: keep `eslint .` quiet about it.
  esbuildOptions: { banner: { js: "/* eslint-disable */" } },
});
