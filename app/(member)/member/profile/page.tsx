import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SubmitButton } from "@/components/auth/form-parts";
import {
  ProfileInfo,
  ProfileSection,
  ProfileSecurityEvents,
  ProfileTotp,
} from "@/components/auth/profile-sections";
import { getChannelChoices } from "@/db/queries/notifications/preferences";
import { getCommitteeInfo } from "@/db/queries/settings";
import { getProfile, listSecurityEvents } from "@/db/queries/users/profile";
import { requiresTotp } from "@/lib/auth/policy";
import { fillAuthMessage, authMessages as m } from "@/lib/messages/auth";
import { formatDateTime } from "@/lib/time";
import { requireUser } from "@/server/auth/session";
import { logOutEverywhereAction, startTotpEnrolmentAction } from "./actions";
import { ChangePasswordForm, NotificationChannelsSection, TurnOffTotpForm } from "./profile-forms";

export const metadata: Metadata = { title: m.profile.title };

/** 账号与安全: the signed-in person's own account (any role). */
export default async function ProfilePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser({ next: "/member/profile" });
  const [profile, events, committee, params, channels] = await Promise.all([
    getProfile(user.id),
    listSecurityEvents(user.id),
    getCommitteeInfo(),
    searchParams,
    getChannelChoices(user.id),
  ]);
  if (!profile || !channels) notFound();
  const when = (d: Date | null) => (d ? formatDateTime(d, committee.timeZone) : m.profile.none);
  const changedAt = profile.passwordChangedAt
    ? ` ${fillAuthMessage(m.profile.passwordChangedAt, { time: when(profile.passwordChangedAt) })}`
    : "";

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
      <ProfileInfo profile={profile} when={when} />
      <ProfileSection id="profile-password-heading" title={m.profile.passwordTitle}>
        <p className="mb-4 text-muted">
          {m.profile.passwordIntro}
          {changedAt}
        </p>
        <ChangePasswordForm rules={m.invite.rules} />
      </ProfileSection>
      <ProfileTotp
        profile={profile}
        staff={requiresTotp(profile.role)}
        startAction={startTotpEnrolmentAction}
        turnOff={<TurnOffTotpForm />}
      />
      <NotificationChannelsSection choices={channels} />
      <ProfileSection id="profile-sessions-heading" title={m.profile.sessionsTitle}>
        <p className="mb-4 text-muted">{m.profile.sessionsIntro}</p>
        <form action={logOutEverywhereAction}>
          <SubmitButton variant="danger">{m.profile.logoutAll}</SubmitButton>
        </form>
      </ProfileSection>
      <ProfileSecurityEvents events={events} when={when} />
    </div>
  );
}
