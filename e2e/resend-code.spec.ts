import { randomInt } from "node:crypto";
import { expect, expectNoAxeViolationsWithoutScripts, test } from "./fixtures";
import { smsTo, waitForSms } from "./mail-sink";
import { EVENTS, eventIdOf, shownRegistrationCode } from "./open-events";

/**
 * "忘记报名码？" on an event's registration page, without JavaScript: a registrant who lost
 * the code types the phone they registered with, and the code comes again by SMS (the run's
 * stand-in for the provider receives it: e2e/mail-sink.ts). The answer is the same for a
 * phone that never registered, which gets nothing; a malformed phone is refused with the
 * reason and what was typed is kept.
 */

test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.44" } });

test("a lost registration code comes again by SMS to the phone that registered, and only there", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(90_000);
  const eventId = await eventIdOf(request, EVENTS.lecture);
  const phone = `136${String(randomInt(0, 1e8)).padStart(8, "0")}`;
  const stranger = `135${String(randomInt(0, 1e8)).padStart(8, "0")}`;

  // Register (a plain form post) and note the code the confirmation shows.
  await page.goto(`/events/${eventId}`);
  const registration = page.getByRole("region", { name: "报名列席" });
  await registration.getByRole("textbox", { name: /^姓名/ }).fill("沈晓燕");
  await registration.getByRole("textbox", { name: /^手机号/ }).fill(phone);
  await registration.getByRole("checkbox", { name: /我已阅读上方说明/ }).check();
  await registration.getByRole("button", { name: /提交报名|登记候补/ }).click();
  const code = await shownRegistrationCode(page);

  await page.goto(`/events/${eventId}/register`);
  const resend = () => page.getByRole("region", { name: "忘记报名码？" });
  const phoneField = () => resend().getByLabel("报名手机号");
  const send = () => resend().getByRole("button", { name: "重新发送报名码" }).click();

  // A malformed phone: the reason, and what was typed is still there.
  await phoneField().fill("1360000");
  await send();
  await expect(resend().getByRole("alert")).toHaveText("请输入报名时填写的 11 位手机号。");
  await expect(phoneField()).toHaveValue("1360000");
  await expectNoAxeViolationsWithoutScripts(browser, page);

  // A phone that never registered gets the same answer as one that did.
  await phoneField().fill(stranger);
  await send();
  const answer = "如果这个手机号报名了本活动，报名码已通过短信发送到该手机，请留意查收。";
  await expect(resend().getByRole("status")).toHaveText(answer);
  await expect(phoneField()).toHaveValue("");

  await phoneField().fill(phone);
  await send();
  await expect(resend().getByRole("status")).toHaveText(answer);
  await expect(phoneField()).toHaveValue("");
  await expectNoAxeViolationsWithoutScripts(browser, page);

  // The code reaches the registered phone; nothing was written for the other one.
  await waitForSms(phone, (s) => s.templateParam.title === `您的报名码：${code}`);
  expect(await smsTo(stranger)).toEqual([]);
});
