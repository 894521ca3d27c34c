import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import type { NoteStatus } from "@/lib/notes/workflow";
import {
  can,
  linksInScope,
  type NoteTarget,
  noteActorFor,
  noteTarget,
  type PermissionAction,
  type PermissionTarget,
  permissionActions,
} from "./permissions";

/*
 * The permission matrix: every role × every action × the viewer's own object and
 * someone else's (out of scope), plus the role-level answer (no object).
 *
 * "own" means: a member's own note or record (author); an editor's scope (their sector
 * or liaison office); for an administrator, simply one object, and "other" another.
 *
 * Separation of duties (三权分立): the system administrator (admin) runs content and
 * configuration, the security administrator (security) accounts, and the audit
 * administrator (auditor) reads the audit log; each row says no to the other two.
 */

const SECTOR_KEJI = 10;
const SECTOR_YIWEI = 11;
const OFFICE_XINCHENG = 20;
const OFFICE_WANGJIANGJING = 21;

const admin: SessionUser = {
  id: 1,
  username: "admin",
  displayName: "系统管理员",
  role: "admin",
  sectorId: null,
  organisationId: null,
};
const editor: SessionUser = {
  id: 2,
  username: "editor",
  displayName: "陈静",
  role: "editor",
  sectorId: null,
  organisationId: OFFICE_XINCHENG,
};
const security: SessionUser = {
  id: 5,
  username: "security",
  displayName: "安全管理员",
  role: "security",
  sectorId: null,
  organisationId: null,
};
const auditor: SessionUser = {
  id: 6,
  username: "auditor",
  displayName: "审计管理员",
  role: "auditor",
  sectorId: null,
  organisationId: null,
};
const member1: SessionUser = {
  id: 3,
  username: "member1",
  displayName: "张明华",
  role: "member",
  sectorId: SECTOR_KEJI,
  organisationId: null,
};
const member2: SessionUser = {
  id: 4,
  username: "member2",
  displayName: "李慧",
  role: "member",
  sectorId: SECTOR_YIWEI,
  organisationId: null,
};

type Role = "signedOut" | "member" | "editor" | "admin" | "security" | "auditor";
const viewers: Record<Role, SessionUser | null> = {
  signedOut: null,
  member: member1,
  editor,
  admin,
  security,
  auditor,
};

const inXincheng = { sectorIds: [SECTOR_KEJI], organisationIds: [OFFICE_XINCHENG] };
const inWangjiangjing = { sectorIds: [SECTOR_YIWEI], organisationIds: [OFFICE_WANGJIANGJING] };

const note = (authorId: number, status: NoteStatus, scope = inWangjiangjing): NoteTarget => ({
  kind: "note",
  authorId,
  status,
  scope,
});

/** The viewer's own object and someone else's, per kind of object an action is about. */
function targetsFor(role: Role, kind: PermissionTarget["kind"]) {
  const self = viewers[role];
  switch (kind) {
    case "note":
      return {
        // Submitted: the status in which every role has something to say.
        own:
          role === "member"
            ? note(member1.id, "submitted")
            : note(member2.id, "submitted", inXincheng),
        other: note(member2.id, "submitted", inWangjiangjing),
      };
    case "member":
      return {
        own: { kind: "member", userId: self?.id ?? member1.id } as const,
        other: { kind: "member", userId: member2.id } as const,
      };
    case "article":
    case "event":
      return {
        own: { kind, scope: inXincheng } as const,
        other: { kind, scope: inWangjiangjing } as const,
      };
  }
}

type Answer = "Y" | "-";
/** [role level (no object), own, other] */
type Row = Record<Role, [Answer, Answer, Answer]>;

