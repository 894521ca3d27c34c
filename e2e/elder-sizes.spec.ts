import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { type DemoAccount, demoPassword, enrolTotp, passTotp, signInAs } from "./auth-helpers";
import { expect, formatViolations, test } from "./fixtures";

/**
 * 适老模式 throughout: on every page of the app (listed from the app directory, so a new
 * page cannot be forgotten), as the public, a member and each staff role, at 390 px and
 * 1366 px, every visible piece of text (links, buttons, form fields, labels, table cells,
 * navigation, small markers, chart labels) is at least 18 px on screen, and axe finds
 * nothing (at 390 px, with every folded menu open), contrast at 7:1 (WCAG AAA,
 * "color-contrast-enhanced") included.
 *
 * One page per role, reused from page to page; service workers blocked (the member app's
 * worker would answer from its cache).
 */

const MIN_PX = 18;
const WIDTHS = [390, 1366] as const;

type Who = "public" | DemoAccount;

interface Route {
  who: Who;
  /** The address to open when it is not the route itself (a query, an example). */
  url?: string;
  /** Dynamic routes: a page (a route of this table) that links to one. */
  from?: string;
  /**
   * The demo data holds no example of this dynamic route (say why): the test checks that
   * this is still so, and fails the day one appears, to be measured from then on.
   */
  noExample?: string;
}

/** Every page.tsx of app/, by route (route groups left out). */
const ROUTES: Record<string, Route> = {
  // the public
  "/": { who: "public" },
  "/news": { who: "public" },
  "/news/[slug]": { who: "public", from: "/news" },
  "/events": { who: "public" },
  "/events/[id]": { who: "public", from: "/events/list" },
  "/events/[id]/register": { who: "public", from: "/events/[id]" },
  "/campaigns/[slug]": { who: "public", from: "/" },
  "/cases": { who: "public" },
  "/cases/[id]": {
    who: "public",
    from: "/cases",
    noExample: "no case is published in the demo data (staff publish them from notes)",
  },
  "/opinions": { who: "public" },
  "/registrations": { who: "public" },
  "/search": { who: "public", url: "/search?q=政协" },
  "/sectors": { who: "public" },
  "/sectors/[slug]": { who: "public", from: "/sectors" },
  "/studios": { who: "public" },
  "/studios/[slug]": { who: "public", from: "/studios" },
  "/stats": { who: "public" },
  "/towns": { who: "public" },
  "/site-map": { who: "public" },
  "/privacy": { who: "public" },
  "/accessibility": { who: "public" },
  "/login": { who: "public" },
  // Without an invitation's token: the page that says the link is not valid.
  "/invite": { who: "public" },
  // The second-factor steps are measured during a staff login (signInMeasuring).
  "/login/enrol": { who: "editor" },
  "/login/verify": { who: "editor" },
  // a member (the one with notes in the demo data)
  "/member": { who: "member2" },
  "/member/notes": { who: "member2" },
  "/member/notes/new": { who: "member2" },
  "/member/notes/[id]": { who: "member2", from: "/member/notes" },
  "/member/notes/[id]/edit": { who: "member2", from: "/member/notes" },
  "/member/duty": { who: "member2" },
  "/member/messages": { who: "member2" },
  "/member/profile": { who: "member2" },
  "/member/profile/totp": { who: "member2" },
  // Without a QR code's parameters: the page that says the code is not valid.
  "/member/checkin": { who: "member2" },
  "/member/checkin/scan": { who: "member2" },
  // the staff: the system administrator sees most of the console, an editor their part
  "/admin": { who: "editor" },
  "/admin/news": { who: "editor" },
  "/admin/news/new": { who: "editor" },
  "/admin/news/[id]": { who: "editor", from: "/admin/news" },
  "/admin/events": { who: "admin" },
  "/admin/events/new": { who: "admin" },
  "/admin/events/[id]": { who: "admin", from: "/admin/events" },
  "/admin/registrations": { who: "admin" },
  "/admin/registrations/[eventId]": { who: "admin", from: "/admin/registrations" },
  "/admin/registrations/[eventId]/checkin": {
    who: "admin",
    from: "/admin/registrations/[eventId]",
  },
  "/admin/registrations/[eventId]/member-qr": {
    who: "admin",
    from: "/admin/registrations/[eventId]",
  },
  "/admin/cases": { who: "admin" },
  "/admin/cases/new": { who: "admin" },
  "/admin/cases/[id]": {
    who: "admin",
    from: "/admin/cases",
    noExample: "no public case in the demo data",
  },
  "/admin/opinions": { who: "admin" },
  "/admin/notes": { who: "admin" },
  "/admin/notes/[id]": { who: "admin", from: "/admin/notes" },
  "/admin/notes/templates": { who: "admin" },
  "/admin/departments": { who: "admin" },
  "/admin/departments/[id]": { who: "admin", from: "/admin/departments" },
  "/admin/research": { who: "admin" },
  "/admin/research/[id]": { who: "admin", from: "/admin/research" },
  "/admin/research/compilation": { who: "admin" },
  "/admin/proposals": { who: "admin" },
  "/admin/proposals/new": { who: "admin" },
  "/admin/proposals/[id]": { who: "admin", from: "/admin/proposals" },
  "/admin/duty": { who: "admin" },
  "/admin/duty/[userId]": { who: "admin", from: "/admin/duty" },
  "/admin/directory": { who: "admin" },
  "/admin/directory/[kind]/new": { who: "admin", from: "/admin/directory" },
  "/admin/directory/[kind]/[id]": { who: "admin", from: "/admin/directory" },
  "/admin/stats": { who: "admin" },
  "/admin/notifications": { who: "admin" },
  "/admin/messages": { who: "admin" },
  "/admin/users": { who: "security" },
  "/admin/users/new": { who: "security" },
  "/admin/users/[id]": { who: "security", from: "/admin/users" },
  "/admin/settings": { who: "admin" },
  "/admin/audit": { who: "auditor" },
};

