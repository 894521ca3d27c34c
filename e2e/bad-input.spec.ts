import type { Browser, Page } from "@playwright/test";
import { adminMessages } from "../lib/messages/admin";
import { attendanceMessages } from "../lib/messages/attendance";
import { authMessages } from "../lib/messages/auth";
import { cmsMessages } from "../lib/messages/cms";
import { commonMessages } from "../lib/messages/common";
import { notesMessages } from "../lib/messages/notes";
import { inviteUser, signInAs } from "./auth-helpers";
import {
  CONTROL,
  CONTROL_KEPT,
  expectRefusal,
  expectUnchanged,
  HOSTILE,
  IMG,
  INVALID_UTF8,
  type Refusal,
  SCRIPT,
  SQL,
  sweepIp,
} from "./bad-input/cases";
import { closeDb, type FingerprintOptions, fingerprint, query } from "./bad-input/db";
import { field, file, harvestForm, multipart, postForm } from "./bad-input/http";
import { expect, test } from "./fixtures";

/**
 * The bad-input sweep (issue 6): every form and route handler gets malformed, oversized,
 * wrongly typed and hostile input, and must answer with a 4xx or the form again with a
 * clear Chinese message, show hostile strings as text (no script ever runs), keep what was
 * typed, and leave the database as it was (fingerprinted before and after each attack,
 * see bad-input/db.ts). Runs in the "postgres" project, whose database the test can read.
 *
 * Forms are attacked as a browser without JavaScript would post them: a multipart POST of
 * the form's hidden fields (the server action's id and state) plus crafted fields, files
 * and raw bytes, to the form's URL.
 */

test.describe.configure({ mode: "serial", timeout: 180_000 });
// The sweep shows each answer by fulfilling the form's address with page.route; requests a
// service worker makes are not routed, so the member app's worker (which answers member
// pages itself) would fetch a fresh page instead. This spec is about the server's answers.
test.use({ serviceWorkers: "block" });

const nm = notesMessages;
const cms = cmsMessages;
const am = adminMessages;
const att = attendanceMessages;
/** The one answer to text with a control character, on every form (issue 11). */
const CONTROL_MESSAGE = commonMessages.errors.controlCharacters;
/** What a body over its route's limit gets from server.mjs before Next reads it. */
const TOO_LARGE = "提交的内容过大";
const MB = 1024 * 1024;

/** Any dialog (alert, confirm, prompt) means a hostile string ran as a script. */
const dialogs: string[] = [];
function watchDialogs(page: Page) {
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss().catch(() => {});
  });
}

test.beforeEach(async ({ page }) => {
  dialogs.length = 0;
  watchDialogs(page);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": sweepIp() });
});

test.afterEach(() => {
  expect(dialogs, "a hostile string ran as a script").toEqual([]);
});

test.afterAll(async () => {
  await closeDb();
});

const text = (n: number, unit = "字") => unit.repeat(n);
const localDate = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

async function firstId(sql: string): Promise<number> {
  const rows = await query<{ id: number }>(sql);
  if (!rows[0]) throw new Error(`no row for: ${sql}`);
  return Number(rows[0].id);
}

async function runRefusals(page: Page, formPage: string, formSelector: string, cases: Refusal[]) {
  for (const refusal of cases) {
    await test.step(refusal.name, async () => {
      // Each case from its own address: per-IP rate limits are not what is tested here.
      await page.setExtraHTTPHeaders({ "x-forwarded-for": sweepIp() });
      await page.goto(formPage);
      const form = await harvestForm(page, page.locator(formSelector).first());
      await expectRefusal(page, form, refusal);
    });
  }
}

// ---------------------------------------------------------------------------------------
// Public routes (GET): odd ids, queries and bytes get a 4xx or a normal page, never a 5xx.

test("odd addresses and queries on public pages answer 4xx or a normal page, and never run a script", async ({
  page,
}) => {
  const xss = encodeURIComponent(SCRIPT);
  const img = encodeURIComponent(IMG);
  const sql = encodeURIComponent(SQL);
  const cases: { url: string; status: number | "page" }[] = [
    { url: `/search?q=${xss}`, status: "page" },
    { url: `/search?q=${img}&type=${xss}&page=-1`, status: "page" },
    { url: `/search?q=${sql}&page=99999999999999999999`, status: "page" },
    { url: `/search?q=${"长".repeat(1000)}`, status: "page" },
    { url: `/search?q=${"长".repeat(5000)}`, status: 431 },
    { url: "/search?q=%FF%FE%C0%AF", status: "page" },
    { url: "/search?q=%E5%BC%A0%00%E4%B8%89", status: 400 },
    { url: "/search?q=a%07b&type=%7F", status: 400 },
    { url: "/registrations?code=ABCD%00", status: 400 },
    { url: "/news/%00", status: 400 },
    { url: "/search?q[]=a&q[]=b", status: "page" },
    { url: `/events?sector=${sql}&town=-1&kind=${xss}&month=9999-99`, status: "page" },
    { url: "/events?month=1900-01&view=list", status: "page" },
    { url: "/events?month=%FF&campaign=1e9&service=__proto__", status: "page" },
    { url: "/news?page=abc", status: "page" },
    { url: "/news?page=-5", status: "page" },
    { url: "/news?page=99999999999999", status: "page" },
    { url: `/news/${xss}`, status: 404 },
    { url: "/events/999999999", status: 404 },
    { url: `/events/${sql}`, status: 404 },
    { url: "/events/1e3", status: 404 },
    { url: "/events/999999999/register", status: 404 },
    { url: "/events/999999999/event.ics", status: 404 },
    { url: "/events/abc/event.ics", status: 404 },
    { url: `/events.ics?sector=${xss}&town=${sql}`, status: "page" },
    { url: "/feed.xml?page=-1", status: "page" },
    { url: "/atom.xml?x=%FF", status: "page" },
    { url: "/files/not-a-uuid", status: 404 },
    { url: "/files/00000000-0000-4000-8000-000000000000", status: 404 },
    { url: `/files/${sql}`, status: 404 },
    { url: "/member/photos/999999999", status: 404 },
    { url: "/member/photos/abc", status: 404 },
    { url: `/campaigns/${xss}`, status: 404 },
    { url: `/studios/${sql}`, status: 404 },
    { url: "/cases/999999999", status: 404 },
    { url: "/cases/abc", status: 404 },
    { url: `/cases?page=${xss}&category=${sql}`, status: "page" },
    { url: "/registrations/ZZZZ-ZZZZ", status: 404 },
    { url: `/registrations?code=${xss}`, status: "page" },
    { url: `/registrations/${xss}`, status: 404 },
    { url: `/invite/${"A".repeat(43)}`, status: 404 },
    { url: `/invite/${xss}`, status: 404 },
    { url: "/stats/csv/nothing", status: 404 },
    { url: `/stats?year=99999&sector=${xss}`, status: "page" },
    { url: `/opinions?topic=${sql}`, status: "page" },
  ];
  for (const { url, status } of cases) {
    await test.step(`${url.slice(0, 80)} → ${status}`, async () => {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBeLessThan(500);
      // "page": the page itself, or a 4xx; never a redirect loop or a server error.
      if (status === "page") expect([200, 400, 404, 422], url).toContain(response.status());
      else expect(response.status(), url).toBe(status);
      const body = await response.text();
      const type = response.headers()["content-type"] ?? "";
      if (/html|xml/.test(type)) {
        for (const hostile of HOSTILE) {
          expect(body, `unescaped ${hostile} at ${url}`).not.toContain(hostile);
        }
      } else if (body !== "") {
        // Echoed as plain text (say, a refused feed filter), never sniffed as a page.
        expect(type, url).toMatch(/^(text\/plain|text\/calendar|text\/csv|application\/json)/);
        expect(response.headers()["x-content-type-options"], url).toBe("nosniff");
      }
      if ((response.headers()["content-type"] ?? "").includes("text/html")) {
        await page.goto(url);
        await expect(page.locator("h1").first()).toBeVisible();
      }
    });
  }
});

