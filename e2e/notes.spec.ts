import type { Browser, Page } from "@playwright/test";
import ExifReader from "exifreader";
import sharp from "sharp";
import { signInAs } from "./auth-helpers";
import {
  expect,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  test,
} from "./fixtures";

/**
 * Field notes (走访记录) as a member files them: the form with and without JavaScript,
 * autosave, photos with upload progress, submission (once, however often it is sent),
 * the note's page with its timeline, the dashboard, and privacy between members.
 * Every test files its own notes (titles carry a random tag), so order does not matter.
 */

const shot = (name: string) => `${test.info().project.outputDir}/screenshots/${name}.png`;
const tag = () => Math.random().toString(36).slice(2, 7);

const valid = {
  observation:
    "走访塘汇街道三个社区，老人反映社区食堂只有午餐，晚餐要自己解决，行动不便的老人很不方便。",
  suggestion: "建议试点晚餐供应，并为行动不便的老人提供送餐上门服务。",
  town: "塘汇街道",
  place: "百花社区",
  peopleMet: "社区书记、老年协会会长和十几位老人",
};

/** A phone-like JPEG carrying a camera name and a GPS position in its EXIF. */
async function phoneJpeg(shade: string): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: shade } })
    .withExif({
      IFD0: { Make: "TestPhone", Model: "T-1" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "30/1 45/1 12/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "120/1 44/1 30/1",
      },
    })
    .jpeg()
    .toBuffer();
}

async function photoFiles() {
  const png = await sharp({
    create: { width: 800, height: 600, channels: 4, background: "#a5577a" },
  })
    .png()
    .toBuffer();
  return [
    { name: "现场1.jpg", mimeType: "image/jpeg", buffer: await phoneJpeg("#2a6f4f") },
    { name: "现场2.png", mimeType: "image/png", buffer: png },
  ];
}

const fakeJpeg = {
  name: "假照片.jpg",
  mimeType: "image/jpeg",
  buffer: Buffer.from("这是一个文本文件，只是扩展名改成了 .jpg"),
};

const form = (page: Page) => ({
  title: page.getByLabel(/^标题/),
  visitDate: page.getByLabel(/^走访日期/),
  sector: page.getByLabel(/^界别/),
  town: page.getByLabel(/^镇街/),
  place: page.getByLabel(/^具体地点/),
  observation: page.getByLabel(/^所见所闻/),
  suggestion: page.getByLabel(/^意见建议/),
  peopleMet: page.getByLabel(/^走访对象/),
  photos: page.getByLabel(/^(添加照片|继续添加)/),
  submit: page.getByRole("button", { name: /^(提交记录|重新提交)$/ }),
});

async function fillValid(page: Page, title: string) {
  const f = form(page);
  await f.title.fill(title);
  await f.town.selectOption({ label: valid.town });
  await f.place.fill(valid.place);
  await f.observation.fill(valid.observation);
  await f.suggestion.fill(valid.suggestion);
  await f.peopleMet.fill(valid.peopleMet);
  await page.getByLabel("民生服务堵点").check();
}

/** The note form's fields as the browser would post them (text, choices, hidden fields). */
async function formDataOf(page: Page): Promise<FormData> {
  const data = new FormData();
  const noteForm = page.locator("form").filter({ has: page.locator('input[name="clientId"]') });
  for (const control of await noteForm.locator("input[name], textarea[name], select[name]").all()) {
    const name = (await control.getAttribute("name")) ?? "";
    const type = await control.getAttribute("type");
    if (type === "file") continue;
    if ((type === "radio" || type === "checkbox") && !(await control.isChecked())) continue;
    data.append(name, await control.inputValue());
  }
  return data;
}

async function newMemberPage(browser: Browser, who: "member1" | "member2") {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  await signInAs(page, who);
  return page;
}