/** Extra addresses: other views of a page, and the 404 page. */
const EXTRA: Record<string, Route> = {
  "/events/list": { who: "public", url: "/events?view=list" },
  "/not-found": { who: "public", url: "/no-such-page" },
};

/** The routes of app/: every directory holding a page.tsx, without route groups. */
function appRoutes(): string[] {
  const root = path.join(process.cwd(), "app");
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const group = /^\(.*\)$/.test(entry.name) || entry.name.startsWith("_");
        walk(path.join(dir, entry.name), group ? segments : [...segments, entry.name]);
      } else if (entry.name === "page.tsx") {
        found.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(root, []);
  return found.sort();
}

const all = { ...ROUTES, ...EXTRA };

test("the table below covers every page of the app", () => {
  expect(Object.keys(ROUTES).sort()).toEqual(appRoutes());
});

/**
 * The pattern of a dynamic route's addresses: each [segment] stands for one path segment
 * that is not the name of a page beside it (/admin/research/compilation is no [id]).
 */
function routePattern(route: string): RegExp {
  const parts = route.split("/");
  const body = parts
    .map((segment, i) => {
      if (!/^\[.+\]$/.test(segment)) return segment;
      const prefix = `${parts.slice(0, i).join("/")}/`;
      const siblings = Object.keys(ROUTES)
        .filter((r) => r.startsWith(prefix))
        .map((r) => r.slice(prefix.length).split("/")[0] ?? "")
        .filter((name) => name && !name.startsWith("["));
      return `(?!(?:${[...new Set(siblings), "new"].join("|")})(?:/|$))[^/?#]+`;
    })
    .join("/");
  return new RegExp(`^${body}$`);
}

/**
 * The addresses to try for `route`: itself, or the links matching it on the first page of
 * its `from` (itself resolved the same way) that has any, at most a few.
 */
async function addresses(page: Page, route: string, seen = new Map<string, string[]>()) {
  const known = seen.get(route);
  if (known) return known;
  const entry = all[route];
  if (!entry) throw new Error(`no entry for ${route}`);
  let result: string[];
  if (!entry.from) {
    result = [entry.url ?? route];
  } else {
    const pattern = routePattern(route);
    result = [];
    for (const source of await addresses(page, entry.from, seen)) {
      await page.goto(source);
      // Links, and forms' own addresses (the registration form posts to its page).
      const hrefs = await page
        .locator("main a[href], main form[action^='/']")
        .evaluateAll((els) =>
          els.map((el) => el.getAttribute("href") ?? el.getAttribute("action") ?? ""),
        );
      for (const href of hrefs) {
        const pathOnly = href.split(/[?#]/)[0] ?? "";
        if (pattern.test(pathOnly) && !result.includes(href)) result.push(href);
      }
      if (result.length > 0) break;
    }
    result = result.slice(0, 8);
    if (result.length === 0) throw new Error(`no link to ${route} on ${entry.from}`);
  }
  seen.set(route, result);
  return result;
}

/**
 * Every visible element with text of its own (or a form control) written under `min` px on
 * screen, as "selector «text» size". Folded parts (<details>) are opened first; SVG text
 * counts at its drawn size (the chart is scaled to its box).
 */
function smallText(min: number): string[] {
  for (const details of document.querySelectorAll("details")) details.open = true;
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TITLE", "DESC", "OPTION"]);
  const controls = new Set(["INPUT", "SELECT", "TEXTAREA", "BUTTON"]);
  const noText = new Set(["hidden", "checkbox", "radio", "range", "color", "image"]);
  const name = (el: Element) => {
    const tag = el.tagName.toLowerCase();
    if (el.id) return `${tag}#${el.id}`;
    const cls = [...el.classList].slice(0, 3).join(".");
    const parent = el.parentElement;
    const index = parent ? [...parent.children].indexOf(el) + 1 : 1;
    return `${tag}${cls ? `.${cls}` : ""}:nth-child(${index})`;
  };
  const selector = (el: Element) => {
    const parts: string[] = [];
    for (let at: Element | null = el; at && at !== document.body && parts.length < 4; ) {
      parts.unshift(name(at));
      if (at.id) break;
      at = at.parentElement;
    }
    return parts.join(" > ");
  };
  const offenders: string[] = [];
  for (const el of document.body.querySelectorAll("*")) {
    const tag = el.tagName.toUpperCase();
    if (skip.has(tag)) continue;
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? "")
      .join("")
      .trim();
    const isControl = controls.has(tag) && !noText.has((el as HTMLInputElement).type);
    if (!own && !isControl) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    let size = Number.parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      if (m) size *= Math.hypot(m.a, m.b);
    }
    if (size < min - 0.05) {
      const text = own || (el as HTMLInputElement).value || el.getAttribute("placeholder") || "";
      offenders.push(`${selector(el)} «${text.slice(0, 16)}» ${size.toFixed(1)}px`);
    }
  }
  return offenders;
}

