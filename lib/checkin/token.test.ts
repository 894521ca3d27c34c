import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CHECKIN_STEP_SECONDS,
  checkinWindow,
  eventCheckinToken,
  memberCheckinUrl,
  TOKEN_GRACE_STEPS,
  verifyEventCheckinToken,
} from "./token";

const key = randomBytes(32);
const at = (iso: string) => new Date(iso);
const step = CHECKIN_STEP_SECONDS * 1000;

describe("event check-in token", () => {
  const now = at("2026-12-05T06:30:10Z");

  it("is accepted in its own step and the next, refused after (rotation)", () => {
    const token = eventCheckinToken(key, 7, now);
    expect(verifyEventCheckinToken(key, 7, token, now)).toBe("ok");
    expect(verifyEventCheckinToken(key, 7, token, new Date(now.getTime() + step))).toBe("ok");
    expect(verifyEventCheckinToken(key, 7, token, new Date(now.getTime() + 2 * step))).toBe(
      "expired",
    );
    // Nor is a token of a step yet to come (a clock far ahead) accepted.
    expect(verifyEventCheckinToken(key, 7, token, new Date(now.getTime() - step))).toBe("expired");
  });

  it("gives the tap on 确认签到 one step more than opening the page", () => {
    const token = eventCheckinToken(key, 7, now);
    const later = (steps: number) => new Date(now.getTime() + steps * step);
    const confirm = TOKEN_GRACE_STEPS.CONFIRM;
    expect(verifyEventCheckinToken(key, 7, token, later(2), TOKEN_GRACE_STEPS.CHECK)).toBe(
      "expired",
    );
    expect(verifyEventCheckinToken(key, 7, token, later(2), confirm)).toBe("ok");
    expect(verifyEventCheckinToken(key, 7, token, later(3), confirm)).toBe("expired");
    expect(verifyEventCheckinToken(key, 7, token, later(-1), confirm)).toBe("expired");
  });

  it("changes every step", () => {
    const next = new Date(now.getTime() + step);
    expect(eventCheckinToken(key, 7, next)).not.toBe(eventCheckinToken(key, 7, now));
  });

  it("refuses another event's token, another key's, and any alteration (tamper)", () => {
    const token = eventCheckinToken(key, 7, now);
    expect(verifyEventCheckinToken(key, 8, token, now)).toBe("invalid");
    expect(verifyEventCheckinToken(randomBytes(32), 7, token, now)).toBe("invalid");
    const [stepPart, macPart = ""] = token.split(".");
    // A later step with the old mac: a photo of the code cannot be moved forward in time.
    expect(verifyEventCheckinToken(key, 7, `${Number(stepPart) + 1}.${macPart}`, now)).toBe(
      "invalid",
    );
    const flipped = `${macPart[0] === "A" ? "B" : "A"}${macPart.slice(1)}`;
    expect(verifyEventCheckinToken(key, 7, `${stepPart}.${flipped}`, now)).toBe("invalid");
    for (const garbage of [
      "",
      "abc",
      `${stepPart}.`,
      `${token}x`,
      "1.<script>",
      token.toUpperCase(),
    ]) {
      expect(verifyEventCheckinToken(key, 7, garbage, now), garbage).toBe("invalid");
    }
  });
});

describe("check-in window", () => {
  const event = { startsAt: at("2026-12-05T06:00:00Z"), endsAt: at("2026-12-05T08:00:00Z") };

  it("opens 30 minutes before the start and closes at the end", () => {
    expect(checkinWindow(event, at("2026-12-05T05:29:59Z"))).toBe("not_yet");
    expect(checkinWindow(event, at("2026-12-05T05:30:00Z"))).toBe("open");
    expect(checkinWindow(event, at("2026-12-05T07:59:59Z"))).toBe("open");
    expect(checkinWindow(event, at("2026-12-05T08:00:01Z"))).toBe("over");
  });
});

describe("member check-in URL", () => {
  it("is a page of this site carrying the event and the token", () => {
    const url = new URL(memberCheckinUrl("https://lvzhi.example.cn", 7, "123.abc"));
    expect(url.origin).toBe("https://lvzhi.example.cn");
    expect(url.pathname).toBe("/member/checkin");
    expect(url.searchParams.get("e")).toBe("7");
    expect(url.searchParams.get("t")).toBe("123.abc");
  });
});
