import { expect, test } from "@playwright/test";

test("API docs render with every request outside our server blocked", async ({ page, baseURL }, info) => {
  // Swagger UI renders the document in the browser; without JavaScript there is
  // nothing to assert beyond the HTML, which the HTTP test covers.
  test.skip(info.project.name === "no-js", "Swagger UI is a JavaScript application");
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  await page.goto("/docs");
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Agent Mitra API");
  const spec = await (await page.request.get("/api/v1/openapi.json")).json();
  for (const path of Object.keys(spec.paths)) {
    await expect(page.locator(`.opblock-summary-path[data-path="${path}"]`).first()).toBeAttached();
  }
  expect(foreign).toEqual([]);
});