test.describe("field notes with JavaScript", () => {
  // Sign-in, autosave, two uploads and the submit: more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 60_000 });
  test("a member files a note with two photos, watching the upload, and sees it on the dashboard", async ({
    page,
  }) => {
    const title = `社区养老食堂晚餐供应不足 ${tag()}`;
    await signInAs(page, "member1", { next: "/member/notes/new" });
    await expect(page.getByRole("heading", { level: 1, name: "新建走访记录" })).toBeVisible();
    await expectNoAxeViolations(page);

    // The draft is saved on the server while the member types; the address becomes the draft's.
    await form(page).title.fill(title);
    await expect(page.getByText(/草稿已于 \d\d:\d\d 自动保存/)).toBeVisible();
    await expect(page).toHaveURL(/\/member\/notes\/\d+\/edit$/);

    // Hold the first upload's answer, to see its progress while it is on its way.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = true;
    await page.route(
      (url) => url.pathname === "/member/photos",
      async (route) => {
        if (first) {
          first = false;
          await held;
        }
        await route.continue();
      },
    );
    await form(page).photos.setInputFiles(await photoFiles());
    await expect(page.getByRole("progressbar", { name: "现场1.jpg 上传进度" })).toBeVisible();
    await expect(page.getByText("等待上传")).toBeVisible();
    release();
    await expect(page.getByRole("img", { name: "现场照片 2" })).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveCount(0);
    await expect(page.getByText("已有 2/9 张")).toBeVisible();
    await page.unroute((url) => url.pathname === "/member/photos");

    await fillValid(page, title);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot("notes-form-1280"), fullPage: true });
    await form(page).submit.click();

    await expect(page).toHaveURL(/\/member\/notes\/\d+\?submitted=1$/);
    await expect(page.getByRole("status")).toContainText("提交成功");
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const timeline = page.getByRole("region", { name: "办理进程" });
    await expect(timeline.getByRole("listitem")).toHaveCount(2);
    await expect(timeline.getByRole("listitem").first()).toContainText("创建草稿");
    await expect(timeline.getByRole("listitem").last()).toContainText("提交记录");
    await expect(timeline.getByRole("listitem").last()).toContainText("我");
    const gallery = page.getByRole("region", { name: "现场照片" });
    await expect(gallery.getByRole("img")).toHaveCount(2);
    await expect
      .poll(() =>
        gallery
          .getByRole("img")
          .evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0)),
      )
      .toBe(true);
    // A submitted note is read-only: no way to edit it, and its edit page leads back here.
    await expect(page.getByRole("link", { name: /继续填写|修改后重新提交/ })).toHaveCount(0);
    const noteUrl = new URL(page.url()).pathname;
    await page.goto(`${noteUrl}/edit`);
    await expect(page).toHaveURL(new RegExp(`${noteUrl}$`));
    await expectNoAxeViolations(page);

    await page
      .getByRole("navigation", { name: "委员中心导航" })
      .getByRole("link", { name: "工作台" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
    const recent = page.getByRole("region", { name: "最近的记录" });
    await expect(recent.getByRole("link", { name: title })).toBeVisible();
    await expect(recent.getByRole("listitem").filter({ hasText: title })).toContainText("待审核");
    await expect(recent.getByRole("listitem").filter({ hasText: title })).toContainText("2张照片");
    const submittedTile = page.getByRole("list", { name: "各状态记录数" }).getByRole("link", {
      name: /待审核/,
    });
    expect(Number((await submittedTile.textContent())?.replace(/\D/g, ""))).toBeGreaterThanOrEqual(
      1,
    );
    await expect(page.getByRole("region", { name: /年履职数据/ })).toContainText("提交记录");
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot("notes-dashboard-1280"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page);
    await page.screenshot({ path: shot("notes-dashboard-390"), fullPage: true });
  });

  test("each field refuses bad input with its message, and everything else stays as typed", async ({
    page,
  }) => {
    const title = `村道路灯损坏多处 ${tag()}`;
    await signInAs(page, "member1", { next: "/member/notes/new" });
    await fillValid(page, title);
    const f = form(page);

    const cases: [keyof ReturnType<typeof form>, string, string][] = [
      ["title", "太短", "标题至少4个字"],
      ["title", "长".repeat(61), "标题最多60个字"],
      ["observation", "不到二十个字", "所见所闻至少20个字"],
      ["suggestion", "", "请填写意见建议"],
      ["suggestion", "太短了", "意见建议至少10个字"],
      ["visitDate", "2099-01-01", "走访日期不能晚于今天"],
      ["visitDate", "1999-12-31", "走访日期不能早于2000年1月1日"],
      ["place", "地".repeat(101), "具体地点最多100个字"],
      ["peopleMet", "人".repeat(501), "走访对象最多500个字"],
    ];
    for (const [field, bad, message] of cases) {
      const control = f[field];
      const good = await control.inputValue();
      await control.fill(bad);
      await f.submit.click();
      await expect(page.getByRole("alert").first()).toContainText("请查看标出的地方");
      await expect(control).toHaveAccessibleDescription(new RegExp(message));
      await expect(control).toHaveAttribute("aria-invalid", "true");
      // Only this field is marked, and every other field still holds what was typed.
      await expect(page.locator("[aria-invalid=true]")).toHaveCount(1);
      await expect(control).toHaveValue(bad);
      for (const other of ["title", "observation", "suggestion", "place", "peopleMet"] as const) {
        if (other !== field) await expect(f[other]).not.toHaveValue("");
      }
      await expect(page.getByLabel("民生服务堵点")).toBeChecked();
      await expect(f.town.locator("option:checked")).toHaveText(valid.town);
      await control.fill(good);
    }

    // A text file named .jpg is refused by its content; the note's text is untouched.
    await f.photos.setInputFiles([fakeJpeg]);
    await expect(page.getByText("上传失败：文件不是有效的图片")).toBeVisible();
    await expect(f.title).toHaveValue(title);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "移除" }).click();

    await f.submit.click();
    await expect(page).toHaveURL(/\/member\/notes\/\d+\?submitted=1$/);
    await page.goto(`/member/notes?status=submitted`);
    await expect(page.getByRole("link", { name: title })).toHaveCount(1);
  });
});

