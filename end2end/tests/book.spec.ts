// The agent's book (issue 12), hydrated and with JavaScript off: every step is a
// plain form. An agent adds a customer and writes a policy; they submit it; an
// admin approves and activates it; the agent records a premium. The demo agent
// works the renewal queue. The demo customer sees their policies and their agent.
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { hydrated, open, settled, signIn, type Who } from "./helpers";

const SENIOR_AGENT: Who = { id: "9876543203" }; // AGTSR001: may record premiums
const ADMIN: Who = { id: "9876543201" }; // the provider admin (LIC)
const DEMO_AGENT: Who = { id: "9876543210", password: "password123" }; // AGENT001
const DEMO_CUSTOMER: Who = { id: "9876543211", password: "password123" }; // CUST001

/// A signed-in page of its own (its own cookies), with the project's JavaScript setting.
async function as(browser: Browser, info: TestInfo, who: Who): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: hydrated(info) });
  const page = await context.newPage();
  await signIn(page, info, who);
  return page;
}

async function press(page: Page, info: TestInfo, name: string | RegExp) {
  await page.getByRole("button", { name }).click();
  await settled(page, info);
}

test("an agent adds a customer, writes a policy, gets it approved and records a premium", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const n = Date.now() % 100_000_000;
  const phone = `8${String(n).padStart(9, "0").slice(-9)}`;
  const agent = await as(browser, info, SENIOR_AGENT);

  // 1. Add a customer: a bad phone first says what is wrong, under the field.
  await open(agent, "/agent/customers", info);
  await agent.getByRole("link", { name: "Add customer" }).click();
  await settled(agent, info);
  const form = agent.getByTestId("add-customer");
  await form.getByLabel("Mobile number").fill("12345");
  await form.getByLabel("First name").fill("Sunita");
  await press(agent, info, "Add customer");
  await expect(agent.locator("#phone_number-error")).not.toBeEmpty();
  await expect(agent.getByLabel("First name")).toHaveValue("Sunita");
  await agent.getByLabel("Mobile number").fill(phone);
  await agent.getByLabel("Last name").fill("Kulkarni");
  await agent.getByLabel("Nominee's name").fill("Anil Kulkarni");
  await press(agent, info, "Add customer");
  await expect(agent).toHaveURL(/\/agent\/customers\/[0-9a-f-]{36}$/);
  await expect(agent.getByTestId("customer-name")).toHaveText("Sunita Kulkarni");

  // 2. Write a policy for them.
  await agent.getByRole("link", { name: "New policy" }).click();
  await settled(agent, info);
  const policy = agent.getByTestId("new-policy");
  await policy.getByLabel("Plan name").fill("LIC Jeevan Utsav");
  await policy.getByLabel("Sum assured (₹)").fill("5,00,000");
  await policy.getByLabel("Premium (₹)").fill("0");
  await press(agent, info, "Save as draft");
  await expect(agent.locator("#premium_amount-error")).toContainText("above zero");
  await agent.getByLabel("Premium (₹)").fill("18,500");
  await press(agent, info, "Save as draft");
  await expect(agent).toHaveURL(/\/policies\/[0-9a-f-]{36}$/);
  const url = agent.url();
  await expect(agent.getByText("Draft", { exact: true })).toBeVisible();

  // 3. Submit it; the admin approves and activates it.
  await press(agent, info, "Submit for approval");
  await expect(agent.getByText("Pending approval", { exact: true })).toBeVisible();
  const admin = await as(browser, info, ADMIN);
  await open(admin, url, info);
  await press(admin, info, "Approve");
  await expect(admin.getByText("Approved", { exact: true })).toBeVisible();
  await press(admin, info, "Activate");
  await expect(admin.getByText("Active", { exact: true })).toBeVisible();

  // 4. The agent records the first premium: the history shows it, the due date moves.
  await open(agent, url, info);
  const premium = agent.getByTestId("premium-form");
  await premium.getByLabel("Amount (₹)").fill("18500");
  await premium.getByLabel("Receipt number").fill(`R-${n}`);
  await press(agent, info, "Record premium");
  await expect(agent.getByTestId("premium-history")).toContainText(`R-${n}`);
  await expect(agent.getByTestId("policy-standing")).toContainText("Paid up to");
  // The same receipt again is refused, under its field.
  await agent.getByTestId("premium-form").getByLabel("Amount (₹)").fill("18500");
  await agent.getByTestId("premium-form").getByLabel("Receipt number").fill(`R-${n}`);
  await press(agent, info, "Record premium");
  await expect(agent.locator("#reference-error")).toContainText("already recorded");
});

