import { defineConfig, devices } from "@playwright/test";

// `./dev test` starts the release server against a throwaway database and sets
// E2E_BASE_URL; run by hand, point it at any running instance.
const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:8012";

// Debian's Chromium; Playwright never downloads a browser here.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: { baseURL, launchOptions, trace: "retain-on-failure" },
  projects: [
    // Every flow runs hydrated …
    { name: "hydrated", use: { ...devices["Desktop Chrome"], launchOptions } },
    // … and with JavaScript off, to prove the server-rendered pages work alone.
    { name: "no-js", use: { ...devices["Desktop Chrome"], launchOptions, javaScriptEnabled: false } },
  ],
});
