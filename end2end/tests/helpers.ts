import { expect, type Page, type TestInfo } from "@playwright/test";

export const hydrated = (info: TestInfo) => info.project.name === "hydrated";

/// Opens a page and, in the hydrated project, waits until its islands are live.
/// A page without islands (`data-islands` absent) loads no WASM: it is ready as is.
export async function open(page: Page, path: string, info: TestInfo) {
  const response = await page.goto(path);
  await settled(page, info);
  return response;
}

/// After a navigation (a link, a form post): waits for the new page's islands.
export async function settled(page: Page, info: TestInfo) {
  await page.waitForLoadState("load");
  if (hydrated(info) && (await page.locator("body[data-islands]").count()) > 0) {
    await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  }
}

/// A demo user: a phone number or email, and the password (`testpassword` unless said).
export type Who = { id: string; password?: string };

/// Signs in through the login form and waits for the landing page to settle.
/// Waits until the header names someone, so a failed sign-in fails here.
export async function signIn(page: Page, info: TestInfo, who: Who) {
  await open(page, "/login", info);
  await page.getByLabel("Mobile number or email").fill(who.id);
  await page.getByLabel("Password", { exact: true }).fill(who.password ?? "testpassword");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeAttached();
  await settled(page, info);
}

/// Collects console errors and failed requests (a CSP violation shows up as both).
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}
