import { describe, expect, it } from "vitest";
import {
  afterAnswer,
  type OutboxEntry,
  outboxAnswerOf,
  RESIZE_MAX_SIDE,
  resizedSize,
  sendableEntries,
} from "./offline";

const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId: "0c6a4f0e-6f7e-4c55-9d43-2a6b1f0a3e11",
  userId: 7,
  title: "社区食堂",
  fields: [["title", "社区食堂"]],
  photos: [],
  queuedAt: 1_000,
  state: "waiting",
  attempts: 0,
  ...over,
});

describe("resizedSize: a photo shrunk on the device", () => {
  it("brings the longest side down to 2048, keeping the proportions", () => {
    expect(resizedSize(4032, 3024)).toEqual({ width: 2048, height: 1536 });
    expect(resizedSize(3024, 4032)).toEqual({ width: 1536, height: 2048 });
    expect(resizedSize(8000, 1000)).toEqual({ width: 2048, height: 256 });
  });

  it("leaves a photo alone when it is small enough, and never enlarges", () => {
    expect(resizedSize(2048, 1000)).toBeNull();
    expect(resizedSize(800, 600)).toBeNull();
    expect(RESIZE_MAX_SIDE).toBe(2048);
  });

  it("never makes a side of zero pixels, and refuses nonsense sizes", () => {
    expect(resizedSize(100_000, 10)).toEqual({ width: 2048, height: 1 });
    expect(resizedSize(0, 100)).toBeNull();
    expect(resizedSize(Number.NaN, 100)).toBeNull();
  });
});

describe("outboxAnswerOf: what the server's answer means for a queued note", () => {
  it("ends the note only on a clear 'stored' from the route", () => {
    expect(outboxAnswerOf(200, { ok: true, noteId: 12, status: "submitted" })).toEqual({
      kind: "stored",
      noteId: 12,
    });
    expect(outboxAnswerOf(200, { ok: true })).toEqual({ kind: "retry" });
    expect(outboxAnswerOf(200, "<html>portal login</html>")).toEqual({ kind: "retry" });
  });

  it("keeps the note for later on anything unclear: a 5xx, a 413 page, a proxy", () => {
    expect(outboxAnswerOf(500, null)).toEqual({ kind: "retry" });
    expect(outboxAnswerOf(413, null)).toEqual({ kind: "retry" });
    expect(outboxAnswerOf(502, { ok: false })).toEqual({ kind: "retry" });
    expect(outboxAnswerOf(403, { ok: false, reason: "bad_request" })).toEqual({ kind: "retry" });
  });

  it("tells signed-out, another member and a refusal apart", () => {
    expect(outboxAnswerOf(401, {})).toEqual({ kind: "signed_out" });
    expect(outboxAnswerOf(409, { ok: false, reason: "other_user" })).toEqual({
      kind: "other_user",
    });
    expect(
      outboxAnswerOf(422, { ok: false, reason: "refused", message: "请选择镇街", noteId: 5 }),
    ).toEqual({ kind: "refused", message: "请选择镇街", noteId: 5 });
    expect(outboxAnswerOf(422, { ok: false, reason: "refused", message: "x" })).toEqual({
      kind: "refused",
      message: "x",
      noteId: null,
    });
  });
});

describe("afterAnswer: the queue after each answer", () => {
  it("drops a stored note, so it is never sent again", () => {
    expect(afterAnswer(entry(), { kind: "stored", noteId: 3 })).toBeNull();
  });

  it("keeps a note refused by the server with its reason and its draft", () => {
    expect(afterAnswer(entry(), { kind: "refused", message: "请选择镇街", noteId: 9 })).toEqual(
      entry({ state: "refused", message: "请选择镇街", noteId: 9, attempts: 1 }),
    );
  });

  it("keeps waiting when signed out, under another member, or without network", () => {
    for (const kind of ["signed_out", "other_user", "retry"] as const) {
      expect(afterAnswer(entry({ attempts: 2 }), { kind })).toEqual(entry({ attempts: 3 }));
    }
  });
});

describe("sendableEntries: what a sender posts", () => {
  it("sends waiting notes oldest first, never refused ones", () => {
    const list = [
      entry({ clientId: "b", queuedAt: 3 }),
      entry({ clientId: "a", queuedAt: 1 }),
      entry({ clientId: "r", queuedAt: 0, state: "refused" }),
    ];
    expect(sendableEntries(list).map((e) => e.clientId)).toEqual(["a", "b"]);
  });

  it("sends from a page only the signed-in member's notes", () => {
    const list = [entry({ clientId: "mine", userId: 7 }), entry({ clientId: "theirs", userId: 8 })];
    expect(sendableEntries(list, 7).map((e) => e.clientId)).toEqual(["mine"]);
    expect(sendableEntries(list).map((e) => e.clientId)).toEqual(["mine", "theirs"]);
  });
});
