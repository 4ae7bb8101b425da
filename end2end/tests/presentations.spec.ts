import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { resolve } from "node:path";
import { hydrated, open, signIn } from "./helpers";

// The demo agent AGENT001 (SPEC §7.3) and the senior role agent AGTSR001.
const DEMO_AGENT = { id: "9876543210", password: "password123" };
const SENIOR_AGENT = { id: "9876543203", password: "testpassword" };

const carousel = (page: Page) => page.getByTestId("carousel");
const rows = (page: Page) => page.getByTestId("slide-row");

test("an agent lands on a working carousel after signing in", async ({ page }, info) => {
  // The no-JS run signs in as another agent: the hydrated run republishes AGENT001's deck.
  const who = hydrated(info) ? DEMO_AGENT : SENIOR_AGENT;
  await signIn(page, info, who);
  await expect(page).toHaveURL(/\/agent$/);
  await expect(carousel(page)).toBeVisible();
  const first = carousel(page).locator('[aria-roledescription="slide"]').first();
  await expect(first).toHaveAttribute("aria-label", /^1 of/);
  await expect(first).toContainText(hydrated(info) ? "Welcome" : "Welcome to Senior's Insurance Services");
  // The frame has its final height before any image arrives: nothing shifts.
  const box = await carousel(page).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(220);
  if (hydrated(info)) {
    await expect(carousel(page).getByTestId("carousel-dot")).toHaveCount(3);
    await expect(first.locator("img")).toHaveAttribute("srcset", /welcome-480\.jpg 480w/);
  }
});

test("the public shop window shows an agent's carousel to anyone", async ({ page }, info) => {
  await open(page, "/a/AGTSR001", info);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Senior Agent");
  await expect(carousel(page)).toContainText("Welcome to Senior's Insurance Services");
});

test("the carousel rotates, pauses on focus and answers arrow keys", async ({ page }, info) => {
  test.skip(!hydrated(info), "rotation and keys need JavaScript; without it the first slide stays");
  await signIn(page, info, DEMO_AGENT);
  await expect(carousel(page)).toHaveAttribute("data-playing", "true");
  const rotation = page.getByTestId("carousel-rotation");
  await expect(rotation).toHaveAccessibleName("Stop automatic slide show");
  // The rotation control is the first thing in the carousel's tab order.
  await rotation.focus();
  await expect(carousel(page)).toHaveAttribute("data-playing", "false");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("carousel-position")).toHaveText("Slide 2 of 3");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("carousel-position")).toHaveText("Slide 3 of 3");
  await page.getByRole("button", { name: "Slide 1: Welcome" }).click();
  await expect(page.getByTestId("carousel-position")).toHaveText("Slide 1 of 3");
  // Leaving it (no hover, no focus) resumes rotation.
  await page.locator("h1").click();
  await page.mouse.move(1, 1);
  await expect(carousel(page)).toHaveAttribute("data-playing", "true");
});

test("with reduced motion the carousel starts paused", async ({ page }, info) => {
  test.skip(!hydrated(info), "motion preferences are read by the hydrated page");
  await page.emulateMedia({ reducedMotion: "reduce" });
  await signIn(page, info, DEMO_AGENT);
  await expect(carousel(page)).toHaveAttribute("data-playing", "false");
  await expect(page.getByTestId("carousel-rotation")).toHaveAccessibleName("Start automatic slide show");
});