const N: [Answer, Answer, Answer] = ["-", "-", "-"];
const ALL: [Answer, Answer, Answer] = ["Y", "Y", "Y"];
const SCOPED: [Answer, Answer, Answer] = ["Y", "Y", "-"];
/** Nobody but `who`. */
const only = (who: Exclude<Role, "signedOut">): Row => ({
  signedOut: N,
  member: N,
  editor: N,
  admin: N,
  security: N,
  auditor: N,
  [who]: ALL,
});
const adminOnly = only("admin");
const contentStaff: Row = { ...adminOnly, editor: ALL };
const editorScoped: Row = { ...adminOnly, editor: SCOPED };
const ownNote: Row = { ...only("member"), member: SCOPED };

const matrix: Record<PermissionAction, { about: PermissionTarget["kind"] | null; row: Row }> = {
  "site.view": {
    about: null,
    row: { signedOut: ALL, member: ALL, editor: ALL, admin: ALL, security: ALL, auditor: ALL },
  },
  // The console opens for all four kinds of staff; each sees only their own pages.
  "console.enter": { about: null, row: { ...contentStaff, security: ALL, auditor: ALL } },
  "note.create": { about: null, row: only("member") },
  "note.view": { about: "note", row: { ...editorScoped, member: SCOPED } },
  // Submitted: out of the author's hands until it comes back (see the status tests below).
  "note.edit": { about: "note", row: { ...ownNote, member: ["Y", "-", "-"] } },
  "note.submit": { about: "note", row: { ...ownNote, member: ["Y", "-", "-"] } },
  "note.review": { about: "note", row: editorScoped },
  "note.comment": { about: "note", row: editorScoped },
  "note.transfer": { about: "note", row: adminOnly },
  "note.answer": { about: "note", row: adminOnly },
  "note.close": { about: "note", row: adminOnly },
  "template.use": { about: null, row: contentStaff },
  "template.manage": { about: null, row: adminOnly },
  "department.manage": { about: null, row: adminOnly },
  "research.manage": { about: null, row: adminOnly },
  "proposal.manage": { about: null, row: adminOnly },
  "duty.view": { about: "member", row: { ...adminOnly, member: SCOPED } },
  "duty.list": { about: null, row: adminOnly },
  "article.create": { about: "article", row: editorScoped },
  "article.edit": { about: "article", row: editorScoped },
  "article.publish": { about: "article", row: editorScoped },
  "event.create": { about: "event", row: editorScoped },
  "event.edit": { about: "event", row: editorScoped },
  "registration.view": { about: "event", row: editorScoped },
  "directory.manage": { about: null, row: adminOnly },
  // Accounts, roles, sessions, invitations, second factors: the security administrator's.
  "user.manage": { about: null, row: only("security") },
  // Reading and exporting the audit log: the audit administrator's alone.
  "audit.view": { about: null, row: only("auditor") },
  "stats.view": { about: null, row: contentStaff },
  "phone.reveal": { about: null, row: adminOnly },
  "case.publish": { about: null, row: adminOnly },
  "opinion.moderate": { about: null, row: adminOnly },
  "notification.manage": { about: null, row: adminOnly },
  // The site's conventions (footer, filing numbers, links): the system administrator's.
  "settings.manage": { about: null, row: adminOnly },
};

const roles = Object.keys(viewers) as Role[];

describe("permission matrix: role × action × own/other", () => {
  it("covers every action", () => {
    expect(Object.keys(matrix).sort()).toEqual([...permissionActions].sort());
  });

  for (const action of permissionActions) {
    const { about, row } = matrix[action];
    for (const role of roles) {
      const [roleLevel, own, other] = row[role];
      it(`${action} · ${role}: ${roleLevel}${own}${other}`, () => {
        const user = viewers[role];
        expect(can(user, action), "without an object").toBe(roleLevel === "Y");
        if (about === null) {
          // Not about an object: an object changes nothing.
          expect(can(user, action, targetsFor(role, "member").own)).toBe(roleLevel === "Y");
          return;
        }
        const targets = targetsFor(role, about);
        expect(can(user, action, targets.own), "own / in scope").toBe(own === "Y");
        expect(can(user, action, targets.other), "other / out of scope").toBe(other === "Y");
      });
    }
  }
});

