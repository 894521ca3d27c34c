import { randomInt } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { type Fingerprint, type FingerprintOptions, fingerprint, SWEEP_IP_PREFIX } from "./db";
import {
  type Answer,
  type HarvestedForm,
  type Part,
  postForm,
  showAnswer,
  visibleText,
} from "./http";

/** Hostile strings: none may ever reach a page unescaped. */
export const SCRIPT = "<script>alert(1)</script>";
export const IMG = '"><img src=x onerror=alert(1)>';
export const SQL = "'; drop table users; --";
export const HOSTILE = [SCRIPT, IMG, "<img src=x onerror=alert(1)>", "<script>alert(1)"];

/** Bytes that are not UTF-8 (a lone continuation byte, an overlong form, 0xFF). */
export const INVALID_UTF8 = Buffer.from([0xe5, 0xbc, 0xa0, 0x80, 0xc0, 0xaf, 0xff, 0xfe, 0x41]);

/**
 * Control characters (issue 11): a NUL, which PostgreSQL refuses in text (a 500 before the
 * shared check), and text whose controls a page can hold and show back as typed (an HTML
 * page turns a NUL into U+FFFD, so that one cannot come back byte for byte).
 */
export const CONTROL = "张\u0000三";
export const CONTROL_KEPT = "李\u0001四\u007f五";

/** A client address of this sweep (the audit log is fingerprinted for these only). */
export const sweepIp = () => `${SWEEP_IP_PREFIX}${randomInt(1, 255)}`;

export interface Refusal {
  /** What the user notices, as the test's step title. */
  name: string;
  parts: Part[];
  /** Messages the answer must show (Chinese, from the catalog). */
  messages: string[];
  /** Expected status: 200 (the form again, with messages) unless said. */
  status?: number;
  /** For a 303: the answer's Location must match. */
  location?: RegExp;
  /** Form controls (by name) that must still hold what was typed. */
  kept?: { name: string; value: string }[];
  fingerprint?: FingerprintOptions;
}

export async function expectUnchanged(
  before: Fingerprint,
  options: FingerprintOptions | undefined,
  what: string,
) {
  const after = await fingerprint(options);
  expect(after, `the database changed after: ${what}`).toEqual(before);
}

/**
 * Posts one refusal case to a harvested form and checks what a user (and the database)
 * would notice: no 5xx, the expected status, the messages on the page, hostile strings
 * escaped, the answer shown in the browser without any script running, typed values kept,
 * and the database unchanged.
 */
export async function expectRefusal(
  page: Page,
  form: HarvestedForm,
  refusal: Refusal,
): Promise<Answer> {
  const before = await fingerprint(refusal.fingerprint);
  const answer = await postForm(page, form, refusal.parts);
  await expectUnchanged(before, refusal.fingerprint, refusal.name);
  expect(answer.status, `status of: ${refusal.name}`).toBeLessThan(500);
  expect(answer.status, `status of: ${refusal.name}`).toBe(refusal.status ?? 200);
  if (refusal.location) expect(answer.location ?? "").toMatch(refusal.location);
  for (const hostile of HOSTILE) {
    expect(answer.html, `unescaped ${hostile} in the answer to: ${refusal.name}`).not.toContain(
      hostile,
    );
  }
  if (answer.status === 200) {
    const text = visibleText(answer.html);
    for (const message of refusal.messages) {
      expect(text, `message in the answer to: ${refusal.name}`).toContain(message);
    }
    await showAnswer(page, form.action, answer.html);
    for (const message of refusal.messages) {
      await expect(page.getByText(message, { exact: false }).first()).toBeVisible();
    }
    for (const { name, value } of refusal.kept ?? []) {
      await expect(page.locator(`form [name="${name}"]`).first()).toHaveValue(value);
    }
  }
  return answer;
}