test("an agent builds a carousel from a template, uploads, reorders and publishes it", async ({ page }, info) => {
  test.skip(!hydrated(info), "the editor is an interactive app; its no-JS fallback is the library page");
  page.on("dialog", (dialog) => dialog.accept());
  await signIn(page, info, DEMO_AGENT);
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Presentations" }).click();
  await expect(page).toHaveURL(/\/agent\/presentations$/);

  // From a template, with the agent's own headline.
  await page.getByText("Or start from a template").click();
  const template = page.getByTestId("template").filter({ hasText: "Term Insurance Promotional" });
  await template.getByLabel("Your headline").fill("Secure your family");
  await template.getByRole("button", { name: "Use this template" }).click();
  await expect(page).toHaveURL(/\/agent\/presentations\/[0-9a-f-]{36}$/);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Secure your family");
  await page.getByLabel("Name", { exact: true }).fill("Family first");

  // A text slide of its own.
  await page.getByTestId("add-slide").click();
  await expect(rows(page)).toHaveCount(4);
  await page.getByLabel("Title", { exact: true }).fill("Call me today");
  await expect(rows(page).nth(3)).toContainText("Call me today");
  // The preview is the real carousel, following the slide being edited.
  await expect(page.getByRole("region", { name: "Preview" }).getByTestId("carousel")).toContainText("Call me today");

  // A bad colour is refused next to its field, and nothing is saved.
  await page.getByLabel("Text colour", { exact: true }).fill("red");
  await expect(page.locator('[data-field="text_color"]')).toContainText("Use a colour like");
  await expect(page.getByLabel("Text colour", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByTestId("save").click();
  await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes");
  // The refusal is no toast over the fields: a line above them, and the focus on
  // the field; it goes as soon as the field is fixed.
  await expect(page.getByTestId("fix-fields")).toHaveText("Please fix the highlighted fields.");
  await expect(page.locator(".toast", { hasText: "highlighted" })).toHaveCount(0);
  await expect(page.getByLabel("Text colour", { exact: true })).toBeFocused();
  await page.getByLabel("Text colour", { exact: true }).fill("#FFFFFF");
  await expect(page.locator('[data-field="text_color"]')).toHaveText("");
  await expect(page.getByTestId("fix-fields")).toHaveCount(0);

  // An image upload with a real progress bar (held open so the bar can be seen).
  await rows(page).nth(1).getByTestId("select-slide").click();
  await page.route("**/api/v1/presentations/media/upload", async (route) => {
    await new Promise((r) => setTimeout(r, 1200));
    await route.continue();
  });
  await page.getByTestId("upload-input").setInputFiles(resolve(__dirname, "../../public/media/demo/health.jpg"));
  await expect(page.getByTestId("upload-progress").locator("progress")).toBeVisible();
  await expect(page.getByText("Uploaded")).toBeVisible();
  await expect(page.getByTestId("media-preview")).toHaveAttribute("src", /\/media\/presentations\//);

  // Reorder by keyboard: the new slide moves up one place, and focus follows it.
  await page.getByRole("button", { name: "Move slide 4 up" }).focus();
  await page.keyboard.press("Enter");
  await expect(rows(page).nth(2)).toContainText("Call me today");
  await expect(page.getByTestId("announce")).toContainText("Slide moved");
  await expect(page.getByRole("button", { name: "Move slide 3 up" })).toBeFocused();

  // Reorder by dragging with a mouse: the first slide goes to the end.
  const handle = rows(page).nth(0).getByTestId("drag-handle");
  const last = await rows(page).nth(3).boundingBox();
  const from = await handle.boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(from!.x + from!.width / 2, last!.y + last!.height - 4, { steps: 8 });
  await page.mouse.up();
  await expect(rows(page).nth(3)).toContainText("Secure your family");

  // … and with a finger (touch pointer events): the last slide back to the top.
  const touchHandle = rows(page).nth(3).getByTestId("drag-handle");
  const hb = await touchHandle.boundingBox();
  const top = await rows(page).nth(0).boundingBox();
  const at = (y: number) => ({ pointerId: 7, pointerType: "touch", isPrimary: true, clientX: hb!.x + 5, clientY: y, bubbles: true });
  await touchHandle.dispatchEvent("pointerdown", at(hb!.y + 5));
  await touchHandle.dispatchEvent("pointermove", at(top!.y + 2));
  await touchHandle.dispatchEvent("pointerup", at(top!.y + 2));
  await expect(rows(page).nth(0)).toContainText("Secure your family");

  await page.getByTestId("save").click();
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");

  // Publish: it becomes the home-page carousel.
  await page.getByTestId("publish").click();
  await expect(page.getByText("Published. It is now your home-screen carousel.")).toBeVisible();
  await open(page, "/agent", info);
  await expect(page.getByText("On your home page:")).toContainText("Family first");
  await expect(carousel(page)).toContainText("Secure your family");
  await expect(carousel(page).getByTestId("carousel-dot")).toHaveCount(4);
});

test("two tabs editing one presentation: the stale save is refused, not lost silently", async ({ browser }, info) => {
  test.skip(!hydrated(info), "the editor needs JavaScript");
  const context = await browser.newContext();
  const a = await context.newPage();
  await signIn(a, info, SENIOR_AGENT);
  await open(a, "/agent/presentations", info);
  await a.getByTestId("presentation-card").filter({ hasText: "Welcome Presentation - Senior Agent" }).getByRole("link", { name: "Edit" }).click();
  await expect(a.locator("body")).toHaveAttribute("data-hydrated", "true");
  const b = await context.newPage();
  await open(b, a.url(), info);

  await a.getByLabel("Name", { exact: true }).fill("Edited in tab A");
  await a.getByTestId("save").click();
  await expect(a.getByTestId("save-state")).toHaveText("All changes saved");

  await b.getByLabel("Name", { exact: true }).fill("Edited in tab B");
  await b.getByTestId("save").click();
  await expect(b.getByTestId("conflict")).toContainText("changed in another window");
  await expect(b.getByTestId("save-state")).toHaveText("Unsaved changes");
  await b.getByRole("button", { name: "Load the latest version" }).click();
  await expect(b.getByLabel("Name", { exact: true })).toHaveValue("Edited in tab A");
  await context.close();
});

test("the library works without JavaScript: template, duplicate, set active", async ({ page, request }, info) => {
  const who = hydrated(info) ? DEMO_AGENT : SENIOR_AGENT;
  const agentId = hydrated(info) ? "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11" : "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03";
  // A published deck that is not the active one, made through the mobile API.
  const login = await request.post("/api/v1/auth/login", {
    data: { phone_number: `+91${who.id}`, password: who.password },
  });
  expect(login.ok()).toBeTruthy();
  const token = (await login.json()).access_token;
  const deckName = `Monsoon offers (${info.project.name})`;
  const made = await request.post(`/api/v1/presentations/agent/${agentId}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: deckName, status: "published", slides: [{ slide_type: "text", title: "Monsoon cover" }] },
  });
  expect(made.status()).toBe(201);

  await signIn(page, info, who);
  await open(page, "/agent/presentations", info);
  await page.getByText("Or start from a template").click();
  const template = page.getByTestId("template").filter({ hasText: "Retirement Ready" });
  await template.getByLabel("Your headline").fill("Retire with confidence");
  await template.getByRole("button", { name: "Use this template" }).click();
  await expect(page).toHaveURL(/\/agent\/presentations\/[0-9a-f-]{36}/);
  if (hydrated(info)) {
    await expect(page.getByRole("heading", { name: "Edit Presentation" })).toBeVisible();
  } else {
    await expect(page.getByText("The editor needs JavaScript")).toBeVisible();
  }

  // Named after the agent's headline, not the template.
  await open(page, "/agent/presentations", info);
  const card = page.getByTestId("presentation-card").filter({ hasText: "Retire with confidence" }).first();
  await expect(card).toContainText("Draft");
  await card.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByTestId("presentation-card").filter({ hasText: "Copy of Retire with confidence" }).first()).toBeVisible();

  const monsoon = page.getByTestId("presentation-card").filter({ hasText: deckName });
  await expect(monsoon.getByTestId("active-badge")).toHaveCount(0);
  await monsoon.getByRole("button", { name: "Set active" }).click();
  await expect(page.getByTestId("presentation-card").filter({ hasText: deckName }).getByTestId("active-badge")).toBeVisible();
  await open(page, "/agent", info);
  await expect(carousel(page)).toContainText("Monsoon cover");
});

test("the editor comes alive on a deck that opens on an image slide", async ({ page }, info) => {
  test.skip(!hydrated(info), "the editor needs JavaScript");
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await signIn(page, info, DEMO_AGENT);
  // The seeded "Daily Promotional" deck: its first slide is an image, so the media
  // picker is open at once (its server HTML once broke hydration).
  await open(page, "/agent/presentations/d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", info);
  await expect(page.getByText("Your media library")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Daily Promotional (edited)");
  await expect(page.getByText("Unsaved changes").or(page.getByText("Saving…")).or(page.getByText("All changes saved")).first()).toBeVisible();
  expect(errors).toEqual([]);
});