// ---------------------------------------------------------------------------------------
// Public forms.

test("the opinion form refuses bad topics, names and markup with a message per field, keeping what was typed", async ({
  page,
}) => {
  const fe = cms.opinions.fieldErrors;
  const topicId = await firstId(
    "select id from topics where opinions_open order by id limit 1",
  ).catch(async () => firstId("select id from topics order by id limit 1"));
  const good = {
    topicId: String(topicId),
    name: "王先生",
    contact: "",
    body: "希望社区多开展一些养老服务活动。",
  };
  const parts = (over: Record<string, string | Buffer>) =>
    Object.entries({ ...good, ...over }).map(([k, v]) => field(k, v));
  const cases: Refusal[] = [
    {
      name: "a script as the name is refused and shown as typed",
      parts: parts({ name: SCRIPT }),
      messages: [cms.common.errorSummary, fe.nameTooLong],
      kept: [{ name: "name", value: SCRIPT }],
    },
    {
      name: "markup in the opinion is refused and kept",
      parts: parts({ body: `我的意见：${IMG}` }),
      messages: [fe.bodyInvalid],
      kept: [{ name: "body", value: `我的意见：${IMG}` }],
    },
    {
      name: "an SQL-like topic id is refused",
      parts: parts({ topicId: `1${SQL}` }),
      messages: [fe.topic],
    },
    {
      name: "an unknown topic is refused",
      parts: parts({ topicId: "999999999" }),
      messages: [cms.opinions.closedTopic],
    },
    {
      name: "a name in invalid UTF-8 is refused",
      parts: parts({ name: INVALID_UTF8 }),
      messages: [fe.nameInvalid],
    },
    {
      name: "an opinion in invalid UTF-8 is refused",
      parts: parts({
        body: Buffer.concat([Buffer.from("希望社区多开展养老服务活动"), INVALID_UTF8]),
      }),
      messages: [fe.bodyInvalid],
    },
    {
      name: "an opinion over 2000 characters is refused as too long",
      parts: parts({ body: text(3000) }),
      messages: [fe.bodyTooLong],
    },
    {
      name: "a 5 MB opinion is refused as too large before it is read",
      parts: parts({ body: text((5 * 1024 * 1024) / 3) }),
      messages: [],
      status: 413,
    },
    {
      name: "a NUL in the name is refused with the control-character message",
      parts: parts({ name: CONTROL }),
      messages: [CONTROL_MESSAGE],
    },
    {
      name: "control characters in the opinion are refused, the text kept as typed",
      parts: parts({ body: `希望社区多开展养老服务活动${CONTROL_KEPT}` }),
      messages: [CONTROL_MESSAGE],
      kept: [{ name: "body", value: `希望社区多开展养老服务活动${CONTROL_KEPT}` }],
    },
    {
      name: "a filled honeypot stores nothing",
      parts: [...parts({}), field("website", "http://spam.example")],
      messages: [cms.opinions.spam],
    },
    {
      name: "a file instead of a name is refused",
      parts: [
        ...parts({}).filter((p) => p.name !== "name"),
        file("name", "name.txt", Buffer.from("王先生"), "text/plain"),
      ],
      messages: [fe.nameRequired],
    },
  ];
  await runRefusals(page, "/opinions", "form:has([name=body])", cases);
});

async function openEventId(page: Page): Promise<number> {
  const rows = await query<{ id: number }>(
    `select id from events where open_to_public and status = 'scheduled' and starts_at > now()
       and (registration_closes_at is null or registration_closes_at > now())
       and (registration_opens_at is null or registration_opens_at < now()) order by id`,
  );
  for (const { id } of rows) {
    const response = await page.request.get(`/events/${id}/register`);
    if (response.status() === 200) return Number(id);
  }
  throw new Error("no event open for registration");
}

