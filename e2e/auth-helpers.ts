import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

/**
 * Logging in from e2e specs, through the real login form (no shortcut around it):
 *
 *   await signInAs(page, "member1");                 // demo accounts (DEMO_PASSWORD)
 *   await signInAs(page, "editor", { next: "/admin" });
 *   await signIn(page, "someone", "their password");
 *
 * Staff (editors and the three administrators) pass TOTP: at their first login the helper enrols (it reads the
 * secret shown on the enrol page) and remembers the secret for the rest of the run, per
 * server, so later logins answer the TOTP step. Codes are computed with otpauth; a code's
 * step is never used twice (the server refuses replays), so a quick second login may wait
 * for the next 30-second step.
 *
 * Each login speaks from its own documentation address (X-Forwarded-For, believed from the
 * test server's trusted proxy), so the per-IP login limit never trips across specs.
 */

export type DemoAccount = "member1" | "member2" | "editor" | "admin" | "security" | "auditor";

export interface SignInOptions {
  /** Where to land after logging in (a path on the site); default: the role's home. */
  next?: string;
  /** The client address the login speaks from (default: a random 203.0.113.x). */
  ip?: string;
}

export function demoPassword(): string {
  const password = process.env.DEMO_PASSWORD;
  if (!password) throw new Error("DEMO_PASSWORD is not set (playwright.config.ts sets it)");
  return password;
}

export async function signInAs(page: Page, who: DemoAccount, options: SignInOptions = {}) {
  await signIn(page, who, demoPassword(), options);
}

export async function signIn(
  page: Page,
  username: string,
  password: string,
  options: SignInOptions = {},
): Promise<void> {
  const ip = options.ip ?? `203.0.113.${randomInt(1, 255)}`;
  const onLoginPages = (url: URL) =>
    url.pathname === "/login" || url.pathname.startsWith("/login/");
  await page.route(onLoginPages, (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": ip } }),
  );
  try {
    const query = options.next ? `?next=${encodeURIComponent(options.next)}` : "";
    await page.goto(`/login${query}`);
    await page.getByLabel("用户名或手机号").fill(username);
    await page.getByLabel("密码", { exact: true }).fill(password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");

    const step = new URL(page.url()).pathname;
    if (step === "/login/enrol") await enrolTotp(page, username);
    else if (step === "/login/verify") await passTotp(page, username);
    await page.waitForURL((url) => !onLoginPages(url));
  } catch (error) {
    const alert = await page
      .getByRole("main")
      .getByRole("alert")
      .first()
      .textContent()
      .catch(() => null);
    throw new Error(`signIn(${username}) failed${alert ? `: ${alert}` : ""}: ${String(error)}`);
  } finally {
    await page.unroute(onLoginPages);
  }
}

/** On /login/enrol: reads the secret, confirms a code, acknowledges the recovery codes. */
export async function enrolTotp(page: Page, username: string): Promise<string[]> {
  const secret = await readShownSecret(page);
  await page.getByLabel("应用显示的 6 位验证码").fill(await nextCode(page, username, secret));
  await page.getByRole("button", { name: "确认开启" }).click();
  const codes = page.getByRole("list", { name: "恢复码" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allTextContents();
  await page.getByRole("button", { name: "我已保存恢复码，继续" }).click();
  return recoveryCodes;
}

/** On /login/verify: answers with the remembered secret's next unused code. */
export async function passTotp(page: Page, username: string): Promise<void> {
  const secret = rememberedSecret(page, username);
  if (!secret) {
    throw new Error(`no TOTP secret remembered for ${username} on ${new URL(page.url()).host}`);
  }
  await page.getByLabel("验证码").fill(await nextCode(page, username, secret));
  await page.getByRole("button", { name: "验证并登录" }).click();
}

/** The secret as the enrol page shows it (groups of four), without spaces. */
export async function readShownSecret(page: Page): Promise<string> {
  const shown = await page.getByTestId("totp-secret").textContent();
  const secret = (shown ?? "").replace(/\s+/g, "");
  if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error(`no TOTP secret on ${page.url()}`);
  return secret;
}

// ---------------------------------------------------------------------------------------
// TOTP secrets and used steps, per server and account, for the whole run (a file in the
// run's output folder: Playwright empties it when a run starts; workers may restart).

const PERIOD_MS = 30_000;

interface Remembered {
  secret: string;
  lastStep: number;
}

function storePath(): string {
  return path.join(test.info().project.outputDir, ".auth-totp.json");
}

function readStore(): Record<string, Remembered> {
  try {
    return JSON.parse(readFileSync(storePath(), "utf8")) as Record<string, Remembered>;
  } catch {
    return {};
  }
}

const keyFor = (page: Page, username: string) => `${new URL(page.url()).host}/${username}`;

export function rememberedSecret(page: Page, username: string): string | null {
  return readStore()[keyFor(page, username)]?.secret ?? null;
}

/**
 * The code of the first step not used yet by this account (now, or the next step, which
 * the server accepts too); waits when both were used already.
 */
export async function nextCode(page: Page, username: string, secret: string): Promise<string> {
  const store = readStore();
  const key = keyFor(page, username);
  const known = store[key];
  // The server refuses a step the account already used, whichever secret it came from
  // (a replaced factor included): one count per account.
  const lastStep = known ? known.lastStep : -1;
  let now = Date.now();
  let step = Math.max(Math.floor(now / PERIOD_MS), lastStep + 1);
  if (step > Math.floor(now / PERIOD_MS) + 1) {
    await page.waitForTimeout((step - 1) * PERIOD_MS - now + 500);
    now = Date.now();
    step = Math.max(Math.floor(now / PERIOD_MS), lastStep + 1);
  }
  store[key] = { secret, lastStep: step };
  mkdirSync(path.dirname(storePath()), { recursive: true });
  writeFileSync(storePath(), JSON.stringify(store));
  return totpCodeAt(secret, step * PERIOD_MS);
}

export function totpCodeAt(secret: string, timestamp: number): string {
  return new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  }).generate({ timestamp });
}

// ---------------------------------------------------------------------------------------
// The account command line, against the "postgres" project's database (auth.spec.ts).

/** Runs scripts/user-invite.ts (invite | disable | enable …) beside the running server. */
export function runUserCli(baseURL: string, args: string[]): string {
  const databaseUrl = process.env.E2E_PG_DATABASE_URL;
  if (!databaseUrl)
    throw new Error("E2E_PG_DATABASE_URL is not set (playwright.config.ts sets it)");
  return execFileSync(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/user-invite.ts", ...args],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, SITE_URL: baseURL, NODE_ENV: "test" },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
}

/** Creates an invited account and returns its invitation path (/invite#<token>). */
export function inviteUser(
  baseURL: string,
  account: {
    username: string;
    name: string;
    role: "member" | "editor" | "admin";
    extra?: string[];
  },
): string {
  const out = runUserCli(baseURL, [
    "invite",
    "--username",
    account.username,
    "--name",
    account.name,
    "--role",
    account.role,
    ...(account.extra ?? []),
  ]);
  const link = /\/invite#[A-Za-z0-9_-]{43}/.exec(out)?.[0];
  if (!link) throw new Error(`no invitation link in:\n${out}`);
  return link;
}
