import sharp from "sharp";
import { signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";

/**
 * 目录: an admin gives a town a photo and its contact; the public town page (/towns, the
 * town's card) shows the photo in several widths, sized so nothing shifts, and the contact.
 * A file that is not a picture is refused in Chinese with what was typed kept.
 */
test("an admin uploads a town's photo; the town page shows it and its contact", async ({
  page,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin", { next: "/admin/directory?tab=towns" });
  await page.getByRole("link", { name: "王店镇", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /王店镇/ })).toBeVisible();
  const form = page.locator("form:has([name=photo])");
  const photo = form.locator("input[name=photo]");
  const person = form.getByLabel(/^联系人/);
  const hours = form.getByLabel(/^开放时间/);

  // Not a picture: refused in Chinese, what was typed is kept, nothing is saved.
  await person.fill("钱志强（政协工作联络员）");
  await hours.fill("周一至周五 9:00—17:00");
  await photo.setInputFiles({
    name: "town.png",
    mimeType: "image/png",
    buffer: Buffer.from("%PDF-1.4 this is not a picture"),
  });
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText(/无法识别这张图片.*如需上传照片，请重新选择图片/)).toBeVisible();
  await expect(person).toHaveValue("钱志强（政协工作联络员）");
  await expect(hours).toHaveValue("周一至周五 9:00—17:00");
  await expectNoAxeViolations();

  const png = await sharp({
    create: { width: 900, height: 600, channels: 3, background: "#2f7d4a" },
  })
    .png()
    .toBuffer();
  await photo.setInputFiles({ name: "wangdian.png", mimeType: "image/png", buffer: png });
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存，网站已更新。")).toBeVisible();
  const current = page.getByRole("img", { name: "当前照片" });
  await expect(current).toBeVisible();
  const src = (await current.getAttribute("src")) ?? "";
  const fileId = /\/files\/([0-9a-f-]{36})/.exec(src)?.[1];
  expect(fileId).toBeTruthy();

  await page.goto("/towns");
  const card = page.locator("#town-wangdian-zhen");
  const picture = card.locator(`img[src*="/files/${fileId}/"]`);
  await expect(picture).toHaveCount(1);
  await expect(picture).toHaveAttribute("srcset", new RegExp(`/files/${fileId}/\\d+\\.`));
  await expect(picture).toHaveAttribute("width", /^\d+$/);
  await expect(picture).toHaveAttribute("height", /^\d+$/);
  const loaded = await picture.evaluate(async (img: HTMLImageElement) => {
    img.scrollIntoView();
    await img.decode().catch(() => undefined);
    return img.naturalWidth;
  });
  expect(loaded).toBeGreaterThan(0);
  const contact = card.getByRole("region", { name: "王店镇联系方式" });
  await expect(contact).toContainText("钱志强（政协工作联络员）");
  await expect(contact).toContainText("周一至周五 9:00—17:00");
  await expect(contact.getByRole("link", { name: /拨打王店镇电话/ })).toHaveAttribute(
    "href",
    /^tel:0573/,
  );
  await expectNoAxeViolations();
});
