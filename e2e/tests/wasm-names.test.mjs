// The size guard of scripts/wasm-size.sh --check (scripts/wasm-names.mjs): it reads the
// function names of a wasm module and names the std code the page must not carry.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forbidden, functionNames } from "../../scripts/wasm-names.mjs";

const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const str = (s) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, body) => [id, ...uleb(body.length), ...body];

/** A module with a type section (ignored), then a name section: a module name and names. */
function moduleWith(names) {
  const fnNames = [...uleb(names.length), ...names.flatMap((n, i) => [...uleb(i), ...str(n)])];
  const nameSection = [...str("name"), 0, ...uleb(str("m").length), ...str("m"), 1, ...uleb(fnNames.length), ...fnNames];
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...section(1, [1, 0x60, 0, 0]), ...section(0, nameSection)]);
}

test("reads the function names of the name section, past other sections and subsections", () => {
  const long = "x".repeat(200); // a length of two LEB128 bytes
  assert.deepEqual(functionNames(moduleWith(["a", "dpu_engine::float::fixed", long])), ["a", "dpu_engine::float::fixed", long]);
  assert.throws(() => functionNames(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])), /no function names/);
  assert.throws(() => functionNames(Buffer.from("not wasm")), /not a wasm module/);
});

test("names std's float formatting and parsing, its sorts and our own BTreeMaps, and nothing else", () => {
  const h = "[e82c2a743b22ca4c]";
  const bad = [
    `core${h}::fmt::float::float_to_decimal_common_exact::<f64>`,
    `core${h}::num::flt2dec::strategy::grisu::format_shortest_opt`,
    `core${h}::num::dec2flt::dec2flt::<f64>`,
    // With the std built for size the whole formatting can sit inside the trait method.
    `<f64 as core${h}::fmt::Display>::fmt`,
    `<f64 as core${h}::str::traits::FromStr>::from_str`,
    `core${h}::slice::sort::stable::driftsort_main::<f64, _>`,
    `core${h}::slice::sort::unstable::ipnsort::<u32, _>`,
    `<alloc${h}::collections::btree::map::BTreeMap<alloc${h}::string::String, dpu_engine[0123456789abcdef]::json::Value>>::insert`,
  ];
  const fine = [
    `dpu_engine[0123456789abcdef]::float::fixed`,
    `dpu_engine[0123456789abcdef]::sort::select_floats`,
    `<alloc${h}::collections::btree::node::NodeRef<alloc${h}::collections::btree::node::marker::Mut, usize, yew[170b5b420df3652c]::scheduler::QueueEntry>>::len`,
    `alloc${h}::collections::btree::node::splitpoint`,
    `core${h}::fmt::write`,
    `<u32 as core${h}::fmt::Display>::fmt`,
  ];
  assert.deepEqual(forbidden(bad).map(([name]) => name), bad.map((n) => n.replace(/\[[0-9a-f]{16}\]/g, "")));
  assert.deepEqual(forbidden(fine), []);
});
