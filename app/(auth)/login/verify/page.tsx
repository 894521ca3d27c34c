import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { authMessages as m } from "@/lib/messages/auth";
import { readPendingLogin } from "@/server/auth/request";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: m.totp.title };

/** Second step for accounts with TOTP: reached only with a pending login cookie. */
export default async function VerifyPage() {
  const pending = await readPendingLogin();
  if (pending?.step !== "totp") redirect("/login?notice=restart");
  return (
    <AuthCard title={m.totp.title} intro={m.totp.intro}>
      <VerifyForm />
    </AuthCard>
  );
}
