import { signOut } from "next-auth/react";

/**
 * Signs this browser out, then opens `path` on the host the Hunter is using. next-auth would send the browser to
 * its redirect URL, which it makes absolute on NEXTAUTH_URL (http://localhost:3000 under `npm start`), so a phone on
 * the LAN landed on its own localhost. The path is resolved here against this page's origin, and anything that
 * resolves to another origin ("//elsewhere.example") opens the sign-in page instead: never an open redirect.
 */
export async function signOutTo(path: `/${string}`): Promise<void> {
  await signOut({ redirect: false });
  const target = new URL(path, window.location.origin);
  window.location.assign(target.origin === window.location.origin ? target.href : "/sign-in");
}
