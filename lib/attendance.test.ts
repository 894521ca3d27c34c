import { describe, expect, it } from "vitest";
import {
  canCancelRegistration,
  computeRegistrationState,
  formatEventWhen,
  freeSeats,
  generateRegistrationCode,
  isHoneypotFilled,
  maskPhone,
  normalizePhone,
  normalizeRegistrationCode,
  parseRegistrationInput,
  REGISTRATION_CODE_ALPHABET,
  type RegistrationWindow,
} from "./attendance";
import { attendanceMessages } from "./messages/attendance";

const fe = attendanceMessages.fieldErrors;
const valid = {
  name: "王小红",
  phone: "13800000001",
  organisation: "嘉兴某外贸公司",
  consent: "yes",
};

describe("registration form", () => {
  it("accepts a well-formed registration and tidies it", () => {
    const result = parseRegistrationInput({
      name: "  阿依古丽·买买提 ",
      phone: "+86 138-0000-0001",
      organisation: "  王江泾镇   智能家居产业园 ",
      consent: "yes",
    });
    expect(result).toEqual({
      ok: true,
      data: {
        name: "阿依古丽·买买提",
        phone: "13800000001",
        organisation: "王江泾镇 智能家居产业园",
      },
    });
  });

  it("accepts full-width digits and names in Latin script, organisation optional", () => {
    const result = parseRegistrationInput({
      name: "Anna-Lena O'Brien",
      phone: "１３９１２３４５６７８",
      consent: "on",
    });
    expect(result).toEqual({
      ok: true,
      data: { name: "Anna-Lena O'Brien", phone: "13912345678", organisation: "" },
    });
  });

  it("gives one Chinese message per wrong field", () => {
    const result = parseRegistrationInput({
      name: "",
      phone: "12345",
      organisation: "x".repeat(61),
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        name: fe.nameRequired,
        phone: fe.phoneInvalid,
        organisation: fe.organisationTooLong,
        consent: fe.consentRequired,
      },
    });
  });

  it.each([
    ["王", fe.nameTooShort],
    ["张".repeat(31), fe.nameTooLong],
    ["<script>alert(1)</script>", fe.nameInvalid],
    ["Bob'); DROP TABLE x;--", fe.nameInvalid],
    ["李四2", fe.nameInvalid],
  ])("refuses the name %j", (name, message) => {
    const result = parseRegistrationInput({ ...valid, name });
    expect(result).toEqual({ ok: false, fieldErrors: { name: message } });
  });

  it.each([
    ["", fe.phoneRequired],
    ["12800000001", fe.phoneInvalid], // 12x is not a mobile prefix
    ["1380000000", fe.phoneInvalid], // 10 digits
    ["138000000011", fe.phoneInvalid], // 12 digits
    ["0573-82345678", fe.phoneInvalid], // a landline
    ["+1 415 555 0100", fe.phoneInvalid],
  ])("refuses the phone %j", (phone, message) => {
    const result = parseRegistrationInput({ ...valid, phone });
    expect(result).toEqual({ ok: false, fieldErrors: { phone: message } });
  });

  it("refuses markup in the organisation and a missing consent", () => {
    expect(parseRegistrationInput({ ...valid, organisation: "<b>公司</b>" })).toEqual({
      ok: false,
      fieldErrors: { organisation: fe.organisationInvalid },
    });
    // Bytes that were not UTF-8 arrive as U+FFFD: refused rather than stored garbled.
    expect(parseRegistrationInput({ ...valid, organisation: "嘉兴\uFFFD公司" })).toEqual({
      ok: false,
      fieldErrors: { organisation: fe.organisationInvalid },
    });
    expect(parseRegistrationInput({ ...valid, consent: undefined })).toEqual({
      ok: false,
      fieldErrors: { consent: fe.consentRequired },
    });
  });

  it("treats non-text values (a file, a number) as empty", () => {
    const result = parseRegistrationInput({ ...valid, name: 42, phone: new Blob(["x"]) });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { name: fe.nameRequired, phone: fe.phoneRequired },
    });
  });

  it("knows a filled honeypot", () => {
    expect(isHoneypotFilled("")).toBe(false);
    expect(isHoneypotFilled("   ")).toBe(false);
    expect(isHoneypotFilled(null)).toBe(false);
    expect(isHoneypotFilled("https://spam.example")).toBe(true);
  });
});

describe("phones", () => {
  it("normalises the usual ways of writing a mainland mobile", () => {
    expect(normalizePhone("138 0000 0001")).toBe("13800000001");
    expect(normalizePhone("0086-13800000001")).toBe("13800000001");
    expect(normalizePhone("86 13800000001")).toBe("13800000001");
    expect(normalizePhone("(138)0000-0001")).toBe("13800000001");
  });

  it("masks all but the first three and last four digits", () => {
    expect(maskPhone("13800000001")).toBe("138****0001");
    expect(maskPhone("123")).toBe("****");
  });
});

