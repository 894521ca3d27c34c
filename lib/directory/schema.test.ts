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
        contactPerson: "",
        contactPhone: "",
        openingHours: "",
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

describe("contact fields", () => {
  const base = { ...emptyDirectoryValues, name: "同心委员工作室", slug: "tongxin", kind: "studio" };
  it("takes an office phone with separators and an extension", () => {
    const parsed = parseDirectoryForm("organisations", {
      ...base,
      contactPerson: "沈晓梅",
      contactPhone: "0573-83001234 转 8012",
      openingHours: "工作日 8:30—17:00",
    });
    expect(parsed.ok && parsed.data).toMatchObject({
      contactPerson: "沈晓梅",
      contactPhone: "0573-83001234 转 8012",
      openingHours: "工作日 8:30—17:00",
    });
  });
  it("refuses a phone with letters or script, in Chinese, on its field", () => {
    for (const phone of ["call me", "<script>1</script>", "0573-8300x"]) {
      const parsed = parseDirectoryForm("organisations", { ...base, contactPhone: phone });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.fieldErrors.contactPhone).toMatch(/联系电话只能包含数字/);
    }
  });
});
