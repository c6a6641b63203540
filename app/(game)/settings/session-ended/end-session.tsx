"use client";
import { signOut } from "next-auth/react";
import { useEffect } from "react";

export function EndSession() {
  useEffect(() => {
    void signOut({ callbackUrl: "/sign-in" });
  }, []);
  return (
    <p role="status" className="text-center text-mist">
      [SYSTEM] This session was signed out everywhere. Taking you to sign in…
    </p>
  );
}