describe("notes: status and scope details", () => {
  it("lets the author edit and submit only drafts and returned notes", () => {
    for (const status of ["draft", "returned"] as const) {
      expect(can(member1, "note.edit", note(member1.id, status))).toBe(true);
      expect(can(member1, "note.submit", note(member1.id, status))).toBe(true);
    }
    for (const status of ["submitted", "accepted", "transferred", "closed", "rejected"] as const) {
      expect(can(member1, "note.edit", note(member1.id, status))).toBe(false);
      expect(can(member1, "note.submit", note(member1.id, status))).toBe(false);
    }
  });

  it("keeps drafts from everyone but their author, admins included", () => {
    const draft = note(member1.id, "draft", inXincheng);
    expect(can(member1, "note.view", draft)).toBe(true);
    expect(can(admin, "note.view", draft)).toBe(false);
    expect(can(editor, "note.view", draft)).toBe(false);
    expect(can(admin, "note.review", draft)).toBe(false);
    expect(can(member2, "note.view", draft)).toBe(false);
  });

  it("lets a member follow their note through every later status, never another's", () => {
    for (const status of ["accepted", "transferred", "answered", "closed", "rejected"] as const) {
      expect(can(member1, "note.view", note(member1.id, status))).toBe(true);
      expect(can(member2, "note.view", note(member1.id, status))).toBe(false);
    }
  });

  it("puts a note in an editor's scope by sector or by liaison office", () => {
    const bySector: SessionUser = { ...editor, sectorId: SECTOR_YIWEI, organisationId: null };
    const byOffice: SessionUser = { ...editor, sectorId: null, organisationId: OFFICE_XINCHENG };
    const onlySector = note(member2.id, "submitted", {
      sectorIds: [SECTOR_YIWEI],
      organisationIds: [],
    });
    const onlyOffice = note(member2.id, "submitted", {
      sectorIds: [],
      organisationIds: [OFFICE_XINCHENG],
    });
    expect(can(bySector, "note.review", onlySector)).toBe(true);
    expect(can(bySector, "note.review", onlyOffice)).toBe(false);
    expect(can(byOffice, "note.review", onlyOffice)).toBe(true);
    expect(can(byOffice, "note.review", onlySector)).toBe(false);
    // No sector, no office: an editor without scope reviews nothing.
    const unscoped: SessionUser = { ...editor, sectorId: null, organisationId: null };
    expect(can(unscoped, "note.review", onlySector)).toBe(false);
    expect(can(unscoped, "note.review", onlyOffice)).toBe(false);
  });

  it("never lets an editor transfer, answer or close, even in scope", () => {
    const accepted = note(member2.id, "accepted", inXincheng);
    expect(can(editor, "note.transfer", accepted)).toBe(false);
    expect(can(editor, "note.answer", accepted)).toBe(false);
    expect(can(editor, "note.close", accepted)).toBe(false);
  });

  it("answers no when the object is of the wrong kind", () => {
    const event: PermissionTarget = { kind: "event", scope: inXincheng };
    expect(can(admin, "note.view", event)).toBe(false);
    expect(can(editor, "article.edit", event)).toBe(false);
    expect(can(admin, "duty.view", event)).toBe(false);
  });

  it("builds a note's scope from its sector and its town's liaison offices", () => {
    expect(
      noteTarget({
        authorId: 3,
        status: "submitted",
        sectorId: null,
        liaisonOfficeIds: [OFFICE_XINCHENG],
      }),
    ).toEqual({
      kind: "note",
      authorId: 3,
      status: "submitted",
      scope: { sectorIds: [], organisationIds: [OFFICE_XINCHENG] },
    });
  });
});