test("event registration refuses bad names, phones, unknown events and missing consent, keeping the form", async ({
  page,
}) => {
  const fe = att.fieldErrors;
  const eventId = await openEventId(page);
  const good = {
    eventId: String(eventId),
    name: "李华",
    phone: "13800000001",
    organisation: "",
    consent: "yes",
  };
  const parts = (over: Record<string, string | Buffer>) =>
    Object.entries({ ...good, ...over }).map(([k, v]) => field(k, v));
  const cases: Refusal[] = [
    {
      name: "a script as the name is refused and shown as typed",
      parts: parts({ name: SCRIPT }),
      messages: [fe.nameInvalid],
      kept: [{ name: "name", value: SCRIPT }],
    },
    {
      name: "an SQL-like phone number is refused",
      parts: parts({ phone: SQL }),
      messages: [fe.phoneInvalid],
      kept: [{ name: "phone", value: SQL }],
    },
    {
      name: "markup as the organisation is refused",
      parts: parts({ organisation: IMG }),
      messages: [fe.organisationInvalid],
    },
    {
      name: "a registration without consent is refused",
      parts: parts({}).filter((p) => p.name !== "consent"),
      messages: [fe.consentRequired],
    },
    {
      name: "an unknown event is refused",
      parts: parts({ eventId: "999999999" }),
      messages: [att.errors.not_found],
    },
    {
      name: "an event id that is not a number is refused",
      parts: parts({ eventId: `${eventId} or 1=1` }),
      messages: [att.errors.not_found],
    },
    {
      name: "a name in invalid UTF-8 is refused",
      parts: parts({ name: INVALID_UTF8 }),
      messages: [fe.nameInvalid],
    },
    {
      name: "a 40-character name is refused as too long",
      parts: parts({ name: text(40) }),
      messages: [fe.nameTooLong],
    },
    {
      name: "a 2 MB name is refused as too large before it is read",
      parts: parts({ name: text(700_000) }),
      messages: [],
      status: 413,
    },
    {
      name: "a NUL in the phone is refused with the control-character message",
      parts: parts({ phone: `138${CONTROL}` }),
      messages: [CONTROL_MESSAGE],
    },
    {
      name: "control characters in the organisation are refused, kept as typed",
      parts: parts({ organisation: CONTROL_KEPT }),
      messages: [CONTROL_MESSAGE],
      kept: [{ name: "organisation", value: CONTROL_KEPT }],
    },
    {
      name: "a filled honeypot registers nobody",
      parts: [...parts({}), field("website", "x")],
      messages: [att.errors.spam],
    },
  ];
  await runRefusals(page, `/events/${eventId}/register`, "form:has([name=phone])", cases);
});

// The desk's answers are read as a browser without JavaScript gets them (the page its
// form posts to): with JavaScript the desk answers in place, by fetch.
test.describe("the registration desk without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("looking up or cancelling a registration with a wrong code or without confirming changes nothing", async ({
    page,
  }) => {
    // Setup (before any fingerprint): one real registration, made through the form. Its
    // answer shows the registration in place, the code only in the body and in a fragment link.
    const eventId = await openEventId(page);
    await page.goto(`/events/${eventId}/register`);
    const registerForm = await harvestForm(page, page.locator("form:has([name=phone])").first());
    const made = await postForm(page, registerForm, [
      field("eventId", String(eventId)),
      field("name", "赵敏"),
      field("phone", `139${String(Date.now()).slice(-8)}`),
      field("organisation", ""),
      field("consent", "yes"),
    ]);
    expect(made.status, "registering answers in place, no redirect to the code").toBe(200);
    const code = /\/registrations#code=([A-Z0-9-]+)/.exec(made.html)?.[1] ?? "";
    expect(code, `a registration code in the answer (${made.status})`).not.toBe("");
    const lm = att.lookup;
    const cases: Refusal[] = [
      {
        name: "cancelling without the confirmation: the registration again, with a message",
        parts: [field("intent", "cancel"), field("code", code)],
        messages: [att.confirmation.cancelErrors.confirm_required],
      },
      {
        name: "cancelling an unknown code is refused, the code kept",
        parts: [field("intent", "cancel"), field("code", "ZZZZ-ZZZZ"), field("confirm", "yes")],
        messages: [lm.notFound],
        kept: [{ name: "code", value: "ZZZZ-ZZZZ" }],
      },
      {
        name: "an SQL-like code is refused as malformed",
        parts: [field("intent", "cancel"), field("code", SQL), field("confirm", "yes")],
        messages: [lm.invalid],
      },
      {
        name: "looking up an unknown code is refused",
        parts: [field("intent", "lookup"), field("code", "ZZZZ-ZZZZ")],
        messages: [lm.notFound],
      },
      {
        name: "an 8 KB code is refused as malformed",
        parts: [field("intent", "lookup"), field("code", "A".repeat(8192))],
        messages: [lm.invalid],
      },
      {
        name: "a code with a NUL gets the control-character message",
        parts: [
          field("intent", "cancel"),
          field("code", `${code}${CONTROL}`),
          field("confirm", "yes"),
        ],
        messages: [CONTROL_MESSAGE],
      },
    ];
    // The lookup form carries the desk's action; the cancel form posts to the same one.
    await runRefusals(page, "/registrations", "form:has([name=code])", cases);
  });
});

test("the elder-mode switch and logout refuse forged or malformed posts with a 4xx", async ({
  page,
}) => {
  const before = await fingerprint();
  const post = (url: string, parts: Parameters<typeof multipart>[0], origin?: string) => {
    const { body, contentType } = multipart(parts);
    return page.request.post(url, {
      data: body,
      headers: { "content-type": contentType, ...(origin ? { origin } : {}) },
      maxRedirects: 0,
    });
  };
  const elder = [
    await post("/preferences/elder", [field("mode", SCRIPT)]),
    await post("/preferences/elder", [field("mode", INVALID_UTF8)]),
    await post("/preferences/elder", []),
    await page.request.post("/preferences/elder", {
      data: "not a form",
      headers: { "content-type": "application/json" },
      maxRedirects: 0,
    }),
  ];
  for (const response of elder) {
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("请求无效");
  }
  const flood = await post("/preferences/elder", [
    field("mode", Buffer.alloc(50 * 1024 * 1024, 0x61)),
  ]);
  expect(flood.status(), "a 50 MB post to the elder switch").toBe(413);
  expect(await flood.text()).toContain(TOO_LARGE);
  const logout = await post("/logout", [], "https://evil.example");
  expect(logout.status()).toBe(403);
  expect(await logout.text()).toContain("请求无效");
  await expectUnchanged(before, undefined, "elder mode and logout posts");
});

// ---------------------------------------------------------------------------------------
// Login and invitations.

/**
 * A refused login is recorded in the audit log (as it should be) and, for an existing
 * account, counts a failure; so those are left out of the fingerprint here, and only here.
 */
const LOGIN_FINGERPRINT: FingerprintOptions = {
  ignoreTables: ["audit_log"],
  ignoreColumns: { users: ["failed_login_count", "locked_until"] },
};

