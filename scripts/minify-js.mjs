// Trunk post-build hook: minifies the wasm-bindgen JavaScript glue, which
// Trunk's own minifier cannot parse, and updates its integrity hash in
// index.html. Runs on Trunk's staging directory, before it becomes dist/.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("minify-js: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)");
const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");
for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const { code } = await minify(before.toString("utf8"), { module: true, compress: true, mangle: true });
  writeFileSync(path, code);
  const [oldHash, newHash] = [sri(before), sri(Buffer.from(code))];
  if (html.includes(oldHash)) html = html.replaceAll(oldHash, newHash);
  console.log(`minify-js: ${name} ${before.length} -> ${code.length} bytes`);
}
writeFileSync(page, html);