describe("registration codes", () => {
  it("look like K7QM-3XPD and use only unambiguous symbols", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateRegistrationCode();
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it("are not sequential: 2,000 codes are all different", () => {
    const codes = new Set(Array.from({ length: 2_000 }, () => generateRegistrationCode()));
    expect(codes.size).toBe(2_000);
  });

  it("draw every symbol with the same chance (rejection sampling, no modulo bias)", () => {
    // A source returning every byte value once: bytes 248…255 must be skipped.
    let next = 0;
    const sequential = (length: number) =>
      Uint8Array.from({ length }, () => {
        const byte = next % 256;
        next += 1;
        return byte;
      });
    const counts = new Map<string, number>();
    for (let i = 0; i < 248; i++) {
      for (const symbol of generateRegistrationCode(sequential).replace("-", "")) {
        counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
      }
    }
    const values = [...counts.values()];
    expect(counts.size).toBe(REGISTRATION_CODE_ALPHABET.length);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
  });

  it("are read back whatever the case, spacing or dash", () => {
    expect(normalizeRegistrationCode("k7qm 3xpd")).toBe("K7QM-3XPD");
    expect(normalizeRegistrationCode("K7QM3XPD")).toBe("K7QM-3XPD");
    expect(normalizeRegistrationCode(" K7QM-3XPD ")).toBe("K7QM-3XPD");
    expect(normalizeRegistrationCode("K7QM-3XP")).toBeNull();
    expect(normalizeRegistrationCode("K7QM-3XP0")).toBeNull(); // 0 is not in the alphabet
    expect(normalizeRegistrationCode("' or 1=1 --")).toBeNull();
  });
});

describe("registration state", () => {
  const event: RegistrationWindow = {
    status: "scheduled",
    openToPublic: true,
    capacity: 30,
    startsAt: new Date("2026-12-01T06:30:00Z"),
    registrationOpensAt: new Date("2026-11-23T01:00:00Z"),
    registrationClosesAt: new Date("2026-11-29T09:00:00Z"),
  };
  const during = new Date("2026-11-26T03:00:00Z");

  it("is open inside the window with seats left, full when the seats are taken", () => {
    expect(computeRegistrationState(event, during, 0)).toBe("open");
    expect(computeRegistrationState(event, during, 29)).toBe("open");
    expect(computeRegistrationState(event, during, 30)).toBe("full");
    expect(computeRegistrationState(event, during, 31)).toBe("full");
    expect(computeRegistrationState({ ...event, capacity: null }, during, 10_000)).toBe("open");
  });

  it("is not open before the window and closed from its end", () => {
    expect(computeRegistrationState(event, new Date("2026-11-23T00:59:59Z"), 0)).toBe("not_open");
    expect(computeRegistrationState(event, new Date("2026-11-23T01:00:00Z"), 0)).toBe("open");
    expect(computeRegistrationState(event, new Date("2026-11-29T08:59:59Z"), 0)).toBe("open");
    expect(computeRegistrationState(event, new Date("2026-11-29T09:00:00Z"), 0)).toBe("closed");
  });

  it("closes when the event starts if no end of the window is set", () => {
    const open = { ...event, registrationOpensAt: null, registrationClosesAt: null };
    expect(computeRegistrationState(open, new Date("2026-12-01T06:29:00Z"), 0)).toBe("open");
    expect(computeRegistrationState(open, new Date("2026-12-01T06:30:00Z"), 0)).toBe("closed");
  });

  it("takes nobody for a cancelled event or one not open to the public", () => {
    expect(computeRegistrationState({ ...event, status: "cancelled" }, during, 0)).toBe(
      "event_cancelled",
    );
    expect(computeRegistrationState({ ...event, openToPublic: false }, during, 0)).toBe(
      "not_public",
    );
  });

  it("counts free seats and allows cancelling until the event starts", () => {
    expect(freeSeats(30, 12)).toBe(18);
    expect(freeSeats(30, 35)).toBe(0);
    expect(freeSeats(null, 35)).toBeNull();
    expect(canCancelRegistration(event, new Date("2026-12-01T06:29:59Z"))).toBe(true);
    expect(canCancelRegistration(event, new Date("2026-12-01T06:30:00Z"))).toBe(false);
  });
});

describe("event time in the committee's zone", () => {
  it("names the day once for a same-day event, both days otherwise", () => {
    const start = new Date("2026-11-30T06:30:00Z"); // 14:30 in Shanghai
    expect(formatEventWhen(start, new Date("2026-11-30T08:30:00Z"), "Asia/Shanghai")).toBe(
      "2026年11月30日 周一 14:30–16:30",
    );
    expect(formatEventWhen(start, new Date("2026-12-01T02:00:00Z"), "Asia/Shanghai")).toBe(
      "2026年11月30日 周一 14:30 至 2026年12月1日 周二 10:00",
    );
  });
});
