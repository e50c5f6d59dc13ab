// The function names of a wasm module's "name" section, and the size guard of
// scripts/wasm-size.sh --check: code the page must not carry because the engine has its own
// smaller version of it (crates/engine/src/float.rs, sort.rs, json.rs). One computed
// `f64::clamp`, one `{x}` on an f64 or one `sort_by` silently brings 10–20 KB of gzip back;
// this names the function that did.
//
//   node scripts/wasm-names.mjs FILE.wasm            # prints every function name
//   node scripts/wasm-names.mjs --check FILE.wasm    # fails naming what must not be there
import { readFileSync } from "node:fs";

/** What must not be in the page, each with why. Names are read without crate hashes. */
export const FORBIDDEN = [
  [
    /core::num::flt2dec|core::fmt::float|float_to_decimal|float_to_exponential|<f(32|64) as core::fmt::(Display|Debug|LowerExp|UpperExp)>/,
    "std's float formatting (use dpu_engine::float)",
  ],
  [/core::num::dec2flt|<f(32|64) as core::str::traits::FromStr>/, "std's float parsing (use dpu_engine::float::parse)"],
  [/core::slice::sort::(stable|unstable)|driftsort|ipnsort/, "std's sorts (use dpu_engine::sort)"],
  // Yew's scheduler keeps its queue in a BTreeMap<usize, QueueEntry> (and its untyped
  // helpers, `splitpoint`, `slice_insert::<usize>`, come with it): a map of our types or of
  // strings is ours (serde_json's map was a BTreeMap<String, Value>).
  [/collections::btree.*(dpu_|alloc::string::String|serde_json)/, "a BTreeMap of our own types or strings"],
];

/** An unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** The names of the functions, from the custom "name" section's subsection 1. */
export function functionNames(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const text = (at, len) => bytes.toString("utf8", at, at + len);
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    let size;
    [size, at] = leb(bytes, at + 1);
    const end = at + size;
    if (id === 0) {
      let [len, p] = leb(bytes, at);
      if (text(p, len) === "name") {
        p += len;
        while (p < end) {
          const sub = bytes[p];
          let subSize;
          [subSize, p] = leb(bytes, p + 1);
          if (sub === 1) {
            const names = [];
            let count;
            [count, p] = leb(bytes, p);
            for (let i = 0; i < count; i++) {
              let n;
              [, p] = leb(bytes, p);
              [n, p] = leb(bytes, p);
              names.push(text(p, n));
              p += n;
            }
            return names;
          }
          p += subSize;
        }
      }
    }
    at = end;
  }
  throw new Error("no function names: build with names kept (wasm-opt --debuginfo)");
}

/** The forbidden names found, each with why: [[name, why]]. */
export function forbidden(names) {
  const found = [];
  for (const raw of names) {
    const name = raw.replace(/\[[0-9a-f]{16}\]/g, "");
    for (const [re, why] of FORBIDDEN) if (re.test(name)) found.push([name, why]);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv[2] === "--check";
  const file = process.argv[check ? 3 : 2];
  const names = functionNames(readFileSync(file));
  if (!check) {
    for (const n of names) console.log(n);
  } else {
    const found = forbidden(names);
    for (const [name, why] of found.slice(0, 20)) console.log(`size guard: ${why}: ${name.slice(0, 200)}`);
    if (found.length) {
      console.log(`size guard: ${found.length} functions the page must not carry`);
      process.exit(1);
    }
    console.log(`size guard: none of std's float formatting or parsing, sorts or BTreeMaps of our own among ${names.length} functions`);
  }
}
