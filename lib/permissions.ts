import type { SessionUser } from "@/lib/auth/types";
import { isEditableByAuthor, type NoteActor, type NoteStatus } from "@/lib/notes/workflow";

/**
 * The one answer to "may this user do this to this object". Every page, server action
 * and route handler asks `can()`; list queries apply the same rule in their WHERE
 * (db/queries/pipeline/scope.ts), and an integration test checks the two agree.
 *
 * Roles: signed out (null), member, editor, and three administrators who share the
 * console's powers without overlap (三权分立, separation of duties):
 * - admin (系统管理员): content, the note pipeline, directory and configuration; not
 *   accounts, not the audit log.
 * - security (安全管理员): accounts, roles, sessions, invitations, second factors; nothing
 *   else (db/queries/users/staff-write.ts also keeps them off their own role and factors).
 * - auditor (审计管理员): reads and exports the audit log; nothing else. Nobody may change
 *   or delete audit entries (the table refuses UPDATE and DELETE).
 * - editor: news and events of their scope, first review of notes of their scope.
 *   Scope = the editor's sector, or their liaison office (users.organisation_id).
 * - member: their own notes (author) and their own duty record.
 */

/** Who an object belongs to, in the terms an editor's scope is written in. */
export interface Scope {
  sectorIds: readonly number[];
  /** Organisations (a note: the liaison offices of its town; an event: its organisers). */
  organisationIds: readonly number[];
}

export interface NoteTarget {
  kind: "note";
  authorId: number;
  status: NoteStatus;
  scope: Scope;
}

export interface ArticleTarget {
  kind: "article";
  scope: Scope;
}

export interface EventTarget {
  kind: "event";
  scope: Scope;
}

/** A member's records (duty record). */
export interface MemberTarget {
  kind: "member";
  userId: number;
}

export type PermissionTarget = NoteTarget | ArticleTarget | EventTarget | MemberTarget;

/**
 * What can be asked. Actions on an object take its target; called without one, a
 * scoped action answers for the role ("could this user do it to some object?"), which
 * is what navigation needs. Lists must still be scoped in their query.
 */
export const permissionActions = [
  "site.view",
  "console.enter",
  "note.create",
  "note.view",
  "note.edit",
  "note.submit",
  "note.review",
  "note.comment",
  "note.transfer",
  "note.answer",
  "note.close",
  "template.use",
  "template.manage",
  "department.manage",
  "research.manage",
  "proposal.manage",
  "duty.view",
  "duty.list",
  "article.create",
  "article.edit",
  "article.publish",
  "event.create",
  "event.edit",
  "registration.view",
  "directory.manage",
  "user.manage",
  "audit.view",
  "stats.view",
  "phone.reveal",
  "case.publish",
  "opinion.moderate",
  "notification.manage",
  "settings.manage",
] as const;
export type PermissionAction = (typeof permissionActions)[number];

type Rule = (user: SessionUser | null, target: PermissionTarget | undefined) => boolean;

// Plain booleans, not type guards: a false answer says nothing about null.
const isAdmin = (user: SessionUser | null): boolean => user?.role === "admin";
const isSecurity = (user: SessionUser | null): boolean => user?.role === "security";
const isAuditor = (user: SessionUser | null): boolean => user?.role === "auditor";
const isEditor = (user: SessionUser | null): boolean => user?.role === "editor";
const isMember = (user: SessionUser | null): boolean => user?.role === "member";
/** The staff who work on content and notes: the system administrator and editors. */
const isStaff = (user: SessionUser | null): boolean => isAdmin(user) || isEditor(user);

/** Does the object lie in the editor's sector or liaison office? */
export function inEditorScope(user: SessionUser, scope: Scope): boolean {
  return (
    (user.sectorId !== null && scope.sectorIds.includes(user.sectorId)) ||
    (user.organisationId !== null && scope.organisationIds.includes(user.organisationId))
  );
}

/**
 * What content links to. A town's scope is its liaison offices (as a note's is), an
 * event's its co-organisers; a missing list links nothing.
 */
export interface Links {
  sectorIds?: readonly number[];
  organisationIds?: readonly number[];
  eventScopes?: readonly Scope[];
  townScopes?: readonly Scope[];
}

/**
 * What an editor may link content to: their own sector and liaison office (as organisers
 * or tags), events (and so reports of them) that lie in their scope, and the town of their
 * office. A link is a claim of ownership: an article tagged with another sector shows on
 * that sector's page, an event co-organised by another body on that body's timeline, one
 * placed in another town in that town's calendar. A sector is district-wide, so an editor
 * with a sector may place an event in any town. Admins may link anything.
 */
export function linksInScope(user: SessionUser | null, links: Links): boolean {
  if (isAdmin(user)) return true;
  if (!user || !isEditor(user)) return false;
  const { sectorIds = [], organisationIds = [], eventScopes = [], townScopes = [] } = links;
  return (
    sectorIds.every((id) => id === user.sectorId) &&
    organisationIds.every((id) => id === user.organisationId) &&
    eventScopes.every((scope) => inEditorScope(user, scope)) &&
    townScopes.every((scope) => user.sectorId !== null || inEditorScope(user, scope))
  );
}

function noteOf(target: PermissionTarget | undefined): NoteTarget | null | undefined {
  if (target === undefined) return undefined;
  return target.kind === "note" ? target : null;
}