describe("noteActorFor", () => {
  it("maps each viewer to the workflow's actor", () => {
    const inScope = note(member1.id, "submitted", inXincheng);
    const outOfScope = note(member1.id, "submitted", inWangjiangjing);
    expect(noteActorFor(admin, outOfScope)).toBe("admin");
    expect(noteActorFor(editor, inScope)).toBe("editor");
    expect(noteActorFor(editor, outOfScope)).toBeNull();
    expect(noteActorFor(member1, inScope)).toBe("author");
    expect(noteActorFor(member2, inScope)).toBeNull();
    expect(noteActorFor(null, inScope)).toBeNull();
  });

  it("gives staff no part in a draft", () => {
    const draft = note(member1.id, "draft", inXincheng);
    expect(noteActorFor(admin, draft)).toBeNull();
    expect(noteActorFor(editor, draft)).toBeNull();
    expect(noteActorFor(member1, draft)).toBe("author");
  });
});

describe("linksInScope: what content may be linked to", () => {
  const sectorEditor: SessionUser = { ...editor, sectorId: SECTOR_KEJI, organisationId: null };
  // A town's scope: its liaison offices.
  const xinchengTown = { sectorIds: [], organisationIds: [OFFICE_XINCHENG] };
  const wangjiangjingTown = { sectorIds: [], organisationIds: [OFFICE_WANGJIANGJING] };
  const townWithoutOffice = { sectorIds: [], organisationIds: [] };
  const cases: [string, SessionUser | null, Parameters<typeof linksInScope>[1], boolean][] = [
    ["no links", editor, { sectorIds: [], eventScopes: [] }, true],
    ["an office editor, any sector", editor, { sectorIds: [SECTOR_KEJI], eventScopes: [] }, false],
    ["their office's event", editor, { sectorIds: [], eventScopes: [inXincheng] }, true],
    ["another office's event", editor, { sectorIds: [], eventScopes: [inWangjiangjing] }, false],
    [
      "one good, one foreign event",
      editor,
      { sectorIds: [], eventScopes: [inXincheng, inWangjiangjing] },
      false,
    ],
    [
      "a sector editor, own sector",
      sectorEditor,
      { sectorIds: [SECTOR_KEJI], eventScopes: [] },
      true,
    ],
    [
      "a sector editor, another sector",
      sectorEditor,
      { sectorIds: [SECTOR_KEJI, SECTOR_YIWEI], eventScopes: [] },
      false,
    ],
    [
      "an admin, anything",
      admin,
      {
        sectorIds: [SECTOR_YIWEI],
        organisationIds: [OFFICE_WANGJIANGJING],
        eventScopes: [inWangjiangjing],
        townScopes: [wangjiangjingTown, townWithoutOffice],
      },
      true,
    ],
    // Events: organisers and the town they are held in.
    ["their own office as organiser", editor, { organisationIds: [OFFICE_XINCHENG] }, true],
    [
      "another office as co-organiser",
      editor,
      { organisationIds: [OFFICE_XINCHENG, OFFICE_WANGJIANGJING] },
      false,
    ],
    ["an office editor, a sector as organiser", editor, { sectorIds: [SECTOR_KEJI] }, false],
    ["an office editor, their office's town", editor, { townScopes: [xinchengTown] }, true],
    ["an office editor, another town", editor, { townScopes: [wangjiangjingTown] }, false],
    ["an office editor, a town with no office", editor, { townScopes: [townWithoutOffice] }, false],
    [
      "a sector editor, an event anywhere in the district",
      sectorEditor,
      { sectorIds: [SECTOR_KEJI], townScopes: [wangjiangjingTown, townWithoutOffice] },
      true,
    ],
    [
      "a sector editor, an office as organiser",
      sectorEditor,
      { organisationIds: [OFFICE_XINCHENG] },
      false,
    ],
    ["a member", member1, { sectorIds: [], eventScopes: [] }, false],
    ["a member, a town", member1, { townScopes: [xinchengTown] }, false],
    ["signed out", null, { sectorIds: [], eventScopes: [] }, false],
  ];
  it.each(cases)("%s", (_what, user, links, expected) => {
    expect(linksInScope(user, links)).toBe(expected);
  });
});
