// A static host for the benchmark: serves a directory on 127.0.0.1 as most
// static hosts do, compressed with brotli (or gzip) when the browser accepts
// it. Usage: node scripts/static-server.mjs DIR PORT-FILE
// It listens on a free port and writes that port into PORT-FILE.
import { createServer } from "node:http";
import { readFile, writeFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const [root, portFile] = process.argv.slice(2);
if (!root || !portFile) {
  console.error("usage: node scripts/static-server.mjs DIR PORT-FILE");
  process.exit(2);
}
const base = resolve(root);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};
const cache = new Map();

async function body(path, encoding) {
  const key = `${path}\0${encoding}\0${(await stat(path)).mtimeMs}`;
  if (!cache.has(key)) {
    const raw = await readFile(path);
    let out = raw;
    if (encoding === "br") {
      out = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    } else if (encoding === "gzip") {
      out = gzipSync(raw, { level: 9 });
    }
    cache.set(key, out);
  }
  return cache.get(key);
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://127.0.0.1");
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
    const accepts = req.headers["accept-encoding"] || "";
    const encoding = /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : "";
    const data = await body(path, encoding);
    const headers = {
      "content-type": types[extname(path)] || "application/octet-stream",
      "content-length": data.length,
      "cache-control": "no-cache",
    };
    if (encoding) headers["content-encoding"] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : data);
  } catch {
    res.writeHead(404).end();
  }
});
server.listen(0, "127.0.0.1", async () => {
  await writeFile(portFile, String(server.address().port));
});
