// Per-page load on a cheap phone with a weak signal (a benchmark, not a test):
// CDP network emulation at 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, and CPU
// throttling x4. For each page: the bytes of WASM, JS and CSS it transferred, and the
// time until it is usable: `data-hydrated` on <body> for a page with islands, else
// its load event. Prints one line per page; run by scripts/bench-client.sh.
//
//   BASE=http://127.0.0.1:8019 node end2end/bench/throttled.mjs
import { chromium } from "@playwright/test";

const base = process.env.BASE ?? "http://127.0.0.1:8012";
const runs = Number(process.env.RUNS ?? 3);
const pages = [
  ["login", "/login", null],
  ["agent home", "/agent", "agent"],
  ["library", "/agent/presentations", "agent"],
  ["editor", "/agent/presentations/d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "agent"],
  ["users list", "/admin/users", "admin"],
  ["status", "/status", null],
];
const who = {
  agent: "agent_code=AGENT001&password=password123",
  admin: "identifier=9876543200&password=testpassword",
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic"],
});

async function signedInContext(role) {
  const context = await browser.newContext();
  if (role) {
    const res = await context.request.post(`${base}/api/ui/auth/login`, {
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base, referer: `${base}/login` },
      data: who[role],
      maxRedirects: 0,
    });
    if (res.status() >= 400) throw new Error(`sign-in as ${role}: ${res.status()}`);
  }
  return context;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log("page          usable-ms(median of %d)  wasm-bytes  js-bytes  css-bytes  (on the wire)", runs);
for (const [name, path, role] of pages) {
  const times = [];
  let bytes = { wasm: 0, js: 0, css: 0 };
  for (let i = 0; i < runs; i++) {
    const context = await signedInContext(role);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6e6 / 8),
      uploadThroughput: (750e3 / 8),
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const sizes = { wasm: 0, js: 0, css: 0 };
    const kinds = new Map();
    cdp.on("Network.responseReceived", (e) => {
      const url = e.response.url;
      const kind = url.endsWith(".wasm") ? "wasm" : url.endsWith(".js") ? "js" : url.endsWith(".css") ? "css" : null;
      if (kind) kinds.set(e.requestId, kind);
    });
    cdp.on("Network.loadingFinished", (e) => {
      const kind = kinds.get(e.requestId);
      if (kind) sizes[kind] += e.encodedDataLength;
    });
    const t0 = Date.now();
    await page.goto(base + path, { waitUntil: "load" });
    if ((await page.locator("body[data-islands]").count()) > 0) {
      await page.waitForSelector("body[data-hydrated]", { timeout: 120_000 });
    }
    times.push(Date.now() - t0);
    bytes = sizes;
    await context.close();
  }
  console.log(
    `${name.padEnd(14)}${String(median(times)).padStart(10)}              ${String(bytes.wasm).padStart(10)}${String(bytes.js).padStart(10)}${String(bytes.css).padStart(11)}`,
  );
}
await browser.close();
