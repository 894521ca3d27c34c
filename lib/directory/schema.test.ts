import { describe, expect, it } from "vitest";
import { emptyDirectoryValues, parseDirectoryForm } from "./schema";

describe("parseDirectoryForm", () => {
  it("reads each kind's own fields", () => {
    const studio = parseDirectoryForm("organisations", {
      ...emptyDirectoryValues,
      name: "心灵之秀委员工作室",
      slug: "xinling-zhixiu",
      kind: "studio",
      townId: "3",
      active: "",
      sectorIds: ["2", "4"],
    });
    expect(studio).toEqual({
      ok: true,
      data: {
        name: "心灵之秀委员工作室",
        slug: "xinling-zhixiu",
        sortOrder: 0,
        kind: "studio",
        townId: 3,
        address: "",
        description: "",
        active: false,
        sectorIds: [2, 4],
      },
    });
    const topic = parseDirectoryForm("topics", {
      ...emptyDirectoryValues,
      name: "托育",
      slug: "tuoyu",
      openForOpinions: "on",
    });
    expect(topic.ok && topic.data).toMatchObject({ openForOpinions: true, campaignId: null });
  });

  it("requires a name and a well-formed slug, and a known kind", () => {
    const result = parseDirectoryForm("towns", {
      ...emptyDirectoryValues,
      slug: "新城",
      kind: "city",
      sortOrder: "x",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["kind", "name", "slug", "sortOrder"]);
  });
});
