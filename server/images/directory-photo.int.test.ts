import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { selectDirectoryPhotoIn } from "@/db/queries/directory/photo";
import {
  getSectorDetail,
  listSectorCards,
  listTownsWithOffices,
} from "@/db/queries/directory/public";
import { selectDirectoryRecordIn } from "@/db/queries/directory/staff";
import { saveDirectoryRecordIn } from "@/db/queries/directory/write";
import { auditCount, expectAppError, slugId, staffHarness } from "@/db/queries/shared/test-staff";
import { towns } from "@/db/schema";
import { driverLabel } from "@/db/test-utils";
import { cmsMessages } from "@/lib/messages/cms";
import { pictureChangeOf } from "./upload-field";

/**
 * A directory entry's photo, as the 目录 form's action handles it (server/images/upload-field.ts
 * reads the file, db/queries/directory/write.ts saves it with the row): admins only; a
 * file that is not a picture is refused in Chinese before anything is written.
 */

const staff = staffHarness();

function formWith(file: File | null, remove = false): FormData {
  const form = new FormData();
  if (file) form.set("photo", file);
  if (remove) form.set("removePhoto", "on");
  return form;
}

async function png(): Promise<File> {
  const data = await sharp({
    create: { width: 300, height: 200, channels: 3, background: "#b91c1c" },
  })
    .png()
    .toBuffer();
  return new File([new Uint8Array(data)], "town.png", { type: "image/png" });
}

const townInput = async (id: number) => {
  const { db } = staff;
  const record = await selectDirectoryRecordIn(db, "towns", id);
  if (!record) throw new Error("no town");
  const { id: _id, ...input } = record;
  return input;
};

describe(`directory photos on ${driverLabel()}`, () => {
  it("refuses a file that is not a picture, in Chinese, and changes nothing", async () => {
    const { db } = staff;
    const id = await slugId(db, towns, "wangdian-zhen");
    const before = await selectDirectoryPhotoIn(db, "towns", id);
    const fake = new File([new TextEncoder().encode("%PDF-1.4 not a picture")], "a.png", {
      type: "image/png",
    });
    await expectAppError(
      pictureChangeOf(formWith(fake), "photo", "removePhoto"),
      "bad_image",
      "photo",
    );
    expect(cmsMessages.errors.bad_image).toMatch(/\p{Script=Han}/u);
    expect(await selectDirectoryPhotoIn(db, "towns", id)).toEqual(before);
    expect(await auditCount(db, "town.photo.upload", id)).toBe(0);
  });

  it("stores an admin's upload, audited, shows it with the contact, and removes it", async () => {
    const { db, admin, editor } = staff;
    const id = await slugId(db, towns, "wangdian-zhen");
    const input = {
      ...(await townInput(id)),
      contactPerson: "钱志强",
      openingHours: "工作日 9:00—17:00",
    };
    const upload = await pictureChangeOf(formWith(await png()), "photo", "removePhoto");
    expect("upload" in upload).toBe(true);

    // No permission: refused, nothing changes.
    const before = await selectDirectoryPhotoIn(db, "towns", id);
    await expectAppError(
      saveDirectoryRecordIn(db, editor, "towns", id, input, upload),
      "forbidden",
    );
    expect(await selectDirectoryPhotoIn(db, "towns", id)).toEqual(before);

    await saveDirectoryRecordIn(db, admin, "towns", id, input, upload);
    const photo = await selectDirectoryPhotoIn(db, "towns", id);
    expect(photo).toMatchObject({ width: 300, height: 200 });
    expect(photo?.fileId).not.toBe(before?.fileId);
    expect(await auditCount(db, "town.photo.upload", id)).toBe(1);

    const town = (await listTownsWithOffices(db)).find((t) => t.slug === "wangdian-zhen");
    expect(town?.photo).toEqual({ fileId: photo?.fileId, width: 300, height: 200 });
    expect(town?.contact).toMatchObject({ person: "钱志强", openingHours: "工作日 9:00—17:00" });

    // Saved again without a file: the photo stays.
    await saveDirectoryRecordIn(db, admin, "towns", id, input, { keep: true });
    expect((await selectDirectoryPhotoIn(db, "towns", id))?.fileId).toBe(photo?.fileId);

    const removal = await pictureChangeOf(formWith(null, true), "photo", "removePhoto");
    await saveDirectoryRecordIn(db, admin, "towns", id, input, removal);
    expect(await selectDirectoryPhotoIn(db, "towns", id)).toBeNull();
    expect(await auditCount(db, "town.photo.remove", id)).toBe(1);
  });

  it("shows a sector's seeded photo and contact on its card and its page", async () => {
    const { db } = staff;
    const detail = await getSectorDetail(db, "keji", new Date());
    expect(detail?.sector.photo).toMatchObject({ width: 360, height: 240 });
    expect(detail?.sector.contact.phone).toMatch(/^0573-/);
    expect(detail?.sector.address).toBeTruthy();
    const card = (await listSectorCards(db, new Date())).find((c) => c.slug === "keji");
    expect(card?.photo?.fileId).toBe(detail?.sector.photo?.fileId);
  });
});
