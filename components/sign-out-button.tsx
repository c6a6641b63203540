"use client";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { signOutTo } from "@/lib/auth/sign-out";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button type="button" disabled={pending} onClick={() => startTransition(() => signOutTo("/sign-in"))}>
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
