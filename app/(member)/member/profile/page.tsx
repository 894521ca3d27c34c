import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SubmitButton } from "@/app/(auth)/_components/form-parts";
import { getCommitteeInfo } from "@/db/queries/settings";
import { getProfile } from "@/db/queries/users";
import { requiresTotp } from "@/lib/auth/policy";
import { fillAuthMessage, authMessages as m } from "@/lib/messages/auth";
import { formatDateTime } from "@/lib/time";
import { requireUser } from "@/server/auth/session";
import { logOutEverywhereAction, startTotpEnrolmentAction } from "./actions";
import { ChangePasswordForm, TurnOffTotpForm } from "./profile-forms";

export const metadata: Metadata = { title: m.profile.title };

/** 账号与安全: the signed-in person's own account (any role). */
export default async function ProfilePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser({ next: "/member/profile" });
  const [profile, committee, params] = await Promise.all([
    getProfile(user.id),
    getCommitteeInfo(),
    searchParams,
  ]);
  if (!profile) notFound();
  const when = (d: Date | null) => (d ? formatDateTime(d, committee.timeZone) : m.profile.none);
  const staff = requiresTotp(profile.role);

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header>
        <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">
          {m.profile.title}
        </h1>
        <p className="mt-1 text-muted">{m.profile.intro}</p>
      </header>

      {params.notice === "totp_off" && (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 px-3 py-2">
          {m.profile.totpDisabled}
        </p>
      )}

      <Section id="profile-info-heading" title={m.profile.info}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-muted">{m.profile.displayName}</dt>
          <dd>{profile.displayName}</dd>
          <dt className="text-muted">{m.profile.username}</dt>
          <dd className="font-mono">{profile.username}</dd>
          <dt className="text-muted">{m.profile.role}</dt>
          <dd>{m.roles[profile.role]}</dd>
          <dt className="text-muted">{m.profile.phone}</dt>
          <dd>{profile.phoneMasked ?? m.profile.none}</dd>
          {profile.sectorName && (
            <>
              <dt className="text-muted">{m.profile.sector}</dt>
              <dd>{profile.sectorName}</dd>
            </>
          )}
          {profile.organisationName && (
            <>
              <dt className="text-muted">{m.profile.organisation}</dt>
              <dd>{profile.organisationName}</dd>
            </>
          )}
          <dt className="text-muted">{m.profile.lastLogin}</dt>
          <dd>{when(profile.lastLoginAt)}</dd>
        </dl>
      </Section>

      <Section id="profile-password-heading" title={m.profile.passwordTitle}>
        <p className="mb-4 text-muted">
          {m.profile.passwordIntro}
          {profile.passwordChangedAt && (
            <>
              {" "}
              {fillAuthMessage(m.profile.passwordChangedAt, {
                time: when(profile.passwordChangedAt),
              })}
            </>
          )}
        </p>
        <ChangePasswordForm rules={m.invite.rules} />
      </Section>

      <Section id="profile-totp-heading" title={m.profile.totpTitle}>
        <p className="mb-2">{profile.totpEnabled ? m.profile.totpOn : m.profile.totpOff}</p>
        {profile.totpEnabled && (
          <p className="mb-2 text-muted">
            {fillAuthMessage(m.profile.recoveryLeft, { count: profile.recoveryCodesLeft })}
          </p>
        )}
        {staff && <p className="mb-4 text-muted">{m.profile.totpRequired}</p>}
        <form action={startTotpEnrolmentAction} className="mb-6">
          {profile.totpEnabled && (
            <p className="mb-2 text-sm text-muted">{m.profile.totpReenrolHint}</p>
          )}
          <SubmitButton variant={profile.totpEnabled ? "secondary" : "primary"}>
            {profile.totpEnabled ? m.profile.totpReenrol : m.profile.totpEnable}
          </SubmitButton>
        </form>
        {profile.totpEnabled && !staff && <TurnOffTotpForm />}
      </Section>

      <Section id="profile-sessions-heading" title={m.profile.sessionsTitle}>
        <p className="mb-4 text-muted">{m.profile.sessionsIntro}</p>
        <form action={logOutEverywhereAction}>
          <SubmitButton variant="danger">{m.profile.logoutAll}</SubmitButton>
        </form>
      </Section>
    </div>
  );
}

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="rounded-lg border border-stone-300 bg-white px-5 py-5 sm:px-6"
    >
      <h2 id={id} className="mb-3 text-lg font-bold text-brand-800">
        {title}
      </h2>
      {children}
    </section>
  );
}
