import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { hydrated, open, signIn } from "./helpers";
import { outboxCode, restoreDemoPassword } from "./db";

test("password sign-in with a phone number, then sign out", async ({ page }, info) => {
  await signIn(page, info, { id: "9876543204", password: "testpassword" });
  await expect(page.getByTestId("signed-in-as")).toHaveText("Junior Agent");
  await expect(page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Security" })).toBeVisible();
  await page.locator("header").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("agent code sign-in is case-insensitive", async ({ page }, info) => {
  await open(page, "/login?method=agent_code", info);
  await page.getByLabel("Agent code").fill("agent001");
  await page.getByLabel("Password", { exact: true }).fill("password123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Test Agent");
});

test("errors appear next to the field and as one alert", async ({ page }, info) => {
  await open(page, "/login", info);
  await page.getByLabel("Mobile number or email").fill("12345");
  await page.getByLabel("Password", { exact: true }).fill("whatever");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator('[data-field-error="identifier"]')).toHaveText("Please enter a valid 10-digit phone number");
  await expect(page.getByLabel("Mobile number or email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert")).toBeVisible();

  await page.getByLabel("Mobile number or email").fill("9876543204");
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Invalid credentials");
});

test("OTP sign-in: six boxes, one-time-code autofill, resend countdown", async ({ page }, info) => {
  // One phone per project: the 30 s resend cooldown is per phone.
  const phone = hydrated(info) ? "9876543212" : "9876543213";
  await open(page, "/login?method=otp", info);
  await page.getByLabel("Mobile number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page).toHaveURL(new RegExp(`/login/otp\\?phone=${phone}`));
  const box = page.getByLabel("6-digit code");
  await expect(box).toHaveAttribute("autocomplete", "one-time-code");
  const resend = page.getByRole("button", { name: "Resend" });
  if (hydrated(info)) {
    // The cooldown counts down, and Resend waits for it.
    await expect(page.getByTestId("resend-countdown")).toContainText("Resend code in");
    await expect(resend).toBeDisabled();
  } else {
    await expect(resend).toBeEnabled(); // nothing could count down; the server refuses early resends
  }
  const code = outboxCode(phone);
  let verifies = 0;
  page.on("request", (r) => {
    if (r.url().includes("/api/ui/auth/otp/verify")) verifies += 1;
  });
  await box.fill(code); // hydrated: submits itself at the sixth digit
  // Enter submits the form again (the button, without JS): the code is sent once only.
  await box.press("Enter", { timeout: 2_000 }).catch(() => {});
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  expect(verifies).toBe(1);
});

test("a wrong OTP is refused with a clear message", async ({ page }, info) => {
  const phone = hydrated(info) ? "9876543214" : "9876543215";
  await open(page, "/login?method=otp", info);
  await page.getByLabel("Mobile number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page).toHaveURL(/\/login\/otp/);
  const wrong = outboxCode(phone) === "000000" ? "111111" : "000000";
  await page.getByLabel("6-digit code").fill(wrong);
  if (!hydrated(info)) await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That code is wrong or has expired.");
  // The wrong code does not stay in the boxes.
  await expect(page.getByLabel("6-digit code")).toHaveValue("");
});

test("signing out another session from the Security page", async ({ browser }, info) => {
  const js = hydrated(info);
  const phone = await browser.newContext({ javaScriptEnabled: js });
  const laptop = await browser.newContext({ javaScriptEnabled: js });
  const p1 = await phone.newPage();
  const p2 = await laptop.newPage();
  await signIn(p1, info, { id: "9876543203", password: "testpassword" });
  await expect(p1.getByTestId("signed-in-as")).toBeVisible();
  await signIn(p2, info, { id: "9876543203", password: "testpassword" });
  await expect(p2.getByTestId("signed-in-as")).toBeVisible();

  await open(p2, "/me/security", info);
  const others = p2.getByTestId("session-list").locator("li").filter({ hasNot: p2.getByText("This device") });
  const before = await others.count();
  expect(before).toBeGreaterThanOrEqual(1);
  await p2.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(others).toHaveCount(0);

  await p1.goto("/me/security");
  await expect(p1).toHaveURL(/\/login/);
  await phone.close();
  await laptop.close();
});

test("changing the password signs in with the new one", async ({ page }, info) => {
  const user = hydrated(info) ? "9876543206" : "9876543207";
  const change = async (from: string, to: string) => {
    await open(page, "/me/security", info);
    await page.getByLabel("Current password").fill(from);
    await page.getByLabel("New password", { exact: true }).fill(to);
    await page.getByLabel("Confirm new password").fill(to);
    await page.getByRole("button", { name: "Change password" }).click();
  };
  await signIn(page, info, { id: user, password: "testpassword" });
  await expect(page.getByTestId("signed-in-as")).toBeVisible();

  await change("testpassword", "password123");
  await expect(page.locator('[data-field-error="new_password"]')).toContainText("too common");

  await change("testpassword", "a-brand-new-secret");
  await expect(page.getByText("Password changed.")).toBeVisible();
  await page.locator("header").getByRole("button", { name: "Sign out" }).click();
  await signIn(page, info, { id: user, password: "a-brand-new-secret" });
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  restoreDemoPassword(user); // leave the demo data as it was found
});

test("a Hindi page gets its field errors in Hindi", async ({ page, context }, info) => {
  await context.addCookies([{ name: "am_lang", value: "hi", url: info.project.use.baseURL ?? "http://127.0.0.1:8012" }]);
  await open(page, "/login", info);
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await page.getByLabel("मोबाइल नंबर या ईमेल").fill("12345");
  await page.getByLabel("पासवर्ड", { exact: true }).fill("whatever");
  await page.getByRole("button", { name: "साइन इन करें" }).click();
  await expect(page.locator('[data-field-error="identifier"]')).toHaveText("कृपया 10 अंकों का सही मोबाइल नंबर दर्ज करें");
  await expect(page.getByRole("alert")).toContainText("कृपया चिह्नित फ़ील्ड ठीक करें।");
});
