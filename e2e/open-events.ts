import { type APIRequestContext, expect, type Page } from "@playwright/test";

/**
 * The demo data's open consultations (registration open now) that the attendance specs
 * register for; each test takes its own event, so order does not matter.
 */
export const EVENTS = {
  lecture: "讲座：人工智能如何帮中小企业降本增效", // 60 seats
  market: "共富集市长效运营开门协商", // 40 seats
  childcare: "“托育服务扩容”开门协商", // 30 seats
  trade: "外贸人才引育政策开门协商", // 50 seats
  closed: "“丝路通”平台建设与产业出海专题协商", // May 2026, window long closed
} as const;

const eventIds = new Map<string, number>();

/** The id of a demo event open to the public, found through its registration page. */
export async function eventIdOf(request: APIRequestContext, title: string): Promise<number> {
  const known = eventIds.get(title);
  if (known) return known;
  for (let id = 1; id <= 80; id++) {
    const response = await request.get(`/events/${id}/register`);
    if (response.status() !== 200) continue;
    const html = await response.text();
    if (html.includes(title)) {
      eventIds.set(title, id);
      return id;
    }
  }
  throw new Error(`no open event titled ${title}`);
}

/** A registration code as the site shows it: two groups of four, no look-alike letters. */
export const REGISTRATION_CODE = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

/** The code the confirmation shows in the form's place, once it is there. */
export async function shownRegistrationCode(page: Page): Promise<string> {
  await expect(page.getByText("提交成功！请保存下面的报名码")).toBeVisible();
  const code = (
    (await page
      .getByRole("region", { name: "报名码", exact: true })
      .locator("p")
      .first()
      .textContent()) ?? ""
  ).trim();
  expect(code).toMatch(REGISTRATION_CODE);
  return code;
}