/**
 * A note rule: `author` says what the note's author may do (by status); `staff` who
 * else may: nobody, admins, or admins and the editors whose scope covers the note.
 * Drafts are the author's alone.
 */
function noteRule(options: {
  author?: (note: NoteTarget) => boolean;
  roleLevel: (user: SessionUser) => boolean;
  staff: "none" | "admin" | "admin+editor";
}): Rule {
  return (user, target) => {
    if (!user) return false;
    const note = noteOf(target);
    if (note === null) return false;
    if (note === undefined) return options.roleLevel(user);
    if (note.authorId === user.id && options.author?.(note)) return true;
    if (note.status === "draft" || options.staff === "none") return false;
    if (isAdmin(user)) return true;
    return options.staff === "admin+editor" && isEditor(user) && inEditorScope(user, note.scope);
  };
}

/** Articles and events: admins always, editors within their scope. */
function scopedContentRule(kind: "article" | "event"): Rule {
  return (user, target) => {
    if (isAdmin(user)) return true;
    if (!user || !isEditor(user)) return false;
    if (target === undefined) return true;
    return target.kind === kind && inEditorScope(user, target.scope);
  };
}

const adminOnly: Rule = (user) => isAdmin(user);
const staffOnly: Rule = (user) => isStaff(user);
const securityOnly: Rule = (user) => isSecurity(user);
const auditorOnly: Rule = (user) => isAuditor(user);

const RULES: Record<PermissionAction, Rule> = {
  "site.view": () => true,
  "console.enter": (user) => isStaff(user) || isSecurity(user) || isAuditor(user),
  "note.create": (user) => isMember(user),
  "note.view": noteRule({
    author: () => true,
    roleLevel: (user) => isMember(user) || isStaff(user),
    staff: "admin+editor",
  }),
  "note.edit": noteRule({
    author: (note) => isEditableByAuthor(note.status),
    roleLevel: isMember,
    staff: "none",
  }),
  "note.submit": noteRule({
    author: (note) => note.status === "draft" || note.status === "returned",
    roleLevel: isMember,
    staff: "none",
  }),
  "note.review": noteRule({ roleLevel: isStaff, staff: "admin+editor" }),
  "note.comment": noteRule({ roleLevel: isStaff, staff: "admin+editor" }),
  "note.transfer": noteRule({ roleLevel: isAdmin, staff: "admin" }),
  "note.answer": noteRule({ roleLevel: isAdmin, staff: "admin" }),
  "note.close": noteRule({ roleLevel: isAdmin, staff: "admin" }),
  "template.use": staffOnly,
  "template.manage": adminOnly,
  "department.manage": adminOnly,
  "research.manage": adminOnly,
  "proposal.manage": adminOnly,
  // A member's own record; admins any member's. Editors are staff, not members.
  "duty.view": (user, target) => {
    if (isAdmin(user)) return target === undefined || target.kind === "member";
    if (!user || !isMember(user)) return false;
    return target === undefined || (target.kind === "member" && target.userId === user.id);
  },
  "duty.list": adminOnly,
  "article.create": scopedContentRule("article"),
  "article.edit": scopedContentRule("article"),
  "article.publish": scopedContentRule("article"),
  "event.create": scopedContentRule("event"),
  "event.edit": scopedContentRule("event"),
  "registration.view": scopedContentRule("event"),
  "directory.manage": adminOnly,
  "user.manage": securityOnly,
  "audit.view": auditorOnly,
  "stats.view": staffOnly,
  "phone.reveal": adminOnly,
  "case.publish": adminOnly,
  "opinion.moderate": adminOnly,
  // The outbox's failed and waiting e-mails and SMS, and their retry.
  "notification.manage": adminOnly,
  // The site's conventions: names, contacts, filing numbers, links (/admin/settings).
  "settings.manage": adminOnly,
};

/** May `user` (null: signed out) do `action`, to `target` when the action is about an object? */
export function can(
  user: SessionUser | null,
  action: PermissionAction,
  target?: PermissionTarget,
): boolean {
  const rule = RULES[action];
  return rule ? rule(user, target) : false;
}

/** The role this user plays on this note in the workflow (lib/notes/workflow.ts), or null. */
export function noteActorFor(
  user: SessionUser | null,
  note: Pick<NoteTarget, "authorId" | "status" | "scope">,
): NoteActor | null {
  if (!user) return null;
  const target: NoteTarget = { kind: "note", ...note };
  if (isAdmin(user) && can(user, "note.review", target)) return "admin";
  if (isEditor(user) && can(user, "note.review", target)) return "editor";
  if (note.authorId === user.id) return "author";
  return null;
}

/** A note's scope: its sector and the liaison offices of its town. */
export function noteScope(note: {
  sectorId: number | null;
  liaisonOfficeIds: readonly number[];
}): Scope {
  return {
    sectorIds: note.sectorId === null ? [] : [note.sectorId],
    organisationIds: note.liaisonOfficeIds,
  };
}

/** A note as a permission target, from the columns a query selects. */
export function noteTarget(note: {
  authorId: number;
  status: NoteStatus;
  sectorId: number | null;
  liaisonOfficeIds: readonly number[];
}): NoteTarget {
  return { kind: "note", authorId: note.authorId, status: note.status, scope: noteScope(note) };
}
