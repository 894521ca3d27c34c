import type { MemberCheckinAnswer } from "@/lib/checkin/token";
import { checkinMessages } from "@/lib/messages/checkin";

const m = checkinMessages.member;

export type { MemberCheckinAnswer };

/**
 * What a member sees after confirming the sign-in at the event (or on opening the QR's
 * address when signed in already): signed in (or already, and when), with the event and the way to the duty record; or why not, and how to try again.
 * Large, and announced, for a phone held up at a crowded door.
 */
export function MemberCheckinResult({ answer }: { answer: MemberCheckinAnswer }) {
  if (!answer.ok) {
    return (
      <div
        role="alert"
        className="rounded-xl border-4 border-brand-700 bg-brand-50 p-5 text-brand-900"
      >
        <h1 className="font-serif text-2xl font-bold">{m.refusedTitle}</h1>
        <p className="mt-2 text-lg">{m.refusals[answer.why]}</p>
        <p className="mt-4">
          <a href="/member/checkin/scan" className="font-semibold text-brand-800 underline">
            {m.scanLink}
          </a>
        </p>
      </div>
    );
  }
  const { title, at, when } = answer;
  const fresh = answer.outcome === "signed_in";
  return (
    <div className="space-y-5">
      <div
        role="status"
        className={`rounded-xl border-4 p-5 ${
          fresh
            ? "border-emerald-700 bg-emerald-50 text-emerald-950"
            : "border-amber-600 bg-amber-50 text-amber-950"
        }`}
      >
        <h1 className="font-serif text-3xl font-bold">{fresh ? m.doneTitle : m.alreadyTitle}</h1>
        <p className="mt-2 text-xl">{fresh ? m.done(title) : m.already(at)}</p>
      </div>
      <dl className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-lg">
        {[
          [m.event, title],
          [m.when, when],
          [m.at, at],
        ].map(([label, value]) => (
          <div key={label} className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-3 px-4 py-3">
            <dt className="text-muted">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-muted">{m.inDuty}</p>
      <p>
        <a href="/member/duty" className="text-lg font-semibold text-brand-700 underline">
          {m.toDuty}
        </a>
      </p>
    </div>
  );
}
