"use client";
import { useEffect } from "react";
import { signOutTo } from "@/lib/auth/sign-out";

export function EndSession() {
  useEffect(() => {
    void signOutTo("/sign-in");
  }, []);
  return (
    <p role="status" className="text-center text-mist">
      [SYSTEM] This session was signed out everywhere. Taking you to sign in…
    </p>
  );
}
