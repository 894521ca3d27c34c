import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";

/*
 * The news editor's rich text: an editor writes an article with a heading, a bold word,
 * a link, a picture uploaded from a file, a table and text pasted from Word (with its
 * styles, <o:p>, a script and an onclick), publishes it, and the public page shows it
 * with nothing of Word's or the script's left in the body. Without JavaScript the same
 * form is a textarea of HTML that keeps what was typed when a save is refused.
 */

test.describe.configure({ mode: "serial", timeout: 150_000 });

const stamp = Date.now().toString(36).slice(-5);
const SHOTS = "/tmp/shots-editor";

/** Shortened from what Word puts on the clipboard (WPS writes the same kind of thing). */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=ProgId content=Word.Document><style><!-- p.MsoNormal {mso-style-parent:""; font-size:10.5pt; font-family:宋体;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment--><p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312;mso-ascii-font-family:Calibri;color:red'>从Word粘贴的<b style='mso-bidi-font-weight:normal'>意见汇总</b>段落<o:p></o:p></span></p>
<p class=MsoNormal onclick="alert('word')"><font face="宋体" color="#ff0000">第二段也来自Word</font><script>window.__pasted_script_ran = true</script><o:p>&nbsp;</o:p></p><!--EndFragment-->
</body></html>`;

async function shootEditor(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test("an article written in the rich-text editor is published clean", async ({
  page,
  context,
  baseURL,
  expectNoAxeViolations,
}) => {
  const title = `协商成果图文报道（${stamp}）`;
  await signInAs(page, "editor", { next: "/admin/news/new" });
  if (new URL(page.url()).pathname !== "/admin/news/new") await page.goto("/admin/news/new");
  await expect(page.getByRole("heading", { level: 1, name: "写新闻" })).toBeVisible();

  await page.getByRole("textbox", { name: /^标题/ }).fill(title);
  await page.getByLabel("栏目").selectOption({ label: "界别动态" });
  const body = page.getByRole("textbox", { name: /^正文/ });
  await expect(page.getByRole("toolbar", { name: "正文格式" })).toBeVisible();
  await expectNoAxeViolations();

  // A heading, then a paragraph with a bold word, typed with the toolbar.
  await body.click();
  await page.getByRole("button", { name: "大标题" }).click();
  await expect(page.getByRole("button", { name: "大标题" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await body.pressSequentially("协商成果一览");
  await body.press("Enter");
  await body.pressSequentially("本次协商形成了");
  await page.getByRole("button", { name: "加粗" }).click();
  await body.pressSequentially("三项");
  await page.getByRole("button", { name: "加粗" }).click();
  await body.pressSequentially("共识。");
  await body.press("Enter");

  // A picture from a file (a real PNG made here), with its description.
  const png = await sharp({
    create: { width: 320, height: 200, channels: 3, background: { r: 179, g: 22, b: 31 } },
  })
    .png()
    .toBuffer();
  // The picture and its description in the editor's dialog (no window.prompt).
  await page.getByRole("button", { name: "插入图片" }).click();
  const pictureDialog = page.getByRole("dialog", { name: "插入图片" });
  await expect(pictureDialog).toBeVisible();
  await pictureDialog
    .getByLabel("选择图片")
    .setInputFiles({ name: "xianchang.png", mimeType: "image/png", buffer: png });
  await pictureDialog.getByLabel("图片说明").fill("协商会现场");
  await pictureDialog.getByRole("button", { name: "上传并插入" }).click();
  await expect(pictureDialog).toBeHidden();
  await expect(page.getByRole("button", { name: "插入图片" })).toBeFocused();
  const inline = body.locator("img");
  await expect(inline).toHaveAttribute("src", /^\/files\/[0-9a-f-]{36}$/);
  await expect(inline).toHaveAttribute("alt", "协商会现场");
  await expect(inline).toHaveAttribute("width", "320");
  await expect(page.getByRole("status").filter({ hasText: "图片已插入" })).toBeVisible();

  // A table: header row and one row, moving by Tab; then out of it to the paragraph after.
  await body.press("Control+End");
  await page.getByRole("button", { name: "插入表格" }).click();
  for (const cell of ["界别", "人数", "建议", "经济界", "12", "产业升级"]) {
    await body.pressSequentially(cell);
    await body.press("Tab");
  }
  await expect(body.locator("table th")).toHaveCount(3);
  await body.press("Control+End");

  // Text pasted from Word: its words stay, its styles, fonts, <o:p>, script and onclick go.
  await body.evaluate((element, html) => {
    const editable = element.closest(".ProseMirror") ?? element;
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "从Word粘贴的意见汇总段落\n第二段也来自Word");
    editable.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, WORD_HTML);
  await expect(body).toContainText("从Word粘贴的意见汇总段落");
  await expect(body).toContainText("第二段也来自Word");
  expect(await page.evaluate(() => "__pasted_script_ran" in window)).toBe(false);
  expect(await body.innerHTML()).not.toMatch(/mso|Mso|<o:p|<font|onclick|<script/i);

  // A link: typed, selected, given an address.
  await body.press("Control+End");
  await body.press("Enter");
  await body.pressSequentially("区政协门户网站");
  await body.press("Shift+Home");
  await page.getByRole("button", { name: "链接", exact: true }).click();
  const linkDialog = page.getByRole("dialog", { name: "插入链接" });
  await linkDialog.getByLabel("链接地址").fill("https://www.example.gov.cn/zx");
  await linkDialog.getByRole("button", { name: "确定" }).click();
  await expect(linkDialog).toBeHidden();
  await expect(body.getByRole("link", { name: "区政协门户网站" })).toHaveAttribute(
    "href",
    "https://www.example.gov.cn/zx",
  );

  await expectNoAxeViolations();

  // Published.
  await page.getByLabel("发布", { exact: true }).check();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布，网站已更新。" })).toBeVisible();
  // Saved and loaded again, the editor shows the article as written.
  await expect(body.locator("h2")).toHaveText("协商成果一览");
  await expect(body.locator("table")).toBeVisible();
  await expect(body.locator("img")).toHaveAttribute("alt", "协商会现场");
  await expectNoAxeViolations();
  await shootEditor(page, "editor-normal");
  await context.addCookies([{ name: "lvzhi_elder", value: "1", url: baseURL ?? "" }]);
  await page.reload();
  await expect(body.locator("table")).toBeVisible();
  await expectNoAxeViolations();
  await shootEditor(page, "editor-elder");
  await context.clearCookies({ name: "lvzhi_elder" });

  const href = await page.getByRole("link", { name: "在网站上查看" }).getAttribute("href");
  expect(href).toMatch(/^\/news\//);
  await page.goto(href ?? "");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 2, name: "协商成果一览" })).toBeVisible();
  await expect(main.locator("strong").filter({ hasText: "三项" })).toBeVisible();
  const table = main.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "界别" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "产业升级" })).toBeVisible();
  const picture = main.getByRole("img", { name: "协商会现场" });
  await picture.scrollIntoViewIfNeeded();
  await expect(picture).toHaveAttribute("width", "320");
  await expect(picture).toHaveAttribute("height", "200");
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(320);
  await expect(main.getByRole("link", { name: "区政协门户网站" })).toHaveAttribute(
    "rel",
    "noopener noreferrer",
  );
  await expect(main).toContainText("从Word粘贴的意见汇总段落");
  await expect(main).toContainText("第二段也来自Word");

  // Nothing of Word's or the script's survives in the article.
  const articleBody = main
    .locator("div", { has: page.locator("h2", { hasText: "协商成果一览" }) })
    .last();
  const leftovers = await articleBody.evaluate((root) => {
    const found: string[] = [];
    for (const element of [root, ...root.querySelectorAll("*")]) {
      if (["SCRIPT", "STYLE", "FONT"].includes(element.tagName)) found.push(element.tagName);
      if (element.tagName.includes(":")) found.push(element.tagName);
      for (const attribute of element.getAttributeNames()) {
        if (attribute === "style" || attribute === "class" || attribute.startsWith("on")) {
          if (element !== root) found.push(`${element.tagName}[${attribute}]`);
        }
      }
    }
    return found;
  });
  expect(leftovers).toEqual([]);
  expect(await main.locator("script, [style]").count()).toBe(0);
  expect(await articleBody.innerHTML()).not.toMatch(/mso|Mso|宋体|仿宋|alert/);
  expect(await page.evaluate(() => "__pasted_script_ran" in window)).toBe(false);
  await expectNoAxeViolations();
  await shootEditor(page, "article");
});

test("without JavaScript the body is a textarea of HTML that keeps what was typed", async ({
  browser,
}) => {
  const signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  await signInAs(page, "editor", { next: "/admin/news/new" });
  const state = await signedIn.storageState();
  await signedIn.close();

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const noJs = await context.newPage();
  await noJs.goto("/admin/news/new");
  const body = noJs.getByRole("textbox", { name: /^正文/ });
  await expect(body).toBeVisible();
  await expect(noJs.getByRole("toolbar")).toHaveCount(0);
  const typed = "第一段文字。\n\n第二段 <strong>加粗</strong> <img src=x onerror=alert(1)>";
  await body.fill(typed);
  // No title: refused, the body kept exactly as typed.
  await noJs.getByRole("button", { name: "保存" }).click();
  await expect(noJs.getByText("请填写标题。")).toBeVisible();
  await expect(noJs.getByRole("textbox", { name: /^正文/ })).toHaveValue(typed);
  // The preview shows it cleaned, from the server.
  await noJs.getByRole("button", { name: "预览正文" }).click();
  const preview = noJs.getByRole("region", { name: "正文预览" });
  await expect(preview.locator("strong")).toHaveText("加粗");
  await expect(preview.locator("img")).toHaveCount(0);
  // (axe needs scripts in the page: the same form with JavaScript is checked above.)
  await context.close();
});