test("the login form refuses hostile and malformed credentials with a clear message", async ({
  page,
}) => {
  const le = authMessages.login.errors;
  const cases: Refusal[] = [
    {
      name: "an SQL-like user name is just a wrong user name",
      parts: [field("identifier", `admin${SQL}`), field("password", "x' or '1'='1")],
      messages: [le.invalid],
      kept: [{ name: "identifier", value: `admin${SQL}` }],
    },
    {
      name: "a script as the user name is shown as text",
      parts: [field("identifier", SCRIPT), field("password", "whatever")],
      messages: [le.invalid],
    },
    {
      name: "an empty form asks for both fields",
      parts: [field("identifier", ""), field("password", "")],
      messages: [le.identifierRequired],
    },
    {
      name: "invalid UTF-8 in the user name is a wrong user name",
      parts: [field("identifier", INVALID_UTF8), field("password", INVALID_UTF8)],
      messages: [le.invalid],
    },
    {
      name: "a 2000-character password is just a wrong password",
      parts: [field("identifier", "nobody-here"), field("password", "p".repeat(2000))],
      messages: [le.invalid],
    },
    {
      name: "a 10 MB password is refused as too large before it is read",
      parts: [field("identifier", "nobody-here"), field("password", "p".repeat(10 * 1024 * 1024))],
      messages: [],
      status: 413,
    },
    {
      name: "a NUL in the user name gets the control-character message, not a server error",
      parts: [field("identifier", CONTROL), field("password", "whatever")],
      messages: [CONTROL_MESSAGE],
    },
    {
      name: "a NUL in the password gets the control-character message",
      parts: [field("identifier", "admin"), field("password", `pass${CONTROL}`)],
      messages: [CONTROL_MESSAGE],
    },
    {
      name: "control characters in the user name are kept as typed",
      parts: [field("identifier", CONTROL_KEPT), field("password", "whatever")],
      messages: [CONTROL_MESSAGE],
      kept: [{ name: "identifier", value: CONTROL_KEPT }],
    },
    {
      name: "a hostile next address is ignored",
      parts: [
        field("identifier", "nobody-here"),
        field("password", "wrong password"),
        field("next", "javascript:alert(1)"),
      ],
      messages: [le.invalid],
    },
  ];
  for (const refusal of cases) {
    // Each from its own address: the per-IP login limit is not what is tested here.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": sweepIp() });
    await test.step(refusal.name, async () => {
      await page.goto("/login");
      const form = await harvestForm(page, page.locator("form:has([name=password])").first());
      await expectRefusal(page, form, { ...refusal, fingerprint: LOGIN_FINGERPRINT });
    });
  }
});

test("the invitation form refuses weak, mismatched, oversized and forged passwords", async ({
  page,
  baseURL,
}) => {
  const link = inviteUser(baseURL ?? "", {
    username: `sweep${Date.now().toString(36)}`,
    name: "测试委员",
    role: "member",
  });
  const ie = authMessages;
  const pw = "Lotus pond by the South Lake";
  // The token travels in the form's body (from the link's fragment, or pasted).
  const token = field("token", link.slice(link.indexOf("#") + 1));
  const cases: Refusal[] = [
    {
      name: "two different passwords are refused",
      parts: [token, field("password", pw), field("confirm", `${pw}!`)],
      messages: [ie.password.mismatch],
    },
    {
      name: "a short password is refused",
      parts: [token, field("password", "abc"), field("confirm", "abc")],
      messages: [ie.password.problems.too_short],
    },
    {
      name: "a 300-character password is refused",
      parts: [token, field("password", "a".repeat(300)), field("confirm", "a".repeat(300))],
      messages: [ie.password.problems.too_long],
    },
    {
      name: "a 1 MB password is refused as too large before it is read",
      parts: [token, field("password", "a".repeat(1 << 20)), field("confirm", "a".repeat(1 << 20))],
      messages: [],
      status: 413,
    },
    {
      name: "a NUL in the password gets the control-character message",
      parts: [token, field("password", `${pw}${CONTROL}`), field("confirm", `${pw}${CONTROL}`)],
      messages: [CONTROL_MESSAGE],
    },
    {
      name: "a forged token is refused",
      parts: [field("token", "A".repeat(43)), field("password", pw), field("confirm", pw)],
      messages: [ie.invite.invalidBody],
    },
    {
      name: "no token is refused",
      parts: [field("token", ""), field("password", pw), field("confirm", pw)],
      messages: [ie.invite.tokenRequired],
    },
    {
      name: "an 8 KB token is refused",
      parts: [field("token", "A".repeat(8192)), field("password", pw), field("confirm", pw)],
      messages: [ie.invite.invalidBody],
    },
  ];
  await runRefusals(page, "/invite", "form:has([name=confirm])", cases);
});

// ---------------------------------------------------------------------------------------
// Member: field notes and photos.

async function noteFormParts(townId: number, sectorId: number) {
  return {
    title: "社区养老服务走访",
    visitDate: localDate(-3),
    townId: String(townId),
    sectorId: String(sectorId),
    place: "新城街道社区服务中心",
    observation: "走访发现社区日间照料中心床位紧张，老人排队等候时间较长。",
    suggestion: "建议增加日间照料床位并延长开放时间。",
    category: "livelihood",
    peopleMet: "社区工作人员三名",
    eventId: "",
    topicId: "",
    intent: "submit",
  } as Record<string, string | Buffer>;
}