test.describe("large photos", () => {
  test("a photo of 12 MB is taken (up to 15 MB each), and one over 15 MB is refused", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    // Gaussian noise does not compress: the PNG is as large as its pixels.
    const large = await sharp({
      create: {
        width: 2400,
        height: 1700,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma: 60 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(large.byteLength).toBeGreaterThan(12_000_000);
    expect(large.byteLength).toBeLessThan(15 * 1024 * 1024);
    const tooLarge = Buffer.concat([large, Buffer.alloc(4 * 1024 * 1024)]);

    await signInAs(page, "member1", { next: "/member/notes/new" });
    await form(page).title.fill(`大照片 ${tag()}`);
    await form(page).photos.setInputFiles([
      { name: "大照片.png", mimeType: "image/png", buffer: large },
      { name: "超大照片.png", mimeType: "image/png", buffer: tooLarge },
    ]);
    await expect(page.getByText("上传失败：每张照片不能超过15MB")).toBeVisible();
    await expect(page.getByRole("img", { name: "现场照片 1" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("已有 1/9 张")).toBeVisible();
  });
});

test.describe("field notes without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form keeps what was typed on errors, and a doubled submit makes one note", async ({
    page,
    baseURL,
    browser,
  }) => {
    const title = `集贸市场排水不畅 ${tag()}`;
    await signInAs(page, "member2", { next: "/member/notes/new" });
    await expectNoAxeViolationsWithoutScripts(browser, page);
    await fillValid(page, "短");
    await form(page).photos.setInputFiles([...(await photoFiles()), fakeJpeg]);
    await form(page).submit.click();

    await expect(page.getByRole("alert")).toContainText("请查看标出的地方");
    await expect(form(page).title).toHaveAccessibleDescription(/标题至少4个字/);
    await expect(form(page).photos).toHaveAccessibleDescription(/文件不是有效的图片/);
    await expect(form(page).title).toHaveValue("短");
    await expect(form(page).observation).toHaveValue(valid.observation);
    await expect(form(page).suggestion).toHaveValue(valid.suggestion);
    await expect(form(page).place).toHaveValue(valid.place);
    await expect(page.getByLabel("民生服务堵点")).toBeChecked();
    await expectNoAxeViolationsWithoutScripts(browser, page);

    // Corrected, with two real photos: the same form posted twice is one note. The second
    // post is the browser's form again, field for field, photos included, sent by hand.
    await form(page).title.fill(title);
    const photos = await photoFiles();
    await form(page).photos.setInputFiles(photos);
    const again = await formDataOf(page);
    for (const photo of photos) {
      again.append(
        "photos",
        new Blob([new Uint8Array(photo.buffer)], { type: photo.mimeType }),
        photo.name,
      );
    }
    again.append("intent", "submit");
    await form(page).submit.click();
    await expect(page).toHaveURL(/\/member\/notes\/\d+\?submitted=1$/);
    const notePath = new URL(page.url()).pathname;
    await expect(page.getByRole("region", { name: "现场照片" }).getByRole("img")).toHaveCount(2);
    await expectNoAxeViolationsWithoutScripts(browser, page);

    const response = await page.request.post("/member/notes/new", {
      headers: { origin: baseURL ?? "" },
      multipart: again,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(new URL(response.headers().location ?? "", baseURL).pathname).toBe(notePath);

    await page.goto("/member/notes");
    await expect(page.getByRole("link", { name: title })).toHaveCount(1);
    await page.goto(notePath);
    const timeline = page.getByRole("region", { name: "办理进程" });
    await expect(timeline.getByRole("listitem").filter({ hasText: "提交记录" })).toHaveCount(1);
  });

  test("a draft is saved with the plain form and opened again", async ({ page, browser }) => {
    const title = `老旧小区停车难 ${tag()}`;
    await signInAs(page, "member2", { next: "/member/notes/new" });
    await form(page).title.fill(title);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page).toHaveURL(/\/member\/notes\/\d+\/edit\?saved=1$/);
    await expect(page.getByRole("status")).toHaveText("草稿已保存。");
    await expect(form(page).title).toHaveValue(title);
    await page.goto("/member/notes?status=draft");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await expectNoAxeViolationsWithoutScripts(browser, page);
  });
});

test.describe("one member's notes are theirs alone", () => {
  test("another member gets 404 for someone else's note and photo; stored photos carry no GPS", async ({
    browser,
    page,
    request,
  }) => {
    await signInAs(page, "member1", { next: "/member/notes/new" });
    await form(page).title.fill(`仅本人可见的记录 ${tag()}`);
    await form(page).photos.setInputFiles([(await photoFiles())[0] ?? fakeJpeg]);
    const photo = page.getByRole("img", { name: "现场照片 1" });
    await expect(photo).toBeVisible();
    const photoPath = (await photo.getAttribute("src")) ?? "";
    expect(photoPath).toMatch(/^\/member\/photos\/\d+$/);
    await expect(page).toHaveURL(/\/member\/notes\/\d+\/edit$/);
    const notePath = new URL(page.url()).pathname.replace(/\/edit$/, "");

    const own = await page.request.get(photoPath);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-type"]).toBe("image/jpeg");
    // The photo's own headers, not the pages': inert if opened, never named to other sites.
    expect(own.headers()["content-security-policy"]).toMatch(/^default-src 'none';.*\bsandbox/);
    expect(own.headers()["referrer-policy"]).toBe("no-referrer");
    const tags = ExifReader.load(await own.body(), { expanded: true });
    expect(tags.gps).toBeUndefined();
    expect(tags.exif).toBeUndefined();

    const other = await newMemberPage(browser, "member2");
    for (const path of [notePath, `${notePath}/edit`]) {
      const response = await other.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await expectNoAxeViolations(other);
    expect((await other.request.get(photoPath)).status()).toBe(404);
    await other.goto("/member/notes");
    await expect(other.getByRole("link", { name: /仅本人可见的记录/ })).toHaveCount(0);
    await other.context().close();

    // Nobody signed in: the photo is not there either.
    expect((await request.get(photoPath)).status()).toBe(404);
  });
});
