// After the run, from the database itself: was every acknowledged note stored exactly
// once with its photos, every acknowledged registration kept, and no event over capacity?
import pg from "pg";
import { type DataKeyring, decryptField } from "../../lib/security/field-crypto";
import type { Acknowledged, Submission } from "./members";
import type { RegistrationAck } from "./readers";

export interface Verdict {
  lost: number;
  duplicated: number;
  overCapacity: number;
  lines: string[];
}

export async function verify(
  url: string,
  keyring: DataKeyring,
  input: {
    memberIds: number[];
    acknowledged: Acknowledged[];
    submissions: Submission[];
    registrations: RegistrationAck[];
    attemptedPhones: string[];
    soakEventId: number;
  },
): Promise<Verdict> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    const { rows: notes } = await client.query<{
      id: number;
      client_id: string;
      author_id: number;
      status: string;
      photos: number;
    }>(
      `select n.id, n.client_id, n.author_id, n.status,
              (select count(*)::int from note_photos p where p.note_id = n.id) as photos
       from field_notes n where n.author_id = any($1::int[])`,
      [input.memberIds],
    );
    const byClient = new Map<string, typeof notes>();
    for (const note of notes) {
      const key = `${note.author_id}:${note.client_id}`;
      byClient.set(key, [...(byClient.get(key) ?? []), note]);
    }

    // Notes: each acknowledged client id → exactly one submitted note, the one the
    // acknowledgement named, with every photo that was sent.
    let missing = 0;
    let wrongNote = 0;
    let notSubmitted = 0;
    let missingPhotos = 0;
    for (const ack of input.acknowledged) {
      const found = byClient.get(`${ack.authorId}:${ack.clientId}`) ?? [];
      if (found.length === 0) {
        missing += 1;
        continue;
      }
      const note = found[0] as (typeof notes)[number];
      if (found.length === 1 && note.id !== ack.noteId) wrongNote += 1;
      if (note.status !== "submitted") notSubmitted += 1;
      if (note.photos !== ack.photos) missingPhotos += 1;
    }
    // A client id with more than one note, or a note no submission of ours asked for.
    const sent = new Set(input.submissions.map((s) => `${s.authorId}:${s.clientId}`));
    let doubled = 0;
    for (const found of byClient.values()) if (found.length > 1) doubled += found.length - 1;
    const strangers = notes.filter((n) => !sent.has(`${n.author_id}:${n.client_id}`)).length;
    const ackedKeys = new Set(input.acknowledged.map((a) => `${a.authorId}:${a.clientId}`));
    const ackedTwice = input.acknowledged.length - ackedKeys.size;
    const storedUnacked = input.submissions.filter(
      (s) => !s.acknowledged && byClient.has(`${s.authorId}:${s.clientId}`),
    ).length;
    const retried = input.submissions.filter((s) => s.attempts > 1);
    lines.push(
      `notes: ${input.submissions.length} started, ${input.acknowledged.length} acknowledged ` +
        `(${retried.length} after retries, ${retried.filter((s) => s.acknowledged).length} of them acknowledged), ` +
        `${notes.length} stored; ${storedUnacked} stored but never acknowledged (run ended mid-retry)`,
      `  acknowledged but missing: ${missing}; pointing at another note: ${wrongNote}; ` +
        `not submitted: ${notSubmitted}; photos missing: ${missingPhotos}`,
      `  client ids with more than one note: ${doubled}; notes nobody submitted: ${strangers}; ` +
        `acknowledged twice: ${ackedTwice}`,
    );

    // Registrations: every acknowledged one is there; one live registration per phone.
    const { rows: stored } = await client.query<{ phone: string; code: string; status: string }>(
      "select phone, code, status from registrations where event_id = $1",
      [input.soakEventId],
    );
    // Phones are stored encrypted (lib/security/field-crypto.ts).
    const regs = stored.map((r) => ({
      ...r,
      phone: decryptField(keyring, "registrations.phone", r.phone),
    }));
    const byCode = new Map(regs.map((r) => [r.code, r]));
    const livePhones = new Map<string, number>();
    for (const r of regs) {
      if (r.status !== "cancelled") livePhones.set(r.phone, (livePhones.get(r.phone) ?? 0) + 1);
    }
    let regsMissing = 0;
    for (const ack of input.registrations) {
      const row = ack.code ? byCode.get(ack.code) : null;
      const ok = ack.code
        ? row !== undefined && row !== null && row.phone === ack.phone && row.status !== "cancelled"
        : (livePhones.get(ack.phone) ?? 0) > 0;
      if (!ok) regsMissing += 1;
    }
    let regsDoubled = 0;
    for (const n of livePhones.values()) if (n > 1) regsDoubled += n - 1;
    const attempted = new Set(input.attemptedPhones);
    const regStrangers = regs.filter((r) => !attempted.has(r.phone)).length;
    const confirmed = regs.filter((r) => r.status === "confirmed").length;
    const waitlisted = regs.filter((r) => r.status === "waitlisted").length;
    lines.push(
      `registrations: ${input.attemptedPhones.length} started, ${input.registrations.length} acknowledged, ` +
        `${regs.length} stored (${confirmed} confirmed, ${waitlisted} waitlisted)`,
      `  acknowledged but missing: ${regsMissing}; phones registered twice: ${regsDoubled}; ` +
        `registrations nobody sent: ${regStrangers}`,
    );

    // Capacity, for every event of the database.
    const { rows: over } = await client.query<{ id: number; capacity: number; confirmed: number }>(
      `select e.id, e.capacity, count(r.id)::int as confirmed
       from events e join registrations r on r.event_id = e.id and r.status = 'confirmed'
       where e.capacity is not null
       group by e.id, e.capacity having count(r.id) > e.capacity`,
    );
    for (const e of over)
      lines.push(`  event ${e.id}: ${e.confirmed} confirmed, capacity ${e.capacity}`);

    return {
      lost: missing + wrongNote + notSubmitted + missingPhotos + regsMissing,
      duplicated: doubled + strangers + ackedTwice + regsDoubled + regStrangers,
      overCapacity: over.length,
      lines,
    };
  } finally {
    await client.end();
  }
}