test("the note form refuses bad dates, unknown choices, hostile and oversized text, keeping what was typed", async ({
  page,
}) => {
  const fe = nm.fieldErrors;
  await signInAs(page, "member1", { ip: sweepIp() });
  const townId = await firstId("select id from towns order by id limit 1");
  const sectorId = await firstId("select id from sectors order by id limit 1");
  const good = await noteFormParts(townId, sectorId);
  const parts = (over: Record<string, string | Buffer>) =>
    Object.entries({ ...good, ...over }).map(([k, v]) => field(k, v));
  const longScript = SCRIPT.repeat(3);
  const cases: Refusal[] = [
    {
      name: "a visit date in 9999 is refused",
      parts: parts({ visitDate: "9999-12-31" }),
      messages: [nm.form.errorSummary, fe.visitDateFuture],
      kept: [{ name: "title", value: good.title as string }],
    },
    {
      name: "a visit date in 1900 is refused",
      parts: parts({ visitDate: "1900-01-01" }),
      messages: [fe.visitDateTooEarly],
    },
    {
      name: "tomorrow's visit date is refused",
      parts: parts({ visitDate: localDate(2) }),
      messages: [fe.visitDateFuture],
    },
    {
      name: "30 February is refused",
      parts: parts({ visitDate: "2025-02-30" }),
      messages: [fe.visitDateInvalid],
    },
    {
      name: "an SQL-like visit date is refused",
      parts: parts({ visitDate: SQL }),
      messages: [fe.visitDateInvalid],
    },
    {
      name: "an unknown sector is refused",
      parts: parts({ sectorId: "999999999" }),
      messages: [fe.sectorInvalid],
    },
    {
      name: "an unknown town is refused",
      parts: parts({ townId: "999999" }),
      messages: [fe.townInvalid],
    },
    {
      name: "a negative town id is refused",
      parts: parts({ townId: "-1" }),
      messages: [fe.townInvalid],
    },
    {
      name: "a town id in exponent form is refused",
      parts: parts({ townId: "1e3" }),
      messages: [fe.townInvalid],
    },
    {
      name: "an unknown event and topic are refused",
      parts: parts({ eventId: "999999999", topicId: "888888888" }),
      messages: [fe.eventInvalid, fe.topicInvalid],
    },
    {
      name: "an SQL-like category is refused",
      parts: parts({ category: SQL }),
      messages: [fe.categoryInvalid],
    },
    {
      name: "an overlong title made of scripts is refused and shown as typed",
      parts: parts({ title: longScript }),
      messages: [fe.titleTooLong],
      kept: [{ name: "title", value: longScript }],
    },
    {
      name: "a 1 MB observation of markup is refused",
      parts: parts({ observation: IMG.repeat(40_000) }),
      messages: [fe.observationTooLong],
    },
    {
      name: "a NUL byte in the title is refused",
      parts: parts({ title: "社区\u0000养老走访" }),
      messages: [CONTROL_MESSAGE],
    },
    {
      name: "control characters in the place are refused, kept as typed",
      parts: parts({ place: CONTROL_KEPT }),
      messages: [CONTROL_MESSAGE],
      kept: [{ name: "place", value: CONTROL_KEPT }],
    },
    {
      name: "a title in invalid UTF-8 is refused",
      parts: parts({ title: Buffer.concat([Buffer.from("走访"), INVALID_UTF8]) }),
      messages: [fe.controlCharacters],
    },
    {
      name: "a town given twice, the first one bad, is refused",
      parts: [...parts({ townId: "abc" }), field("townId", String(townId))],
      messages: [fe.townInvalid],
    },
    {
      name: "a form without its client id is refused",
      parts: [...parts({}), field("clientId", "")],
      messages: [nm.errors.badRequest],
    },
    {
      name: "a text file renamed .jpg is refused as not an image",
      parts: [
        ...parts({}),
        file(
          "photos",
          "scenic.jpg",
          Buffer.from("this is not a picture\n".repeat(50)),
          "image/jpeg",
        ),
      ],
      messages: [fe.photoNotImage],
    },
    {
      name: "an HTML page renamed .png is refused as not an image",
      parts: [
        ...parts({}),
        file("photos", "x.png", Buffer.from(`<html>${SCRIPT}</html>`), "image/png"),
      ],
      messages: [fe.photoNotImage],
    },
    {
      name: "a truncated JPEG is refused as unreadable",
      parts: [
        ...parts({}),
        file(
          "photos",
          "cut.jpg",
          Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0")]),
          "image/jpeg",
        ),
      ],
      messages: [fe.photoUnreadable],
    },
    {
      name: "ten photos are refused",
      parts: [
        ...parts({}),
        ...Array.from({ length: 10 }, (_, i) =>
          file("photos", `p${i}.jpg`, Buffer.from("not a picture"), "image/jpeg"),
        ),
      ],
      messages: [fe.photosTooMany],
    },
    {
      name: "a 50 MB photo is refused as too large",
      parts: [
        ...parts({}),
        file(
          "photos",
          "huge.jpg",
          Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(50 * 1024 * 1024)]),
          "image/jpeg",
        ),
      ],
      messages: [fe.photoTooLarge],
    },
  ];
  await runRefusals(page, "/member/notes/new", "form:has([name=clientId])", cases);
});

test("without JavaScript, a refused note keeps every typed field and shows hostile text as text", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    locale: "zh-CN",
    extraHTTPHeaders: { "x-forwarded-for": sweepIp() },
  });
  const page = await context.newPage();
  watchDialogs(page);
  try {
    await signInAs(page, "member1", { ip: sweepIp() });
    await page.goto("/member/notes/new");
    const title = `${SCRIPT}${IMG}`.slice(0, 60);
    await page.locator("[name=title]").fill(title);
    await page.locator("[name=visitDate]").fill("9999-12-31");
    await page.locator("[name=observation]").fill(`${SQL}\n${IMG}`);
    await page.locator("[name=place]").fill(SCRIPT);
    const before = await fingerprint();
    await page.getByRole("button", { name: nm.form.submit }).click();
    await expect(page.getByText(nm.fieldErrors.visitDateFuture).first()).toBeVisible();
    await expectUnchanged(before, undefined, "a note with a visit date in 9999");
    await expect(page.locator("[name=title]")).toHaveValue(title);
    await expect(page.locator("[name=observation]")).toHaveValue(`${SQL}\n${IMG}`);
    await expect(page.locator("[name=place]")).toHaveValue(SCRIPT);
    const html = await page.content();
    for (const hostile of HOSTILE) expect(html).not.toContain(hostile);
  } finally {
    await context.close();
  }
});

