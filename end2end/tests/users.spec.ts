import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { hydrated, open, signIn } from "./helpers";

test("an admin creates a user, assigns a role and deactivates them", async ({ page }, info) => {
  const phone = hydrated(info) ? "9876500011" : "9876500012";
  await signIn(page, info, { id: "9876543200" });
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole("link", { name: "Add new user" }).click();
  await expect(page.getByRole("heading", { name: "Add new user" })).toBeVisible();

  // A bad phone number is refused next to its field.
  await page.getByLabel("First name").fill("Meena");
  await page.getByLabel("Mobile number").fill("123");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.locator('[data-field-error="phone_number"]')).toContainText("10-digit");

  await page.getByLabel("First name").fill("Meena");
  await page.getByLabel("Last name").fill("Iyer");
  await page.getByLabel("Mobile number").fill(phone);
  await page.getByLabel("Role").selectOption("junior_agent");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meena Iyer");

  await page.getByLabel("Assign role", { exact: true }).selectOption("senior_agent");
  await page.getByRole("button", { name: "Assign role" }).click();
  await expect(page.getByTestId("extra-roles")).toContainText("Senior agent");
  await expect(page.getByTestId("saved")).toHaveText("Saved.");

  await page.getByRole("button", { name: "Deactivate user" }).click();
  await expect(page.getByTestId("user-status")).toHaveText("Deactivated");
  await expect(page.getByTestId("user-status")).toHaveAttribute("data-status", "deactivated");

  // The list finds her by name, and the filter state lives in the URL.
  await open(page, `/admin/users?q=${phone}&status=deactivated`, info);
  await expect(page.getByTestId("list-count")).toHaveText("1 / 1");
  await expect(page.getByRole("link", { name: "Meena Iyer" })).toBeVisible();
});

test("the user list pages by cursor, keeping its filters in the URL", async ({ page }, info) => {
  await signIn(page, info, { id: "9876543200" });
  await open(page, "/admin/users?sort=name&limit=5", info);
  await expect(page.getByTestId("list-count")).toHaveText(/^5 \/ \d+$/);
  const names = async () => page.locator("tbody tr td:first-child").allInnerTexts();
  const first = await names();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).toHaveURL(/limit=5/);
  const second = await names();
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((n) => first.includes(n))).toEqual([]);
  await page.getByRole("link", { name: "First page" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  expect(await names()).toEqual(first);
});

test("preferences save and the interface follows the language", async ({ page }, info) => {
  const user = hydrated(info) ? "9876543208" : "9876543209";
  await signIn(page, info, { id: user });
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Profile" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await page.getByLabel("Time zone").selectOption("Asia/Dubai");
  await page.getByLabel("SMS").setChecked(false);
  await page.locator("main").getByLabel("Language").selectOption("hi");
  await page.getByRole("button", { name: "Save" }).last().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await expect(page.getByText("सहेजा गया")).toBeVisible();
  await expect(page.getByLabel("समय क्षेत्र")).toHaveValue("Asia/Dubai");
  await expect(page.getByLabel("SMS")).not.toBeChecked();
});

test("people without users.search do not see or reach the admin list", async ({ page }, info) => {
  await signIn(page, info, { id: "9876543204" });
  await expect(page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await open(page, "/admin/users", info);
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("not-for-you")).toContainText("This page is not for your role");
});
