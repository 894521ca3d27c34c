import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { homeFor, safeNextPath } from "@/lib/auth/policy";
import { fillAuthMessage, authMessages as m } from "@/lib/messages/auth";
import { getCurrentUser } from "@/server/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: m.login.title };

type Notice = keyof typeof m.login.notices;
const ERROR_NOTICES: readonly Notice[] = ["restart", "failed"];

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, user] = await Promise.all([searchParams, getCurrentUser()]);
  const next = safeNextPath(params.next, "");
  const noticeKey = typeof params.notice === "string" ? params.notice : "";
  const notice = Object.hasOwn(m.login.notices, noticeKey) ? (noticeKey as Notice) : null;

  if (user) {
    return (
      <AuthCard title={m.login.title}>
        <p>{fillAuthMessage(m.login.alreadySignedIn, { name: user.displayName })}</p>
        <Link
          href={next || homeFor(user.role)}
          className="mt-4 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800"
        >
          {m.login.goToArea}
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={m.login.title} intro={m.login.intro}>
      <LoginForm
        next={next}
        notice={
          notice
            ? {
                text: m.login.notices[notice],
                tone: ERROR_NOTICES.includes(notice) ? "error" : "success",
              }
            : null
        }
      />
      <div className="mt-6 space-y-1 border-t border-stone-200 pt-4 text-sm text-muted">
        <p>{m.login.forgot}</p>
        <p>{m.login.noAccount}</p>
      </div>
    </AuthCard>
  );
}