test("the photo upload refuses fake images, 50 MB bodies, bad draft ids and foreign posts with a 4xx", async ({
  page,
}) => {
  await signInAs(page, "member1", { ip: sweepIp() });
  const clientId = crypto.randomUUID();
  const upload = (body: Buffer, headers: Record<string, string>, id = clientId) =>
    page.request.post(`/member/photos?clientId=${encodeURIComponent(id)}`, {
      data: body,
      headers: { "content-type": "application/octet-stream", ...headers },
      maxRedirects: 0,
      timeout: 120_000,
    });
  const ok = { "x-lvzhi-upload": "1" };
  const cases: {
    name: string;
    run: () => ReturnType<typeof upload>;
    status: number;
    message: string;
    /** Answered by server.mjs's body limit (a page), not by the route (JSON). */
    page?: boolean;
  }[] = [
    {
      name: "a text file is not an image",
      run: () => upload(Buffer.from("GIF89a is what I claim to be, but I am text"), ok),
      status: 422,
      message: nm.fieldErrors.photoNotImage,
    },
    {
      name: "a body just over 15 MB is too large for the route",
      run: () =>
        upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(15 * MB + 1)]), ok),
      status: 413,
      message: nm.fieldErrors.photoTooLarge,
    },
    {
      name: "a 50 MB body is refused before it is read",
      run: () =>
        upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(50 << 20)]), ok),
      status: 413,
      message: TOO_LARGE,
      page: true,
    },
    {
      name: "a hostile draft id is refused",
      run: () => upload(Buffer.from([0xff, 0xd8, 0xff]), ok, SCRIPT),
      status: 400,
      message: nm.errors.badRequest,
    },
    {
      name: "a post without the upload header is refused",
      run: () => upload(Buffer.from([0xff, 0xd8, 0xff]), {}),
      status: 403,
      message: nm.errors.badRequest,
    },
    {
      name: "a post from another site is refused",
      run: () => upload(Buffer.from([0xff, 0xd8, 0xff]), { ...ok, origin: "https://evil.example" }),
      status: 403,
      message: nm.errors.badRequest,
    },
  ];
  for (const c of cases) {
    await test.step(c.name, async () => {
      const before = await fingerprint();
      const response = await c.run();
      await expectUnchanged(before, undefined, c.name);
      expect(response.status()).toBe(c.status);
      if (c.page) expect(await response.text()).toContain(c.message);
      else expect(await response.json()).toEqual({ ok: false, message: c.message });
    });
  }
});

// ---------------------------------------------------------------------------------------
// Staff console: one session per administrator (三权分立: the system administrator for
// content and configuration, the security administrator for accounts, the audit
// administrator for the audit log).

let staff: Page;
let security: Page;
let auditor: Page;

