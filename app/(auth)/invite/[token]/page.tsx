import { notFound } from "next/navigation";

/**
 * The older link form, /invite/<token>, put the token where proxy and access logs keep it.
 * Answered 404 without looking the token up (so nothing here tells a valid token from a
 * wrong one, and nobody keeps using such links); not-found.tsx beside this page tells the
 * person the new way, without repeating the token.
 */
export default function OldInvitationLink(): never {
  notFound();
}
