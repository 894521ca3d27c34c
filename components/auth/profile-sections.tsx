import type { ReactNode } from "react";
import { Panel } from "@/components/forms/panel";
import type { ProfileView, SecurityEvent } from "@/db/queries/users/profile";
import { fillAuthMessage, authMessages as m } from "@/lib/messages/auth";
import { SubmitButton } from "./form-parts";

/** One framed part of the account page, named by its heading. */
export function ProfileSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Panel
      id={id}
      title={title}
      className="rounded-lg border border-stone-300 bg-white px-5 py-5 sm:px-6"
      titleClassName="mb-3 text-lg font-bold text-brand-800"
    >
      {children}
    </Panel>
  );
}

/** "账号信息": who the account is. `when` formats a date in the committee's zone. */
export function ProfileInfo({
  profile,
  when,
}: {
  profile: ProfileView;
  when: (d: Date | null) => string;
}) {
  return (
    <ProfileSection id="profile-info-heading" title={m.profile.info}>
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
    </ProfileSection>
  );
}

/**
 * "两步验证": its state, (re-)enrolment, and (for members) turning it off. Staff cannot
 * turn it off; `turnOff` is the member's form.
 */
export function ProfileTotp({
  profile,
  staff,
  startAction,
  turnOff,
}: {
  profile: ProfileView;
  staff: boolean;
  startAction: () => Promise<void>;
  turnOff: ReactNode;
}) {
  return (
    <ProfileSection id="profile-totp-heading" title={m.profile.totpTitle}>
      <p className="mb-2">{profile.totpEnabled ? m.profile.totpOn : m.profile.totpOff}</p>
      {profile.totpEnabled && (
        <p className="mb-2 text-muted">
          {fillAuthMessage(m.profile.recoveryLeft, { count: profile.recoveryCodesLeft })}
        </p>
      )}
      {staff && <p className="mb-4 text-muted">{m.profile.totpRequired}</p>}
      <form action={startAction} className="mb-6">
        {profile.totpEnabled && (
          <p className="mb-2 text-sm text-muted">{m.profile.totpReenrolHint}</p>
        )}
        <SubmitButton variant={profile.totpEnabled ? "secondary" : "primary"}>
          {profile.totpEnabled ? m.profile.totpReenrol : m.profile.totpEnable}
        </SubmitButton>
      </form>
      {profile.totpEnabled && !staff && turnOff}
    </ProfileSection>
  );
}

/**
 * "最近的安全记录": the account's recent security events from the audit log, so that a
 * change the person did not make is seen (the only channel until notifications exist).
 */
export function ProfileSecurityEvents({
  events,
  when,
}: {
  events: SecurityEvent[];
  when: (d: Date | null) => string;
}) {
  return (
    <ProfileSection id="profile-events-heading" title={m.profile.eventsTitle}>
      <p className="mb-4 text-muted">{m.profile.eventsIntro}</p>
      {events.length === 0 ? (
        <p>{m.profile.eventsNone}</p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {events.map((event) => (
            <li key={event.id} className="flex flex-wrap gap-x-4 py-2">
              <span className="tabular-nums text-muted">{when(event.at)}</span>
              <span>
                {m.profile.events[event.action]}
                {event.byOther && `（${m.profile.eventsByOther}）`}
              </span>
              {event.ip && !event.byOther && (
                <span className="text-sm text-muted">
                  {fillAuthMessage(m.profile.eventsIp, { ip: event.ip })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </ProfileSection>
  );
}
