// Agents (issue 11): an admin registers an agent; the agent fills their profile and
// submits for verification with a document; the admin rejects with a reason; the
// agent sees it and resubmits; the admin approves; the agent can now publish.
// Hydrated and with JavaScript off: every step is a plain form.
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { hydrated, open, settled, signIn } from "./helpers";

const ADMIN = { id: "9876543201" }; // the provider admin (LIC)
const PASSWORD = "Mitra-agent-2026";

/// A phone and code no other run or project uses.
function newAgent(info: TestInfo) {
  const n = Date.now() % 100_000_000;
  const suffix = `${hydrated(info) ? "H" : "N"}${n.toString(36).toUpperCase()}`;
  return { phone: `9${String(n).padStart(9, "0").slice(-9)}`, code: `E2E-${suffix}`.slice(0, 20) };
}

/// Publishing a deck through the mobile API, as the agent: 201 once approved.
async function publish(request: APIRequestContext, phone: string, agentId: string) {
  const login = await request.post("/api/v1/auth/login", { data: { phone_number: `+91${phone}`, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const token = (await login.json()).access_token;
  return request.post(`/api/v1/presentations/agent/${agentId}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { name: "Welcome", status: "published", slides: [{ slide_type: "text", title: "Namaste" }] },
  });
}

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function submitLicence(page: Page, info: TestInfo, licence: string) {
  const form = page.getByTestId("verification-form");
  await form.getByLabel("Licence number").fill(licence);
  await form.getByLabel("Licence expiry").fill("2030-06-30");
  await form.getByLabel("Issuing authority").fill("IRDAI");
  await form.getByRole("button", { name: "Submit for verification" }).click();
  await settled(page, info);
  await expect(page.getByTestId("verification-note")).toContainText("with an approver");
}

test("an agent is registered, verified after a rejection, and can then publish", async ({ page, request }, info) => {
  test.setTimeout(90_000);
  const agent = newAgent(info);

  // 1. The admin lands on the dashboard and registers the agent.
  await signIn(page, info, ADMIN);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("pending-count")).toBeVisible();
  await open(page, "/admin/agents/new", info);
  const form = page.getByTestId("register-agent");
  await form.getByLabel("First name").fill("Lakshmi");
  await form.getByLabel("Last name").fill("Iyer");
  await form.getByLabel("Mobile number").fill(agent.phone);
  await form.getByLabel("Agent code", { exact: true }).fill(agent.code);
  await form.getByLabel("Territory").fill("Chennai");
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Register" }).click();
  await settled(page, info);
  await expect(page).toHaveURL(/\/admin\/agents\/[0-9a-f-]{36}$/);
  const agentId = page.url().split("/").pop()!;
  await expect(page.getByTestId("agent-name")).toHaveText("Lakshmi Iyer");
  await expect(page.getByTestId("agent-status")).toHaveAttribute("data-status", "pending_approval");

  // Not approved yet: the agent cannot publish.
  expect((await publish(request, agent.phone, agentId)).status()).toBe(403);

  // 2. The agent signs in, fills the profile, uploads a document and submits.
  await page.context().clearCookies();
  await signIn(page, info, { id: agent.phone, password: PASSWORD });
  await open(page, "/agent/profile", info);
  await expect(page.getByTestId("verification-note")).toContainText("Not verified yet");
  await page.getByLabel("Business name").fill("Iyer Insurance Care");
  await page.getByRole("button", { name: "Save" }).click();
  await settled(page, info);
  await expect(page.getByTestId("saved").first()).toBeVisible();
  await page.getByLabel("Choose a file").first().setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Upload document" }).click();
  await settled(page, info);
  await expect(page.getByTestId("agent-documents")).toContainText("licence.pdf");
  await submitLicence(page, info, `L-${agent.code}`);

  // 3. The admin finds them in the queue and rejects with a reason.
  await page.context().clearCookies();
  await signIn(page, info, ADMIN);
  await open(page, "/admin/agents", info);
  const queue = page.getByTestId("verification-queue");
  await expect(queue).toContainText("Lakshmi Iyer");
  await queue.locator("li", { hasText: "Lakshmi Iyer" }).getByRole("link", { name: "Review" }).click();
  await settled(page, info);
  await page.getByLabel("Reason for the agent").fill("Upload the back of the licence too.");
  await page.getByRole("button", { name: "Reject" }).click();
  await settled(page, info);
  await expect(page.getByTestId("agent-verification")).toHaveAttribute("data-status", "rejected");

  // 4. The agent sees the reason and resubmits.
  await page.context().clearCookies();
  await signIn(page, info, { id: agent.phone, password: PASSWORD });
  await open(page, "/agent/profile", info);
  await expect(page.getByTestId("rejection-reason")).toHaveText("Upload the back of the licence too.");
  await submitLicence(page, info, `L-${agent.code}`);

  // 5. The admin approves.
  await page.context().clearCookies();
  await signIn(page, info, ADMIN);
  await open(page, `/admin/agents/${agentId}`, info);
  await page.getByRole("button", { name: "Approve" }).click();
  await settled(page, info);
  await expect(page.getByTestId("agent-status")).toHaveAttribute("data-status", "active");
  await expect(page.getByTestId("agent-verification")).toHaveAttribute("data-status", "verified");

  // 6. The agent can now publish, and their profile says so.
  expect((await publish(request, agent.phone, agentId)).status()).toBe(201);
  await page.context().clearCookies();
  await signIn(page, info, { id: agent.phone, password: PASSWORD });
  await open(page, "/agent/profile", info);
  await expect(page.getByTestId("verification-note")).toContainText("You are verified");
});

test("a field error stays under its field and keeps what was typed", async ({ page }, info) => {
  await signIn(page, info, ADMIN);
  await open(page, "/admin/agents/new", info);
  const form = page.getByTestId("register-agent");
  await form.getByLabel("First name").fill("Ravi");
  await form.getByLabel("Agent code", { exact: true }).fill("AGENT001");
  await form.getByLabel("Mobile number").fill("98");
  await form.getByRole("button", { name: "Register" }).click();
  await settled(page, info);
  await expect(page).toHaveURL(/\/admin\/agents\/new$/);
  await expect(page.locator('[data-field-error="phone_number"]')).not.toBeEmpty();
  await expect(form.getByLabel("First name")).toHaveValue("Ravi");
});

test("the dashboard draws its charts on the server, and providers list their agents", async ({ page }, info) => {
  await signIn(page, info, { id: "9876543200" });
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("status-chart")).toBeVisible();
  await expect(page.getByTestId("weekly-chart")).toBeVisible();
  await page.getByTestId("tile-providers").click();
  await settled(page, info);
  await page.getByRole("link", { name: "LIC", exact: true }).click();
  await settled(page, info);
  await expect(page.getByRole("heading", { name: "Linked agents" })).toBeVisible();
  await expect(page.getByRole("link", { name: "AGENT001" })).toBeVisible();
  await expect(page.getByTestId("provider-form")).toBeVisible();
});
