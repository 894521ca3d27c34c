import { describe, expect, it } from "vitest";
import { driverLabel } from "@/db/test-utils";
import { auditCount, expectAppError, staffHarness } from "../shared/test-staff";
import { selectDirectoryRecordIn } from "./staff";
import { saveDirectoryRecordIn } from "./write";

/** The directory (sectors, organisations) as admins keep it. */

const staff = staffHarness();

describe(`directory on ${driverLabel()}`, () => {
  it("creates and edits rows for admins only, refusing a slug in use", async () => {
    const { db, admin, editor, ids } = staff;
    const input = { slug: "huanbao", name: "环保界", description: "", sortOrder: 99 };
    await expectAppError(saveDirectoryRecordIn(db, editor, "sectors", null, input), "forbidden");
    const { id } = await saveDirectoryRecordIn(db, admin, "sectors", null, input);
    await saveDirectoryRecordIn(db, admin, "sectors", id, { ...input, name: "环境资源界" });
    expect((await selectDirectoryRecordIn(db, "sectors", id))?.name).toBe("环境资源界");
    await expectAppError(
      saveDirectoryRecordIn(db, admin, "sectors", null, { ...input, slug: "keji" }),
      "slug_taken",
      "slug",
    );
    expect(await auditCount(db, "sector.create", id)).toBe(1);
    expect(await auditCount(db, "sector.update", id)).toBe(1);

    const studio = await saveDirectoryRecordIn(db, admin, "organisations", null, {
      slug: "test-studio",
      name: "测试工作室",
      kind: "studio",
      townId: null,
      address: "",
      description: "",
      active: true,
      sortOrder: 0,
      sectorIds: [ids.keji, id],
    });
    expect(
      (await selectDirectoryRecordIn(db, "organisations", studio.id))?.sectorIds.sort(),
    ).toEqual([ids.keji, id].sort());
  });
});
