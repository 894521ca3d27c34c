import { signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";

/**
 * The camera is allowed only on the scanner pages' own documents (server.mjs). Reaching
 * the member's scanner through the login (its `next`) must still leave it allowed: the
 * login's redirect may be a client-side navigation, which keeps the login document's
 * camera=() policy; the scanner then loads its page once for real.
 */
test("the member's scanner reached through the login may use the camera", async ({ page }) => {
  await signInAs(page, "member1", { next: "/member/checkin/scan" });
  await expect(page).toHaveURL(/\/member\/checkin\/scan$/);
  await expect(page.getByRole("button", { name: "打开摄像头扫码" })).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const doc = document as Document & {
          featurePolicy?: { allowsFeature(feature: string): boolean };
        };
        return doc.featurePolicy?.allowsFeature("camera") ?? "unknown";
      }),
    )
    .toBe(true);
  // How this document came: "reload" when the scanner had to load itself again.
  const how = await page.evaluate(
    () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).type,
  );
  test.info().annotations.push({ type: "scanner document", description: how });
  process.stdout.write(`scanner document: ${how}\n`);
});