test("the demo agent works the renewal queue and sees the reminder on the row", async ({ page }, info) => {
  await signIn(page, info, DEMO_AGENT);
  await open(page, "/agent", info);
  await expect(page.getByTestId("book-summary")).toBeVisible();
  await expect(page.getByTestId("premium-chart")).toBeVisible();
  await page.getByTestId("card-in_grace").click();
  await settled(page, info);
  await expect(page).toHaveURL(/\/agent\/renewals\?bucket=in_grace$/);
  // Each project reminds its own row: the queue is shared, a reminder is once a day.
  const number = hydrated(info) ? "POL001005" : "POL001004";
  await open(page, "/agent/renewals", info);
  const row = page.locator(`[data-testid="renewal-row"][data-policy="${number}"]`);
  await expect(row).toBeVisible();
  if ((await row.getByTestId("remind-sms").count()) > 0) {
    await expect(row.getByTestId("last-reminder")).toContainText("Not reminded yet");
    await row.getByTestId("remind-sms").click();
    await settled(page, info);
  }
  const after = page.locator(`[data-testid="renewal-row"][data-policy="${number}"]`);
  await expect(after.getByTestId("last-reminder")).toContainText("SMS");
  await expect(after.getByText("Reminded today")).toBeVisible();
  await expect(after.getByTestId("remind-whatsapp")).toHaveCount(0);
});

test("the demo agent reminds everyone in grace and follows the run's progress bar", async ({ page }, info) => {
  await signIn(page, info, DEMO_AGENT);
  await open(page, "/agent/renewals?bucket=in_grace", info);
  // The confirmation first: nothing is sent until "Yes".
  await page.getByTestId("remind-all").locator("summary").click();
  await expect(page.getByText(/Send an SMS reminder to every customer in grace/)).toBeVisible();
  await press(page, info, "Yes, send them");
  // Both projects share the agent: a run already going is the one this tap finds.
  await expect(page).toHaveURL(/\/agent\/renewals\/run\/[0-9a-f-]{36}$/);
  const status = () => page.getByTestId("reminder-run").getAttribute("data-status");
  if (hydrated(info)) {
    // The region follows the run's row by itself.
    await expect(page.getByTestId("reminder-run")).toHaveAttribute("data-status", "done", { timeout: 20_000 });
  } else {
    await expect
      .poll(async () => (await page.reload(), status()), { timeout: 20_000 })
      .toBe("done");
  }
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("run-counts")).toContainText(/\d+ reminders sent, \d+ skipped/);
  await page.getByRole("link", { name: "Back to the queue" }).click();
  await settled(page, info);
  await expect(page.getByTestId("bucket-tabs")).toBeVisible();
});

test("the demo customer sees their policies in plain words and their agent", async ({ page }, info) => {
  await signIn(page, info, DEMO_CUSTOMER);
  await open(page, "/my/policies", info);
  const mine = page.getByTestId("my-policies");
  await expect(mine).toContainText("LIC Term Plan");
  await expect(mine).toContainText("₹50,00,000");
  await expect(mine.getByTestId("my-standing").first()).toContainText(/Paid up to|Due|In grace|Lapsed/);
  await expect(page.getByTestId("my-agent-name")).toContainText("Test Agent");
  await expect(page.getByTestId("my-agent-contact").getByRole("link", { name: "Call" })).toHaveAttribute("href", "tel:+919876543210");
});

test("an agent imports a small CSV with one bad row and sees the row's error", async ({ page }, info) => {
  test.setTimeout(90_000);
  const n = Date.now() % 10_000_000;
  const header = "phone_number,first_name,last_name,email,customer_id,preferred_language,policy_number,policy_type,plan_name,plan_code,category,sum_assured,premium_amount,premium_frequency,application_date,start_date,maturity_date,next_due_date,status,nominee_name";
  const good = (i: number) =>
    `7${String(n * 10 + i).padStart(9, "0").slice(-9)},Import${i},Test,,,en,${100_000_000 + n * 10 + i},endowment,LIC Jeevan Labh,936,life,500000,2400,yearly,2024-01-01,2024-01-10,,,active,`;
  const bad = "12345,,,,,,,term_life,LIC Tech Term,,motorbike,0,10,weekly,2024-01-01,2024-01-10,,,active,";
  const csv = [header, good(1), bad, good(2)].join("\r\n") + "\r\n";
  await signIn(page, info, SENIOR_AGENT);
  await open(page, "/agent/import", info);
  await expect(page.getByRole("link", { name: "Download the template" })).toHaveAttribute("href", "/api/v1/imports/template.csv");
  await page.getByLabel("CSV file").setInputFiles({ name: "book.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await press(page, info, "Upload and check");
  await expect(page).toHaveURL(/\/agent\/import\/[0-9a-f-]{36}$/);
  const url = page.url();
  // The check runs after the answer: the region follows it (a reload without JavaScript).
  await expect(async () => {
    if (!hydrated(info)) await open(page, url, info);
    await expect(page.getByTestId("import-job")).toHaveAttribute("data-status", "ready", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("import-counts")).toContainText("3 rows read · 2 valid · 1 with problems");
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("category");
  await expect(errors.locator("td").first()).toHaveText("2");
  await press(page, info, "Import the valid rows");
  await expect(async () => {
    if (!hydrated(info)) await open(page, url, info);
    await expect(page.getByTestId("import-job")).toHaveAttribute("data-status", "done", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("import-counts")).toContainText("2 imported");
});