test.describe("staff forms", () => {
  test.beforeAll(async ({ browser, baseURL }: { browser: Browser; baseURL?: string }) => {
    const pageAs = async (who: "admin" | "security" | "auditor") => {
      const context = await browser.newContext({
        baseURL,
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
        extraHTTPHeaders: { "x-forwarded-for": sweepIp() },
      });
      const page = await context.newPage();
      watchDialogs(page);
      await signInAs(page, who, { ip: sweepIp() });
      return page;
    };
    staff = await pageAs("admin");
    security = await pageAs("security");
    auditor = await pageAs("auditor");
  });

  test.afterAll(async () => {
    for (const page of [staff, security, auditor]) await page?.context().close();
  });

  test("moderation refuses unknown notes, stale versions, forbidden moves and bad due dates", async () => {
    const submitted = await query<{ id: number; version: number }>(
      "select id, version from field_notes where status = 'submitted' order by id limit 1",
    );
    expect(submitted.length, "demo submitted notes").toBeGreaterThan(0);
    const s = submitted[0] as { id: number; version: number };
    const departmentId = await firstId(
      "select id from departments where active order by id limit 1",
    );
    const review = (over: Record<string, string>) =>
      Object.entries({ noteId: String(s.id), version: String(s.version), reason: "", ...over }).map(
        ([k, v]) => field(k, v),
      );
    await runRefusals(staff, `/admin/notes/${s.id}`, "form:has([name=reason])", [
      {
        name: "reviewing an unknown note is refused",
        parts: review({ noteId: "999999999", action: "accept" }),
        messages: [am.errors.not_found],
      },
      {
        name: "a stale version is refused as handled by someone else",
        parts: review({ version: String(s.version + 1), action: "accept" }),
        messages: [am.errors.conflict],
      },
      {
        name: "closing a note that was only submitted is refused",
        parts: review({ action: "close" }),
        messages: [am.errors.not_allowed_from_status],
      },
      {
        name: "an invented move is refused",
        parts: review({ action: `accept${SQL}` }),
        messages: [am.errors.invalid],
      },
      {
        name: "returning without a reason asks for one",
        parts: review({ action: "return", reason: "   " }),
        messages: [am.errors.reason_required],
      },
      {
        name: "a reason with a NUL is refused with the control-character message",
        parts: review({ action: "return", reason: `请补充${CONTROL}` }),
        messages: [CONTROL_MESSAGE],
      },
      {
        name: "a version that is not a number is refused",
        parts: review({ version: "NaN", action: "accept" }),
        messages: [am.errors.invalid],
      },
    ]);
    // Setup: accept the note (a legitimate move), so that it can be transferred.
    await staff.goto(`/admin/notes/${s.id}`);
    const reviewForm = await harvestForm(staff, staff.locator("form:has([name=reason])").first());
    const accepting = await postForm(staff, reviewForm, review({ action: "accept" }));
    expect(accepting.status, "accepting the note").toBe(303);
    const [row] = await query<{ id: number; version: number }>(
      "select id, version from field_notes where id = $1",
      [s.id],
    );
    const a = row as { id: number; version: number };
    const transfer = (over: Record<string, string>) => [
      ...Object.entries({ noteId: String(a.id), version: String(a.version), ...over }).map(
        ([k, v]) => field(k, v),
      ),
    ];
    await runRefusals(staff, `/admin/notes/${a.id}`, "form:has([name=dueOn])", [
      {
        name: "a due date in 1900 is refused",
        parts: [...transfer({ dueOn: "1900-01-01" }), field("departments", String(departmentId))],
        messages: [am.errors.bad_due_date],
        kept: [{ name: "dueOn", value: "1900-01-01" }],
      },
      {
        name: "a due date in 9999 is refused",
        parts: [...transfer({ dueOn: "9999-12-31" }), field("departments", String(departmentId))],
        messages: [am.errors.bad_due_date],
      },
      {
        name: "a hostile due date is refused",
        parts: [...transfer({ dueOn: SCRIPT }), field("departments", String(departmentId))],
        messages: [am.errors.bad_due_date],
      },
      {
        name: "an unknown department is refused",
        parts: [...transfer({ dueOn: localDate(10) }), field("departments", "999999999")],
        messages: [am.errors.unknown_department],
      },
      {
        name: "a transfer to no department is refused",
        parts: transfer({ dueOn: localDate(10) }),
        messages: [am.errors.no_departments],
      },
    ]);
    await runRefusals(staff, `/admin/notes/${a.id}`, "form:has(textarea[name=body])", [
      {
        name: "an empty comment is refused",
        parts: [field("noteId", String(a.id)), field("body", "  \n ")],
        messages: [am.note.commentRequired],
      },
      {
        name: "a 2001-character comment is refused",
        parts: [field("noteId", String(a.id)), field("body", text(2001))],
        messages: [am.note.commentRequired],
      },
      {
        name: "a comment on an unknown note is refused",
        parts: [field("noteId", "999999999"), field("body", "请核实")],
        messages: [am.errors.not_found],
      },
    ]);
  });

  test("the event editor refuses far dates, bad capacities and unknown organisers", async () => {
    const f = cms.events.fields;
    const fe = cms.events.fieldErrors;
    const organisationId = await firstId("select id from organisations order by id limit 1");
    const good = {
      title: "协商活动",
      kind: "consultation",
      serviceType: "",
      summary: "",
      body: "",
      startsAt: `${localDate(30)}T09:00`,
      endsAt: `${localDate(30)}T11:00`,
      townId: "",
      venue: "政协会议室",
      campaignId: "",
      topicId: "",
      capacity: "",
      registrationOpensAt: "",
      registrationClosesAt: "",
    };
    const parts = (over: Record<string, string>, organisers = [String(organisationId)]) => [
      ...Object.entries({ ...good, ...over }).map(([k, v]) => field(k, v)),
      ...organisers.map((id) => field("organisationIds", id)),
    ];
    await runRefusals(staff, "/admin/events/new", "form:has([name=venue])", [
      {
        name: "a start in the year 9999 is refused",
        parts: parts({ startsAt: "9999-01-01T09:00" }),
        messages: [cms.common.errorSummary, cms.field.invalidDate(f.startsAt)],
        kept: [{ name: "title", value: "协商活动" }],
      },
      {
        name: "a start in 1899 is refused",
        parts: parts({ startsAt: "1899-12-31T09:00" }),
        messages: [cms.field.invalidDate(f.startsAt)],
      },
      {
        name: "25 o'clock is refused",
        parts: parts({ endsAt: `${localDate(30)}T25:00` }),
        messages: [cms.field.invalidDate(f.endsAt)],
      },
      {
        name: "an end before the start is refused",
        parts: parts({ endsAt: `${localDate(30)}T08:00` }),
        messages: [fe.endsBeforeStart],
      },
      {
        name: "a negative capacity is refused",
        parts: parts({ capacity: "-5" }),
        messages: [fe.capacity],
      },
      {
        name: "a capacity of a trillion is refused",
        parts: parts({ capacity: "1000000000000" }),
        messages: [fe.capacity],
      },
      {
        name: "a capacity in words is refused",
        parts: parts({ capacity: "五十" }),
        messages: [fe.capacity],
      },
      {
        name: "an SQL-like kind is refused",
        parts: parts({ kind: SQL }),
        messages: [cms.field.invalidChoice(f.kind)],
      },
      {
        name: "an organiser id that is not a number is refused",
        parts: parts({}, [`1${SQL}`]),
        messages: [cms.field.invalidChoice(f.organisations)],
      },
      {
        name: "an overlong title of scripts is refused and kept",
        parts: parts({ title: SCRIPT.repeat(5) }),
        messages: [cms.field.tooLong(f.title, 100)],
      },
      {
        name: "a NUL byte in the venue is refused",
        parts: parts({ venue: "会议室\u0000" }),
        messages: [CONTROL_MESSAGE],
      },
      {
        name: "control characters in the title are refused, kept as typed",
        parts: parts({ title: CONTROL_KEPT }),
        messages: [CONTROL_MESSAGE],
        kept: [{ name: "title", value: CONTROL_KEPT }],
      },
    ]);
  });

  test("the news editor refuses bad slugs, unknown columns, fake covers and far dates", async () => {
    const f = cms.news.fields;
    const good = {
      title: "测试新闻",
      slug: "sweep-test-news",
      columnId: String(await firstId("select id from news_columns order by id limit 1")),
      summary: "摘要",
      body: "正文内容",
      reporter: "",
      correspondent: "",
      coverCredit: "",
      eventId: "",
      status: "draft",
      publishedAt: "",
    };
    const parts = (over: Record<string, string>) =>
      Object.entries({ ...good, ...over }).map(([k, v]) => field(k, v));
    await runRefusals(staff, "/admin/news/new", "form:has([name=slug])", [
      {
        name: "a slug with markup is refused",
        parts: parts({ slug: SCRIPT }),
        messages: [cms.field.slug],
      },
      {
        name: "an unknown column is refused",
        parts: parts({ columnId: "999999999" }),
        messages: [cms.errors.not_found],
      },
      {
        name: "a publication date in 9999 is refused",
        parts: parts({ status: "published", publishedAt: "9999-01-01T08:00" }),
        messages: [cms.common.errorSummary],
      },
      {
        name: "an SQL-like status is refused",
        parts: parts({ status: SQL }),
        messages: [cms.common.errorSummary],
      },
      {
        name: "a text file as the cover is refused",
        parts: [
          ...parts({}),
          file("cover", "cover.jpg", Buffer.from("not an image"), "image/jpeg"),
        ],
        messages: [cms.errors.bad_image],
      },
      {
        name: "an overlong title is refused",
        parts: parts({ title: IMG.repeat(20) }),
        messages: [cms.common.errorSummary],
      },
      {
        name: "a NUL in the body is refused with the control-character message",
        parts: parts({ body: `正文${CONTROL}` }),
        messages: [CONTROL_MESSAGE],
      },
    ]);
    void f;
  });

  test("the user, directory, department and public-case editors refuse bad input", async () => {
    const userFe = cms.users.fieldErrors;
    await runRefusals(security, "/admin/users/new", "form:has([name=username])", [
      {
        name: "an SQL-like user name is refused",
        parts: [
          field("username", SQL),
          field("displayName", "测试"),
          field("phone", ""),
          field("role", "member"),
        ],
        messages: [userFe.username],
      },
      {
        name: "an invented role is refused",
        parts: [
          field("username", "sweepuser"),
          field("displayName", SCRIPT),
          field("phone", ""),
          field("role", "superadmin"),
        ],
        messages: [cms.common.errorSummary],
      },
      {
        name: "a phone number of letters is refused",
        parts: [
          field("username", "sweepuser"),
          field("displayName", "测试"),
          field("phone", "call-me-maybe"),
          field("role", "member"),
        ],
        messages: [userFe.phone],
      },
      {
        name: "a NUL in the display name is refused with the control-character message",
        parts: [
          field("username", "sweepuser"),
          field("displayName", CONTROL),
          field("phone", ""),
          field("role", "member"),
        ],
        messages: [CONTROL_MESSAGE],
      },
    ]);
    await runRefusals(staff, "/admin/departments", "form:has([name=contact])", [
      {
        name: "a department without a name is refused",
        parts: [field("name", "  "), field("contact", ""), field("sortOrder", "1")],
        messages: [am.errors.invalid],
      },
      {
        name: "a department with a non-numeric order is refused",
        parts: [field("name", "测试部门"), field("contact", SCRIPT), field("sortOrder", "1e99")],
        messages: [am.errors.invalid],
      },
      {
        name: "a department whose name holds a NUL is refused",
        parts: [field("name", CONTROL), field("contact", ""), field("sortOrder", "1")],
        messages: [CONTROL_MESSAGE],
      },
    ]);
    const caseFe = cms.cases.fieldErrors;
    const caseGood = {
      title: "加装电梯",
      summary: "老旧小区加装电梯进展缓慢。",
      category: "livelihood",
      townId: "",
      departmentName: "区住建局",
      outcome: "已完成",
      receivedOn: "2025-03-01",
      resolvedOn: "2025-06-01",
      reviewed: "yes",
      publish: "",
    };
    const caseParts = (over: Record<string, string>) =>
      Object.entries({ ...caseGood, ...over })
        .filter(([, v]) => v !== "")
        .map(([k, v]) => field(k, v));
    const noteForCase = await firstId(
      "select id from field_notes where status in ('answered', 'closed') order by id limit 1",
    );
    await runRefusals(
      staff,
      `/admin/cases/new?note=${noteForCase}`,
      "form:has([name=receivedOn])",
      [
        {
          name: "a case that was not checked for personal data is refused",
          parts: caseParts({ reviewed: "" }),
          messages: [caseFe.reviewed],
        },
        {
          name: "a case with a phone number in it is refused",
          parts: caseParts({ summary: "联系人电话13800000001，请回电。" }),
          messages: [cms.cases.personalData.phone],
        },
        {
          name: "a case resolved before it was received is refused",
          parts: caseParts({ receivedOn: "2025-06-01", resolvedOn: "2025-03-01" }),
          messages: [caseFe.resolvedBeforeReceived],
        },
        {
          name: "a case received in 9999 is refused",
          parts: caseParts({ receivedOn: "9999-12-31", resolvedOn: "" }),
          messages: [cms.common.errorSummary],
        },
        {
          name: "a case whose summary holds a NUL is refused",
          parts: caseParts({ summary: `老旧小区${CONTROL}` }),
          messages: [CONTROL_MESSAGE],
        },
      ],
    );
    await runRefusals(staff, "/admin/directory/sectors/new", "form:has([name=slug])", [
      {
        name: "a directory entry with a hostile slug is refused",
        parts: [field("name", "测试"), field("slug", IMG), field("sortOrder", "1")],
        messages: [cms.field.slug],
      },
      {
        name: "a directory entry whose name holds a NUL is refused",
        parts: [field("name", CONTROL), field("slug", "sweep-control"), field("sortOrder", "1")],
        messages: [CONTROL_MESSAGE],
      },
    ]);
  });

  test("staff exports and files answer unknown ids and bad filters with a 4xx", async () => {
    const cases: { url: string; status: number }[] = [
      { url: "/admin/stats/csv/nothing", status: 404 },
      { url: `/admin/stats/csv/${encodeURIComponent(SQL)}`, status: 404 },
      { url: "/admin/notes/999999999", status: 404 },
      { url: "/admin/notes/abc", status: 404 },
      { url: "/admin/events/999999999", status: 404 },
      { url: "/admin/news/999999999", status: 404 },
      { url: "/admin/cases/999999999", status: 404 },
      { url: "/admin/departments/999999999", status: 404 },
      { url: "/admin/directory/sectors/999999999", status: 404 },
      { url: "/admin/directory/nothing/new", status: 404 },
      { url: "/admin/audit/export?actor=%00", status: 400 },
    ];
    const before = await fingerprint();
    for (const { url, status } of cases) {
      const response = await staff.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(status);
    }
    const users = await security.request.get("/admin/users/999999999", { maxRedirects: 0 });
    expect(users.status(), "/admin/users/999999999").toBe(404);
    for (const [who, url] of [
      [auditor, `/admin/audit/export?from=9999-99-99&to=${encodeURIComponent(SCRIPT)}`],
      [staff, `/admin/notes?from=1900-01-01&to=9999-12-31&q=${encodeURIComponent(SQL)}&page=-1`],
      [auditor, `/admin/audit?actor=${encodeURIComponent(IMG)}&page=99999999999`],
    ] as const) {
      const response = await who.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBeLessThan(500);
      const body = await response.text();
      for (const hostile of HOSTILE) expect(body, url).not.toContain(hostile);
    }
    for (const [url, origin, status] of [
      ["/admin/registrations/999999999/export", undefined, 404],
      ["/admin/registrations/abc/export", undefined, 404],
      [`/admin/registrations/${encodeURIComponent(SQL)}/export`, undefined, 404],
    ] as const) {
      const response = await staff.request.post(url, {
        form: { phones: "full" },
        headers: { origin: origin ?? new URL(staff.url()).origin },
        maxRedirects: 0,
      });
      expect(response.status(), url).toBe(status);
    }
    // A filter of the audit export with a NUL (the audit administrator's): refused before
    // it is logged or queried.
    const garbled = await auditor.request.post("/admin/audit/export", {
      form: { actor: CONTROL },
      headers: { origin: new URL(auditor.url()).origin },
      maxRedirects: 0,
    });
    expect(garbled.status(), "audit export with a NUL").toBe(400);
    expect(await garbled.text()).toContain(CONTROL_MESSAGE);
    await expectUnchanged(before, undefined, "staff exports with bad ids");
  });
});

// ---------------------------------------------------------------------------------------
// Last, since it fails today (see the report of issue 6): a path segment that is not valid
// percent-encoded UTF-8 makes every dynamic route answer 500 (Next.js's own param decoding).

test("a page address with bytes that are not UTF-8 gets a 4xx, not a server error", async ({
  page,
}) => {
  for (const url of [
    "/news/%FF%FE",
    "/sectors/%FF",
    "/events/%FF",
    "/events/%FF/event.ics",
    "/files/%FF",
    "/member/photos/%FF",
    "/registrations/%C0%AF",
  ]) {
    await test.step(url, async () => {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBeGreaterThanOrEqual(400);
      expect(response.status(), url).toBeLessThan(500);
    });
  }
});
