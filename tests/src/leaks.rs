//! How a leaking Node.js API fills its memory: one script per pattern, each
//! keeping what it allocates reachable from a global until the process dies.
//! The tests run them with the override's `NODE_OPTIONS` and measure the
//! peak resident set ([`crate::servers::node_run`]).
//!
//! The heap patterns end with V8's "JavaScript heap out of memory" abort.
//! The worst of them is one array holding millions of tiny values: while V8
//! marks such an array it queues every element at once, in memory outside
//! the heap that glibc keeps once freed, so the process peaks at up to about
//! 2.4 times its `--max-old-space-size` (Headroom's rule and the measured
//! table are in crates/core/src/tuning.rs).
//!
//! Buffers are the exception: their bytes live outside V8's heap, so the
//! heap flag never stops them ([`BUFFERS_PAST_CAP_JS`]).

/// A way to leak, named for the test's messages.
#[derive(Clone, Copy, Debug)]
pub struct Leak {
    pub name: &'static str,
    pub script: &'static str,
}

/// The heap patterns, each run until V8 aborts.
pub const HEAP_LEAKS: [Leak; 5] = [
    // An event log or cache that is never trimmed: {x} records in one array.
    Leak {
        name: "small objects in one array",
        script: "globalThis.kept = [];\
                 for (let i = 0; ; i++) globalThis.kept.push({ x: i });",
    },
    // The same array of numbers after one null went in: V8 then stores each
    // number as its own 16-byte object, the smallest it allocates.
    Leak {
        name: "numbers in one array, boxed",
        script: "globalThis.kept = [null];\
                 for (let i = 0; ; i++) globalThis.kept.push(i + 0.5);",
    },
    // Keys or ids: short strings in one array.
    Leak {
        name: "small strings in one array",
        script: "globalThis.kept = [];\
                 for (let i = 0; ; i++) globalThis.kept.push('k' + i);",
    },
    // Bodies kept as text: 16 MiB decoded as UTF-8, which V8 holds on its heap.
    Leak {
        name: "large strings (16 MiB each)",
        script: "globalThis.kept = []; const body = Buffer.alloc(16 << 20, 120);\
                 for (let i = 0; ; i++) {\
                   body.write(String(i).padStart(12, '0'), 'latin1');\
                   globalThis.kept.push(body.toString('utf8'));\
                 }",
    },
    // Result sets kept whole: arrays of a million numbers.
    Leak {
        name: "large arrays (1 Mi elements each)",
        script: "globalThis.kept = [];\
                 for (let i = 0; ; i++) globalThis.kept.push(new Array(1 << 20).fill(i));",
    },
];

/// Keeps 1 MiB Buffers until the process's resident set passes `CAP_MIB`
/// (an environment variable), then prints `process.memoryUsage()` as JSON
/// and exits 0: V8 never stops it, as the bytes are outside its heap. In a
/// container the kernel ends such a process at `mem_limit` instead.
pub const BUFFERS_PAST_CAP_JS: &str = "\
const cap = Number(process.env.CAP_MIB) * 1048576; globalThis.kept = [];
for (let i = 0; ; i++) {
  globalThis.kept.push(Buffer.alloc(1 << 20, i & 255));
  if (i % 16 === 0 && process.memoryUsage.rss() > cap) {
    console.log(JSON.stringify(process.memoryUsage()));
    process.exit(0);
  }
}";
