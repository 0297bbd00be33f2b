// Lighthouse on the built site, for ./scripts/bench: mobile settings
// (Lighthouse's defaults: simulated slow 4G, 4x CPU slowdown), headless
// Chromium, the default page and a share link, RUNS times each; prints the
// median of each figure against the targets. Never fails on a slow result.
// Usage: node scripts/lighthouse.mjs LIGHTHOUSE-BIN ORIGIN RUNS
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [bin, origin, runsText] = process.argv.slice(2);
const runs = Number(runsText || 3);
const pages = [
  ["default page", "/"],
  ["share link", "/?users=3000&growth=12&host=mini"],
  ["page, French", "/fr/"],
];
const chromium = process.env.CHROME_PATH || "/usr/bin/chromium";

function once(url) {
  const dir = mkdtempSync(join(tmpdir(), "headroom-lighthouse-"));
  try {
    const out = join(dir, "report.json");
    execFileSync(
      bin,
      [
        url,
        "--quiet",
        "--form-factor=mobile",
        "--only-categories=performance,accessibility",
        "--output=json",
        `--output-path=${out}`,
        `--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=${join(dir, "profile")}`,
      ],
      { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: chromium } },
    );
    const r = JSON.parse(readFileSync(out, "utf8"));
    const a = r.audits;
    let largest = "";
    try {
      largest = a["largest-contentful-paint-element"].details.items[0].items[0].node.selector;
    } catch {}
    return {
      performance: Math.round(r.categories.performance.score * 100),
      accessibility: Math.round(r.categories.accessibility.score * 100),
      fcp: a["first-contentful-paint"].numericValue,
      lcp: a["largest-contentful-paint"].numericValue,
      tbt: a["total-blocking-time"].numericValue,
      cls: a["cumulative-layout-shift"].numericValue,
      bytes: a["total-byte-weight"].numericValue,
      largest,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values) => {
  const v = [...values].sort((x, y) => x - y);
  return v[Math.floor(v.length / 2)];
};
const targets = { performance: [">=", 95], lcp: ["<=", 1500], tbt: ["<=", 150], cls: ["<=", 0], accessibility: [">=", 100] };
const verdict = (key, value) => {
  const [op, bound] = targets[key];
  return (op === ">=" ? value >= bound : value <= bound) ? "met" : "NOT met";
};

console.log(`Lighthouse (mobile: simulated slow 4G, 4x CPU slowdown), median of ${runs} runs each`);
console.log(
  `  ${"page".padEnd(14)} ${"perf".padStart(5)} ${"FCP ms".padStart(7)} ${"LCP ms".padStart(7)} ${"TBT ms".padStart(7)} ${"CLS".padStart(6)} ${"a11y".padStart(5)} ${"transfer B".padStart(11)}  largest paint`,
);
for (const [name, path] of pages) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(once(origin + path));
  const m = Object.fromEntries(
    ["performance", "fcp", "lcp", "tbt", "cls", "accessibility", "bytes"].map((k) => [k, median(results.map((r) => r[k]))]),
  );
  const largest = results.map((r) => r.largest).sort().find(Boolean) || "";
  console.log(
    `  ${name.padEnd(14)} ${String(m.performance).padStart(5)} ${m.fcp.toFixed(0).padStart(7)} ${m.lcp.toFixed(0).padStart(7)} ${m.tbt.toFixed(0).padStart(7)} ${m.cls.toFixed(3).padStart(6)} ${String(m.accessibility).padStart(5)} ${String(m.bytes).padStart(11)}  ${largest}`,
  );
  console.log(
    `  ${"".padEnd(14)} targets: performance >= 95 ${verdict("performance", m.performance)}, LCP <= 1500 ms ${verdict("lcp", m.lcp)}, TBT <= 150 ms ${verdict("tbt", m.tbt)}, CLS 0 ${verdict("cls", m.cls)}, accessibility 100 ${verdict("accessibility", m.accessibility)}`,
  );
  console.log(`  ${"".padEnd(14)} each run: ${results.map((r) => `${r.performance}/${r.lcp.toFixed(0)}/${r.tbt.toFixed(0)}`).join("  ")} (perf/LCP/TBT)`);
}
