import { describe, expect, it } from "vitest";
import { notesMessages } from "../messages/notes";
import { changedNoteFields, echoNoteValues, type NoteFieldsData, parseNoteFields } from "./fields";

const fe = notesMessages.fieldErrors;
const TODAY = "2026-05-20";

const complete = {
  title: "社区养老食堂就餐难",
  observation:
    "走访塘汇街道三个社区，老人反映食堂只有午餐，晚餐要自己解决，行动不便的老人很不方便。",
  suggestion: "建议试点晚餐供应并提供送餐上门服务。",
  visitDate: "2026-05-18",
  townId: "3",
  place: "塘汇街道百花社区",
  sectorId: "7",
  eventId: "",
  topicId: "2",
  category: "livelihood",
  peopleMet: "社区书记、老年协会会长和十几位老人",
};

function errorsOf(raw: Record<string, unknown>, mode: "draft" | "submit" = "submit") {
  const result = parseNoteFields(raw, mode, TODAY);
  return result.ok ? {} : result.fieldErrors;
}

describe("note fields", () => {
  it("accepts a complete note for submission and stores typed values", () => {
    const result = parseNoteFields(complete, "submit", TODAY);
    expect(result).toEqual({
      ok: true,
      data: {
        ...complete,
        visitDate: "2026-05-18",
        townId: 3,
        sectorId: 7,
        eventId: null,
        topicId: 2,
        category: "livelihood",
      },
    });
  });

  it("lets a draft be empty: nothing is required until submission", () => {
    const result = parseNoteFields({}, "draft", TODAY);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data).toMatchObject({
        title: "",
        visitDate: null,
        townId: null,
        category: null,
      });
    }
  });

  it("asks for every required field on submission, each with its own message", () => {
    expect(errorsOf({})).toEqual({
      title: fe.titleRequired,
      observation: fe.observationRequired,
      suggestion: fe.suggestionRequired,
      visitDate: fe.visitDateRequired,
      townId: fe.townRequired,
      sectorId: fe.sectorRequired,
      category: fe.categoryRequired,
    });
  });

  it("bounds the title to 4–60 characters", () => {
    expect(errorsOf({ ...complete, title: "太短" }).title).toBe(fe.titleTooShort);
    expect(errorsOf({ ...complete, title: "长".repeat(61) }).title).toBe(fe.titleTooLong);
    expect(errorsOf({ ...complete, title: "长".repeat(61) }, "draft").title).toBe(fe.titleTooLong);
    expect(errorsOf({ ...complete, title: "太短" }, "draft").title).toBeUndefined();
    expect(errorsOf({ ...complete, title: "四个字的" })).toEqual({});
  });

  it("bounds what was seen to 20–5000 and the suggestion to 10–3000 characters", () => {
    expect(errorsOf({ ...complete, observation: "不够二十个字" }).observation).toBe(
      fe.observationTooShort,
    );
    expect(errorsOf({ ...complete, observation: "字".repeat(5001) }).observation).toBe(
      fe.observationTooLong,
    );
    expect(errorsOf({ ...complete, suggestion: "太短了" }).suggestion).toBe(fe.suggestionTooShort);
    expect(errorsOf({ ...complete, suggestion: "字".repeat(3001) }).suggestion).toBe(
      fe.suggestionTooLong,
    );
    expect(errorsOf({ ...complete, suggestion: "" }, "draft").suggestion).toBeUndefined();
  });

  it("refuses visit dates in the future, before 2000 or not on the calendar", () => {
    expect(errorsOf({ ...complete, visitDate: "2026-05-21" }).visitDate).toBe(fe.visitDateFuture);
    expect(errorsOf({ ...complete, visitDate: TODAY }).visitDate).toBeUndefined();
    expect(errorsOf({ ...complete, visitDate: "1999-12-31" }).visitDate).toBe(fe.visitDateTooEarly);
    expect(errorsOf({ ...complete, visitDate: "2026-02-30" }).visitDate).toBe(fe.visitDateInvalid);
    expect(errorsOf({ ...complete, visitDate: "5月18日" }).visitDate).toBe(fe.visitDateInvalid);
    expect(errorsOf({ ...complete, visitDate: "2026-05-21" }, "draft").visitDate).toBe(
      fe.visitDateFuture,
    );
  });

  it("refuses ids that are not ids and categories that are not on the list", () => {
    expect(errorsOf({ ...complete, townId: "abc" }).townId).toBe(fe.townInvalid);
    expect(errorsOf({ ...complete, sectorId: "0" }).sectorId).toBe(fe.sectorInvalid);
    expect(errorsOf({ ...complete, eventId: "1 or 1=1" }).eventId).toBe(fe.eventInvalid);
    expect(errorsOf({ ...complete, topicId: "-2" }).topicId).toBe(fe.topicInvalid);
    expect(errorsOf({ ...complete, category: "other" }).category).toBe(fe.categoryInvalid);
    expect(errorsOf({ ...complete, category: "other" }, "draft").category).toBe(fe.categoryInvalid);
  });

  it("limits place and people met, and refuses control characters", () => {
    expect(errorsOf({ ...complete, place: "地".repeat(101) }).place).toBe(fe.placeTooLong);
    expect(errorsOf({ ...complete, peopleMet: "人".repeat(501) }).peopleMet).toBe(
      fe.peopleMetTooLong,
    );
    expect(
      errorsOf({ ...complete, observation: `${complete.observation}\u0000` }).observation,
    ).toBe(fe.controlCharacters);
  });

  it("refuses text that arrived as invalid UTF-8 (decoded to U+FFFD), even in a draft", () => {
    const garbled = "走访\uFFFD\uFFFDA";
    expect(errorsOf({ ...complete, title: garbled }).title).toBe(fe.controlCharacters);
    expect(errorsOf({ ...complete, place: garbled }, "draft").place).toBe(fe.controlCharacters);
  });

  it("keeps line breaks in paragraphs, folds them in one-line fields", () => {
    const result = parseNoteFields(
      {
        ...complete,
        title: "  社区\n养老   食堂  ",
        observation: `第一段。\r\n\r\n${complete.observation}  `,
      },
      "submit",
      TODAY,
    );
    expect(result.ok && result.data.title).toBe("社区 养老 食堂");
    expect(result.ok && result.data.observation).toBe(`第一段。\n\n${complete.observation}`);
  });

  it("treats script and SQL-looking text as text", () => {
    const title = "<script>alert(1)</script>";
    const result = parseNoteFields(
      { ...complete, title, place: "'; drop table users; --" },
      "submit",
      TODAY,
    );
    expect(result.ok && result.data.title).toBe(title);
  });

  it("names the fields that changed, and echoes no more than a field can hold", () => {
    const before = (parseNoteFields(complete, "submit", TODAY) as { data: NoteFieldsData }).data;
    expect(changedNoteFields(before, { ...before, title: "新标题新标题", townId: 4 })).toEqual([
      "title",
      "townId",
    ]);
    expect(echoNoteValues({ title: "字".repeat(10_000) }).title.length).toBeLessThan(300);
    expect(echoNoteValues({ title: 42 }).title).toBe("");
  });
});
