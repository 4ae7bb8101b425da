// The first wave as a new user finds it on a phone (issue 10). Each check here
// failed before its fix. They run at 390 px (and 360 px for the width check),
// hydrated and with JavaScript off.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { hydrated, open, settled, signIn } from "./helpers";
import { outboxCode, restoreDemoPassword } from "./db";

const PHONE = { width: 390, height: 844 };
const AGENT = { id: "9876543210", password: "password123" };
const SUPER_ADMIN = { id: "9876543200", password: "testpassword" };
const CUSTOMER = { id: "9876543211", password: "password123" };

test.use({ viewport: PHONE });

const menu = (page: Page) => page.locator("details.mobile-menu");

test("a phone user signs out from the menu, and from This device", async ({ page }, info) => {
  await signIn(page, info, AGENT);
  await menu(page).locator("summary").click();
  await expect(menu(page).getByTestId("menu-signed-in-as")).toHaveText("Test Agent");
  await menu(page).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("summary", { hasText: "Menu" })).toBeVisible();
  await expect(page.getByTestId("menu-signed-in-as")).toHaveCount(0);

  await signIn(page, info, AGENT);
  await open(page, "/me/security", info);
  const mine = page.getByTestId("session-list").locator("li").filter({ hasText: "This device" });
  await mine.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await open(page, "/me", info);
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("the menu is closed again after a page change", async ({ page }, info) => {
  await open(page, "/", info);
  await menu(page).locator("summary").click();
  await expect(menu(page)).toHaveAttribute("open", "");
  await menu(page).getByRole("link", { name: "System status" }).click();
  await expect(page).toHaveURL(/\/status$/);
  await expect(menu(page)).not.toHaveAttribute("open", "");
});

test("the landing page has a Sign in button", async ({ page }, info) => {
  await open(page, "/", info);
  await page.getByTestId("home-sign-in").click();
  await expect(page).toHaveURL(/\/login$/);
});

test("each role lands on its own page", async ({ page }, info) => {
  // Every seeded role (SPEC §7.2, password `testpassword`) and the demo agent.
  const landings: [string, string, RegExp][] = [
    ["super admin", "9876543200", /\/admin$/],
    ["insurance provider admin", "9876543201", /\/admin$/],
    ["regional manager", "9876543202", /\/admin$/],
    ["senior agent (AGTSR001)", "9876543203", /\/agent$/],
    ["junior agent", "9876543204", /\/agent$/],
    ["policyholder", "9876543205", /\/my$/],
    ["support staff", "9876543206", /\/admin$/],
    ["compliance officer", "9876543207", /\/admin$/],
    ["customer support lead", "9876543208", /\/admin$/],
    ["guest", "9876543209", /\/my$/],
  ];
  restoreDemoPassword(...landings.map(([, id]) => id));
  for (const [role, id, where] of landings) {
    await page.context().clearCookies();
    await signIn(page, info, { id, password: "testpassword" });
    await expect(page, role).toHaveURL(where);
  }
  await page.context().clearCookies();
  await signIn(page, info, AGENT);
  await expect(page).toHaveURL(/\/agent$/);
});

test("a new SMS customer lands on a page for them, not on their phone number", async ({ page }, info) => {
  const phone = hydrated(info) ? "9812345601" : "9812345602";
  await open(page, "/login?method=otp", info);
  await page.getByLabel("Mobile number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page).toHaveURL(/\/login\/otp/);
  await settled(page, info);
  await page.getByLabel("6-digit code").fill(outboxCode(phone));
  if (!hydrated(info)) await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByTestId("greeting")).toHaveText("Welcome!");
  await expect(page.getByTestId("my-agent")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(`+91${phone}`);
  await expect(page.getByRole("link", { name: "Add your name" })).toBeVisible();
});

test("a customer lands on their agent's carousel, one tap from calling them", async ({ page }, info) => {
  await signIn(page, info, CUSTOMER);
  await expect(page).toHaveURL(/\/my$/);
  const agent = page.getByTestId("my-agent");
  await expect(agent.getByTestId("my-agent-name")).toHaveText("Test Agent");
  await expect(agent.getByTestId("carousel")).toBeVisible();
  if (hydrated(info)) {
    // The carousel is live: its arrows move it.
    await agent.getByRole("button", { name: "Next slide" }).click();
    await expect(agent.getByTestId("carousel-position")).toContainText("Slide 2 of");
  }
  const contact = agent.getByTestId("my-agent-contact");
  await expect(contact.getByRole("link", { name: "Call" })).toHaveAttribute("href", "tel:+919876543210");
  await expect(contact.getByRole("link", { name: "WhatsApp" })).toHaveAttribute("href", "https://wa.me/919876543210");
  await expect(contact.getByRole("link", { name: "Email" })).toHaveAttribute("href", "mailto:agent1@test.com");
  const box = await contact.getByRole("link", { name: "Call" }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  await expect(page.getByText("not linked to an agent")).toHaveCount(0);
});

test("a page for another role says so plainly, with a 403", async ({ page }, info) => {
  await signIn(page, info, CUSTOMER);
  await expect(page).toHaveURL(/\/my$/);
  const response = await page.goto("/agent/presentations");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("not-for-you")).toContainText("This page is not for your role");
  await expect(page.locator("body")).not.toContainText("Insufficient permissions");
  await expect(page.getByRole("searchbox")).toHaveCount(0);
  await menu(page).locator("summary").click();
  await expect(menu(page).getByRole("link", { name: "Presentations" })).toHaveCount(0);
});

test("no page is wider than a 360 px phone", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const wide = async (path: string) => {
    await open(page, path, info);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    return width > 360 ? `${path} is ${width}px wide` : null;
  };
  const problems: (string | null)[] = [];
  for (const path of ["/", "/login", "/login?method=otp", "/status", "/a/AGENT001", "/nowhere"]) problems.push(await wide(path));
  await signIn(page, info, AGENT);
  for (const path of [
    "/agent", "/agent/presentations", "/agent/profile", "/me", "/me/security",
    "/agent/customers", "/agent/customers/new", "/agent/customers/e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a10",
    "/policies", "/policies/new", "/policies/f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a01", "/agent/renewals", "/agent/import",
  ]) {
    problems.push(await wide(path));
  }
  await page.context().clearCookies();
  await signIn(page, info, SUPER_ADMIN);
  for (const path of [
    "/admin/users", "/admin/users/new", "/admin/users/550e8400-e29b-41d4-a716-446655440003",
    "/admin", "/admin/agents", "/admin/agents/new", "/admin/agents/b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
    "/admin/providers", "/admin/providers/new", "/admin/providers/01fa8d3a-5509-4f73-abeb-617fd547f16d",
  ]) {
    problems.push(await wide(path));
  }
  await page.context().clearCookies();
  await signIn(page, info, CUSTOMER);
  problems.push(await wide("/my"));
  problems.push(await wide("/my/policies"));
  expect(problems.filter(Boolean)).toEqual([]);
});

test("a very long presentation name wraps instead of widening the page", async ({ page, request }, info) => {
  await signIn(page, info, AGENT);
  await open(page, "/agent/presentations", info);
  await page.getByText("Or start from a template").click();
  const template = page.getByTestId("template").first();
  const name = hydrated(info) ? "W".repeat(255) : "N".repeat(255);
  await template.getByLabel("Your headline").fill(name);
  await template.getByRole("button", { name: "Use this template" }).click();
  await open(page, "/agent/presentations", info);
  const card = page.getByTestId("presentation-card").filter({ hasText: name.slice(0, 40) }).first();
  await expect(card).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
  // Named after the agent's own headline, not the template.
  await expect(card.getByRole("heading")).toContainText(name.slice(0, 40));
});

test("exactly one sign-in tab is current, and it looks it", async ({ page }, info) => {
  for (const [method, label] of [["password", "Password"], ["agent_code", "Agent code"], ["otp", "SMS code"]]) {
    await open(page, `/login?method=${method}`, info);
    const tabs = page.getByRole("navigation", { name: "How to sign in" }).getByRole("link");
    await expect(tabs.locator("[aria-current]")).toHaveCount(0);
    await expect(page.locator(".tab[aria-current=page]")).toHaveCount(1);
    await expect(page.locator(".tab[aria-current=page]")).toHaveText(label);
  }
});

test("sign-in errors sit under their fields, in words people use", async ({ page }, info) => {
  await open(page, "/login", info);
  await page.getByRole("button", { name: "Sign in" }).click();
  await settled(page, info);
  await expect(page.locator('[data-field-error="identifier"]')).toHaveText("Enter your mobile number or email.");
  await expect(page.locator('[data-field-error="password"]')).toHaveText("Password is required");
  await expect(page.locator("body")).not.toContainText("phone_number");

  await page.getByLabel("Mobile number or email").fill("12345");
  await page.getByLabel("Password", { exact: true }).fill("whatever");
  await page.getByRole("button", { name: "Sign in" }).click();
  await settled(page, info);
  await expect(page.getByRole("alert")).toHaveText("Please fix the highlighted fields.");
  await expect(page.getByLabel("Mobile number or email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator('[data-field-error="identifier"]')).toHaveText("Please enter a valid 10-digit phone number");
});

test("a failed sign-in keeps what was typed and a clean URL", async ({ page }, info) => {
  await open(page, "/login?next=%2Fagent", info);
  await page.getByLabel("Mobile number or email").fill("9876543210");
  await page.getByLabel("Password", { exact: true }).fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await settled(page, info);
  await expect(page.getByRole("alert")).toHaveText("Invalid credentials");
  await expect(page.getByLabel("Mobile number or email")).toHaveValue("9876543210");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  expect(page.url()).not.toContain("__err");
  expect(page.url()).not.toContain("__path");
  // A reload shows the clean page: the flash was read once.
  await page.reload();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a wrong code says code, not OTP", async ({ page }, info) => {
  const phone = hydrated(info) ? "9812345603" : "9812345604";
  await open(page, "/login?method=otp", info);
  await page.getByLabel("Mobile number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await settled(page, info);
  const wrong = outboxCode(phone) === "000000" ? "111111" : "000000";
  await page.getByLabel("6-digit code").fill(wrong);
  if (!hydrated(info)) await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That code is wrong or has expired.");
  await expect(page.locator("main")).not.toContainText("OTP");
});

test("without JavaScript, what cannot work is hidden", async ({ page }, info) => {
  test.skip(hydrated(info), "the no-JS half of this check");
  await open(page, "/a/AGENT001", info);
  await expect(page.getByTestId("carousel")).toBeVisible();
  await expect(page.getByTestId("carousel-rotation")).toBeHidden();
  await expect(page.getByRole("button", { name: "Next slide" })).toBeHidden();
  await signIn(page, info, AGENT);
  await open(page, "/agent/presentations", info);
  await page.getByTestId("presentation-card").first().getByRole("link", { name: "Edit" }).click();
  await expect(page.getByText("The editor needs JavaScript")).toBeVisible();
  await expect(page.getByTestId("editor-toolbar")).toBeHidden();
  await expect(page.getByLabel("Name", { exact: true })).toBeHidden();
});

test("delete asks first, with or without JavaScript", async ({ page }, info) => {
  await signIn(page, info, AGENT);
  await open(page, "/agent/presentations", info);
  await page.getByText("Or start from a template").click();
  const marker = `Throwaway ${info.project.name} ${Date.now()}`;
  const template = page.getByTestId("template").first();
  await template.getByLabel("Your headline").fill(marker);
  await template.getByRole("button", { name: "Use this template" }).click();
  await open(page, "/agent/presentations", info);
  const card = page.getByTestId("presentation-card").filter({ hasText: marker });
  await card.locator("summary", { hasText: "Delete" }).click();
  await expect(card.getByText("Delete this draft for good?")).toBeVisible();
  await card.getByRole("button", { name: "Yes, delete" }).click();
  await settled(page, info);
  await expect(page.getByTestId("presentation-card").filter({ hasText: marker })).toHaveCount(0);
});

test("the editor's bar is one short row, and a new slide brings no live text", async ({ page }, info) => {
  test.skip(!hydrated(info), "the editor needs the WASM");
  await signIn(page, info, AGENT);
  await open(page, "/agent/presentations", info);
  await page.getByTestId("presentation-card").first().getByRole("link", { name: "Edit" }).click();
  await settled(page, info);
  const bar = await page.getByTestId("editor-toolbar").boundingBox();
  expect(bar?.height ?? 999).toBeLessThanOrEqual(80);
  await page.getByTestId("add-slide").click();
  const subtitle = page.getByLabel("Subtitle", { exact: true });
  await expect(subtitle).toHaveValue("");
  await expect(subtitle).toHaveAttribute("placeholder", "Slide content");
});

test("counts read naturally: 1 slide", async ({ page }, info) => {
  await signIn(page, info, AGENT);
  await open(page, "/agent/presentations", info);
  await expect(page.locator("main")).not.toContainText(/\b1 slides\b/);
});

test("saving a profile says Saved", async ({ page }, info) => {
  await signIn(page, info, AGENT);
  await open(page, "/me", info);
  await page.getByLabel("Display name").fill("Test Agent");
  await page.getByRole("button", { name: "Save" }).first().click();
  await settled(page, info);
  await expect(page.getByTestId("saved").first()).toHaveText("Saved.");
});

test("roles and statuses have readable names, in Hindi too", async ({ page }, info) => {
  await signIn(page, info, SUPER_ADMIN);
  await open(page, "/admin/users?role=junior_agent", info);
  await expect(page.locator("main")).toContainText("Junior agent");
  await expect(page.locator("main")).not.toContainText("junior_agent");
  await open(page, "/lang/hi?next=/admin/users", info);
  await expect(page.locator("main")).toContainText("जूनियर एजेंट");
  await expect(page.locator("main")).toContainText("नए पहले");
});

test("the editor speaks Hindi in its layout chips", async ({ page }, info) => {
  test.skip(!hydrated(info), "the editor needs the WASM");
  await signIn(page, info, AGENT);
  await open(page, "/lang/hi?next=/agent/presentations", info);
  await page.getByTestId("presentation-card").first().getByRole("link").first().click();
  await settled(page, info);
  await expect(page.locator("label.chip", { hasText: "बीच में" })).toBeVisible();
  await expect(page.locator("label.chip", { hasText: "CENTERED" })).toHaveCount(0);
  // The slide list's details too: "टेक्स्ट • बीच में • 5 s", not "text • centered".
  await expect(page.getByTestId("slide-list")).not.toContainText("centered");
});

test("the carousel's position reads the right way round in Hindi", async ({ page }, info) => {
  await open(page, "/lang/hi?next=/a/AGENT001", info);
  await expect(page.getByTestId("carousel-position")).toHaveText(/^\d+ में से स्लाइड 1$/);
});

test("touch targets are at least 48 px tall", async ({ page }, info) => {
  const tall = async (locator: ReturnType<Page["locator"]>, what: string) => {
    const box = await locator.first().boundingBox();
    expect(box?.height ?? 0, what).toBeGreaterThanOrEqual(48);
  };
  await open(page, "/", info);
  await tall(page.locator("footer a", { hasText: "API docs" }), "footer link");
  await tall(page.locator("footer a[hreflang=hi]"), "language link");
  await signIn(page, info, AGENT);
  await open(page, "/agent", info);
  await tall(page.getByRole("link", { name: "Edit carousel" }), "Edit carousel");
  await open(page, "/me", info);
  await tall(page.locator("label", { has: page.locator('input[type="checkbox"]') }), "checkbox label");
  const box = await page.locator('input[type="checkbox"]').first().boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(24);
});

test("an unknown agent page is a 404, and there is a favicon", async ({ page, request }, info) => {
  const response = await open(page, "/a/NOSUCHAGENT", info);
  expect(response?.status()).toBe(404);
  const icon = await page.locator("link[rel=icon]").getAttribute("href");
  expect(icon).toBeTruthy();
  expect((await request.get(icon!)).status()).toBe(200);
});
