import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { saveEventIn } from "@/db/queries/events/write";
import { auditLog, eventOrganisers, registrations } from "@/db/schema";
import { driverLabel } from "@/db/test-utils";
import type { AppError } from "@/lib/errors";
import { auditCount, expectAppError, staffHarness } from "../shared/test-staff";
import { checkInIn, exportRegistrationsIn, listEventRegistrationsIn, revealPhoneIn } from "./staff";
import { registerForEventIn } from "./write";

/** Registrations as staff see them: masked phones, export, check-in (also under a race). */

const staff = staffHarness();

describe(`registrations for staff on ${driverLabel()}`, () => {
  it("masks phones, reveals one to an admin only (audited), checks in by code once", async () => {
    const { db, admin, editor, ids } = staff;
    const { id: eventId } = await saveEventIn(db, editor, null, {
      title: "集市运营协商（报名测试）",
      kind: "consultation",
      serviceType: null,
      summary: "",
      body: "",
      startsAt: new Date(Date.now() + 5 * 86_400_000),
      endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000),
      townId: null,
      venue: "会客厅",
      campaignId: null,
      topicId: null,
      openToPublic: true,
      capacity: 1,
      registrationOpensAt: null,
      registrationClosesAt: null,
      sectorIds: [],
      organisationIds: [ids.xinchengOffice],
    });
    const first = await registerForEventIn(db, {
      eventId,
      name: "王小明",
      phone: "13912345678",
      organisation: "",
      ip: "198.51.100.1",
    });
    const second = await registerForEventIn(db, {
      eventId,
      name: "李红",
      phone: "13887654321",
      organisation: "某公司",
      ip: "198.51.100.2",
    });
    expect(second.status).toBe("waitlisted");

    const rows = await listEventRegistrationsIn(db, editor.user, eventId);
    expect(rows.map((r) => r.phoneMasked)).toEqual(["139****5678", "138****4321"]);
    expect(JSON.stringify(rows)).not.toContain("13912345678");
    expect(JSON.stringify(rows)).not.toContain(first.code);

    await expectAppError(revealPhoneIn(db, editor, first.id), "forbidden");
    expect(await auditCount(db, "registration.reveal_phone", first.id)).toBe(0);
    const revealed = await revealPhoneIn(db, admin, first.id);
    expect(revealed.phone).toBe("13912345678");
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "registration.reveal_phone"),
          eq(auditLog.targetId, String(first.id)),
        ),
      );
    expect(entry).toMatchObject({ actorId: admin.user.id, actorLabel: "admin", ip: "192.0.2.1" });

    await expectAppError(
      checkInIn(db, editor, eventId, { registrationId: second.id }),
      "invalid_state",
      "waitlisted",
    );
    await expectAppError(
      checkInIn(db, editor, eventId, { code: "ZZZZ-ZZZZ" }),
      "not_found",
      "code",
    );
    const checked = await checkInIn(db, editor, eventId, {
      code: first.code.toLowerCase().replace("-", " "),
    });
    expect(checked.name).toBe("王小明");
    await expectAppError(
      checkInIn(db, editor, eventId, { registrationId: first.id }),
      "invalid_state",
      "checked_in",
    );
    expect(await auditCount(db, "registration.check_in", first.id)).toBe(1);

    const masked = await exportRegistrationsIn(db, editor, eventId, { revealPhones: false });
    expect(masked.map((r) => r.phone)).toEqual(["139****5678", "138****4321"]);
    await expectAppError(
      exportRegistrationsIn(db, editor, eventId, { revealPhones: true }),
      "forbidden",
    );
    const full = await exportRegistrationsIn(db, admin, eventId, { revealPhones: true });
    expect(full.map((r) => r.phone)).toEqual(["13912345678", "13887654321"]);
    expect(await auditCount(db, "registration.export", eventId)).toBe(1);
    expect(await auditCount(db, "registration.export_phones", eventId)).toBe(1);

    // Another office's editor-free event: the editor sees nothing of it.
    const [other] = await db
      .select({ id: eventOrganisers.eventId })
      .from(eventOrganisers)
      .where(eq(eventOrganisers.organisationId, ids.otherOffice))
      .limit(1);
    await expectAppError(listEventRegistrationsIn(db, editor.user, other?.id ?? 0), "not_found");
    const live = await db
      .select({ n: count() })
      .from(registrations)
      .where(inArray(registrations.id, [first.id, second.id]));
    expect(live[0]?.n).toBe(2);
  });
});

describe(`check-in under concurrency on ${driverLabel()}`, () => {
  it("checks a registrant in once however many staff press the button at once", async () => {
    const { db, admin, editor, ids } = staff;
    const { id: eventId } = await saveEventIn(db, admin, null, {
      title: "并发签到测试",
      kind: "meeting",
      serviceType: null,
      summary: "",
      body: "",
      startsAt: new Date(Date.now() + 3 * 86_400_000),
      endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000),
      townId: null,
      venue: "会议室",
      campaignId: null,
      topicId: null,
      openToPublic: true,
      capacity: null,
      registrationOpensAt: null,
      registrationClosesAt: null,
      sectorIds: [],
      organisationIds: [ids.xinchengOffice],
    });
    const person = await registerForEventIn(db, {
      eventId,
      name: "赵六",
      phone: "13711112222",
      organisation: "",
      ip: "198.51.100.3",
    });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        checkInIn(
          db,
          i % 2 ? admin : editor,
          eventId,
          i % 3 ? { code: person.code } : { registrationId: person.id },
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as AppError).field).toBe("checked_in");
    }
    expect(await auditCount(db, "registration.check_in", person.id)).toBe(1);
  });
});
