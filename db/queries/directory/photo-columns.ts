import "server-only";
import { and, eq } from "drizzle-orm";
import { files, type organisations, type sectors, type towns } from "@/db/schema";

/** A directory entry's photo (a public file; its variants are served from /files). */
export interface DirectoryPhoto {
  fileId: string;
  width: number;
  height: number;
}

/** How the public reaches a sector, town, studio or office; each part may be missing. */
export interface DirectoryContact {
  person: string | null;
  phone: string | null;
  openingHours: string | null;
}

type WithPhoto = typeof sectors | typeof towns | typeof organisations;

/** The columns a public reader selects for a row's photo (joined with photoJoin) and contact. */
export function photoAndContactFields(table: WithPhoto) {
  return {
    photoFileId: files.id,
    photoWidth: files.width,
    photoHeight: files.height,
    contactPerson: table.contactPerson,
    contactPhone: table.contactPhone,
    openingHours: table.openingHours,
  };
}

/** Only a public picture is shown on a public page. */
export function photoJoin(table: WithPhoto) {
  return and(eq(files.id, table.photoFileId), eq(files.visibility, "public"));
}

export function photoAndContact(r: {
  photoFileId: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
  contactPerson: string | null;
  contactPhone: string | null;
  openingHours: string | null;
}): { photo: DirectoryPhoto | null; contact: DirectoryContact } {
  return {
    photo:
      r.photoFileId && r.photoWidth && r.photoHeight
        ? { fileId: r.photoFileId, width: r.photoWidth, height: r.photoHeight }
        : null,
    contact: { person: r.contactPerson, phone: r.contactPhone, openingHours: r.openingHours },
  };
}
