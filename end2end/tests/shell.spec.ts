import { expect, test, type Page } from "@playwright/test";
import { hydrated, open, watchErrors } from "./helpers";

test("the home page renders, hydrates without CSP or script errors", async ({ page }, info) => {
  const errors = watchErrors(page);
  const response = await open(page, "/", info);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("in one place");
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();
  await expect(page.locator("footer")).toContainText("Agent Mitra");
  expect(errors).toEqual([]);
});

test("navigation leads to the status page with live database health", async ({ page }, info) => {
  await open(page, "/", info);
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "System status" }).click();
  await expect(page).toHaveURL(/\/status$/);
  const database = page.getByTestId("database-card");
  await expect(database.locator("[data-status]").first()).toHaveAttribute("data-status", "healthy");
  await expect(database).toContainText("ms");
  await expect(page.getByRole("progressbar", { name: "Memory" })).toBeVisible();
});

test("the status page refreshes in place once hydrated", async ({ page }, info) => {
  // In-place refresh is a hydrated-only enhancement; without JavaScript the
  // "Refresh" link reloads /status, which the status-page test already covers.
  test.skip(!hydrated(info), "refresh without JS is a page reload");
  await page.clock.install();
  await open(page, "/status", info);
  const chart = page.getByTestId("database-card").locator("svg[data-points]");
  const before = Number(await chart.getAttribute("data-points"));
  const refreshed = page.waitForResponse(
    (r) => r.url().endsWith("/status") && r.request().resourceType() === "xhr" && r.status() === 200,
  );
  await page.clock.fastForward(15_000);
  await refreshed;
  // The server keeps the probe history, so the swapped-in chart has one more point.
  await expect(chart).toHaveAttribute("data-points", String(Math.min(before + 1, 20)));
  await expect(chart.locator("polyline")).toHaveAttribute("points", /\d+\.\d,\d+\.\d \d/);
  await expect(page).toHaveURL(/\/status$/);
});

test("unknown pages show the 404 page with a 404 status", async ({ page }, info) => {
  const response = await open(page, "/no/such/page", info);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

/// Requests for our Devanagari font; a Hindi page needs it, an English one must not.
function fontRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/fonts/noto-sans-devanagari")) seen.push(r.url());
  });
  return seen;
}

test("switching to Hindi works with a plain link and sticks", async ({ page }, info) => {
  const fonts = fontRequests(page);
  await open(page, "/status", info);
  expect(fonts, "an English page loads no Devanagari font").toHaveLength(0);
  await page.getByRole("link", { name: "हिन्दी" }).click();
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("सिस्टम स्थिति");
  await expect.poll(() => fonts.length, { message: "a Hindi page loads the Devanagari font" }).toBeGreaterThan(0);
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("on a phone the menu opens without JavaScript and is keyboard reachable", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, "/", info);
  const menu = page.locator("details.mobile-menu");
  await menu.locator("summary").focus();
  await page.keyboard.press("Enter");
  await menu.getByRole("link", { name: "System status" }).click();
  await expect(page).toHaveURL(/\/status$/);
});

test("the skip link moves keyboard users to the content", async ({ page }, info) => {
  await open(page, "/", info);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
});