/** axe's default rules and the 7:1 contrast of WCAG AAA. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { "color-contrast-enhanced": { enabled: true } } })
    .analyze();
  return formatViolations(results.violations);
}

/** Both widths, every problem at once (one failure lists all that is wrong on the page). */
async function measure(page: Page, label: string) {
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const small of await page.evaluate(smallText, MIN_PX)) {
      problems.push(`${width} px, under ${MIN_PX} px: ${small}`);
    }
    // axe once, at the phone's width, where every folded menu has just been opened.
    if (width === WIDTHS[0]) {
      for (const axe of await axeProblems(page)) problems.push(`${width} px, axe: ${axe}`);
    }
  }
  expect(problems, `${label} in elder mode`).toEqual([]);
}

async function elderContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addCookies([{ name: "lvzhi_elder", value: "1", url: baseURL }]);
  return context;
}

/**
 * Signs a staff account in through the form, measuring the second-factor step it shows
 * (enrol at the first login of the run, verify afterwards).
 */
async function signInMeasuring(page: Page, who: DemoAccount) {
  const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  const onLogin = (url: URL) => url.pathname.startsWith("/login");
  await page.route(onLogin, (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": ip } }),
  );
  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill(who);
  await page.getByLabel("密码", { exact: true }).fill(demoPassword());
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  const step = new URL(page.url()).pathname;
  await measure(page, step);
  if (step === "/login/enrol") await enrolTotp(page, who);
  else await passTotp(page, who);
  await page.waitForURL((url) => !onLogin(url));
  await page.unroute(onLogin);
  return step;
}

test.describe("elder mode, the second-factor step of a staff login", () => {
  test("editor", async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const context = await elderContext(browser, baseURL ?? "");
    const step = await signInMeasuring(await context.newPage(), "editor");
    expect(["/login/enrol", "/login/verify"]).toContain(step);
    await context.close();
  });
});

const roles: Who[] = ["public", "member2", "editor", "admin", "security", "auditor"];

for (const who of roles) {
  test.describe(`elder mode, ${who}`, () => {
    // One signed-in page for the role's pages (a failure restarts the worker: signed in anew).
    let context: BrowserContext;
    let page: Page;
    const seen = new Map<string, string[]>();

    test.beforeAll(async ({ browser, baseURL }) => {
      test.setTimeout(120_000);
      context = await elderContext(browser, baseURL ?? "");
      page = await context.newPage();
      if (who !== "public") await signInAs(page, who);
    });
    test.afterAll(async () => {
      await context.close();
    });

    const routes = Object.entries(ROUTES)
      .filter(([route, r]) => r.who === who && !route.startsWith("/login/"))
      .map(([route]) => route);
    if (who === "public") routes.push(...Object.keys(EXTRA));
    for (const route of routes) {
      test(route, async () => {
        test.setTimeout(90_000);
        const why = all[route]?.noExample;
        if (why) {
          test.info().annotations.push({ type: "not measured", description: why });
          await expect(addresses(page, route, seen)).rejects.toThrow(/^no link to /);
          return;
        }
        const [address] = await addresses(page, route, seen);
        await page.goto(address ?? route);
        await expect(page.locator("html")).toHaveClass(/elder/);
        await measure(page, address ?? route);
      });
    }
  });
}
