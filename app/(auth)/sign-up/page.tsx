import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { isSignedIn } from "@/lib/auth/player";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Become a Hunter" };

export default async function SignUpPage() {
  if (await isSignedIn()) redirect("/dashboard");
  return (
    <Panel title="Player registration">
      <SignUpForm />
    </Panel>
  );
}
