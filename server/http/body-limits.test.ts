import { describe, expect, it } from "vitest";
import { BODY_LIMITS, bodyLimitFor } from "./body-limits.mjs";

const KB = 1024;
const MB = 1024 * KB;

describe("bodyLimitFor", () => {
  it.each([
    // auth: tens of KB at most, signed in or not
    ["/login", false, "auth"],
    ["/login/verify", true, "auth"],
    ["/login/enrol?x=1", false, "auth"],
    ["/invite/abc", false, "auth"],
    ["/logout", true, "auth"],
    ["/api/auth/signout", true, "auth"],
    // public forms and everything unlisted
    ["/", false, "public"],
    ["/opinions", false, "public"],
    ["/events/12/register", false, "public"],
    ["/registrations/ABCD-EFGH", false, "public"],
    ["/search?q=x", false, "public"],
    ["/preferences/elder", true, "public"],
    ["/loginx", false, "public"],
    // signed in
    ["/member/profile", true, "member"],
    ["/member/photos", true, "photoUpload"],
    ["/member/notes/new", true, "notePhotos"],
    ["/member/notes/5/edit", true, "notePhotos"],
    ["/admin/events/new", true, "staff"],
    ["/admin/news/new", true, "newsCover"],
    ["/admin/news/7", true, "newsCover"],
    ["/admin/newsletter", true, "staff"],
    // the upload routes without a session cookie: nothing larger than a public form
    ["/member/notes/new", false, "public"],
    ["/member/photos", false, "public"],
    ["/admin/news/new", false, "public"],
    ["/admin/users", false, "public"],
    // spelled differently, matched as the router reads them
    ["//member//notes/new", true, "notePhotos"],
    ["/member/%6eotes/new", true, "notePhotos"],
    ["/member/notes/../profile", true, "member"],
    ["/admin/news/../users", true, "staff"],
  ] as const)("%s (signed in: %s) → %s", (url, signedIn, route) => {
    const limit = bodyLimitFor(url, { signedIn });
    expect(limit.route).toBe(route);
    expect(limit.limit).toBe(BODY_LIMITS[route]);
  });

  it("keeps public and auth forms to tens of KB, uploads within Next's global limit", () => {
    expect(BODY_LIMITS.auth).toBeLessThanOrEqual(64 * KB);
    expect(BODY_LIMITS.public).toBeLessThanOrEqual(64 * KB);
    // One photo or cover of 15 MB fits; nine photos and the note's text fit.
    expect(BODY_LIMITS.photoUpload).toBeGreaterThan(15 * MB);
    expect(BODY_LIMITS.newsCover).toBeGreaterThan(15 * MB);
    expect(BODY_LIMITS.notePhotos).toBeGreaterThan(9 * 15 * MB);
    // next.config.js's serverActions.bodySizeLimit stays the upper bound.
    for (const limit of Object.values(BODY_LIMITS)) expect(limit).toBeLessThanOrEqual(140 * MB);
  });
});
