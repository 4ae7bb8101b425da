import { expect, type Page, type TestInfo } from "@playwright/test";

export const hydrated = (info: TestInfo) => info.project.name === "hydrated";

/// Opens a page and, in the hydrated project, waits until the WASM has taken over.
export async function open(page: Page, path: string, info: TestInfo) {
  const response = await page.goto(path);
  if (hydrated(info)) {
    await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  }
  return response;
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
