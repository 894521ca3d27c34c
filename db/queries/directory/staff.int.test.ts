import { describe, expect, it } from "vitest";
import { driverLabel } from "@/db/test-utils";
import { auditCount, expectAppError, staffHarness } from "../shared/test-staff";
import { getStudioDetail } from "./public";
import { selectDirectoryRecordIn } from "./staff";
import { saveDirectoryRecordIn } from "./write";

/** The directory (sectors, organisations) as admins keep it. */

const staff = staffHarness();
const noContact = { address: "", contactPerson: "", contactPhone: "", openingHours: "" };

describe(`directory on ${driverLabel()}`, () => {
  it("creates and edits rows for admins only, refusing a slug in use", async () => {
    const { db, admin, editor, ids } = staff;
    const input = { slug: "huanbao", name: "环保界", description: "", sortOrder: 99, ...noContact };
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
      ...noContact,
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

  it("keeps a studio's contact, shown to the public on its page", async () => {
    const { db, admin } = staff;
    const contact = {
      address: "秀洲区新城街道同心路 9 号",
      contactPerson: "沈晓梅",
      contactPhone: "0573-83001234 转 8012",
      openingHours: "工作日 8:30—17:00",
    };
    const { id } = await saveDirectoryRecordIn(db, admin, "organisations", null, {
      slug: "contact-studio",
      name: "联系测试工作室",
      kind: "studio",
      townId: null,
      ...contact,
      description: "",
      active: true,
      sortOrder: 0,
      sectorIds: [],
    });
    expect(await selectDirectoryRecordIn(db, "organisations", id)).toMatchObject(contact);
    const detail = await getStudioDetail(db, "contact-studio", new Date());
    expect(detail?.studio.contact).toEqual({
      person: "沈晓梅",
      phone: "0573-83001234 转 8012",
      openingHours: "工作日 8:30—17:00",
    });
    expect(detail?.studio.address).toBe(contact.address);

    const town = await saveDirectoryRecordIn(db, admin, "towns", null, {
      slug: "contact-town",
      name: "测试镇",
      kind: "town",
      sortOrder: 0,
      ...contact,
    });
    expect(await selectDirectoryRecordIn(db, "towns", town.id)).toMatchObject(contact);
  });
});
