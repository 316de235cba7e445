// `wasm-opt -Oz` on many modules in one Node.js process, through binaryen's JS API (the npm
// package `binaryen`, the same build as its `wasm-opt` command). The command starts Node and
// compiles binaryen's own 10 MB wasm for every module, about a second each, and the learners'
// build has some 270 modules: 4 minutes on two cores, against half a minute here.
//
// The settings are the command's for `-Oz`, so the output has the command's bytes: optimize
// level 2, shrink level 2, Stack IR generated and optimized when writing (the command does both
// at -O2 and above; without them the code is 0.3% larger), and no names read (the command reads
// none without `-g`, and wasm-split writes a name subsection binaryen does not know). Then the
// custom sections no browser reads, `producers` and `target_features` (about 200 B a module),
// are stripped, as `--strip-producers --strip-target-features` would.
//
// Usage: node xtask/wasm-opt-all.mjs MODULE… — each is rewritten in place. Every module is tried;
// the exit code is 1 when any failed, and each failure is named on standard error.
import fs from "node:fs";
import binaryen from "binaryen";

binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setGenerateStackIR(true);
binaryen.setOptimizeStackIR(true);

// The command's default features, which a module's `target_features` section adds to; the JS
// API starts from none, so a module without that section (one this script already wrote)
// would not validate.
const F = binaryen.Features;
const DEFAULT_FEATURES =
  F.SignExt | F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.ReferenceTypes |
  F.Multivalue | F.BulkMemoryOpt | F.CallIndirectOverlong;

/** The module's bytes without its `name` custom section. */
function withoutNames(bytes) {
  const kept = [bytes.subarray(0, 8)];
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      if (at >= bytes.length) throw new Error("truncated section header");
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = leb();
    const body = at;
    if (body + size > bytes.length) throw new Error("a section runs past the end");
    let isNames = false;
    if (id === 0) {
      const nameLength = leb();
      isNames = new TextDecoder().decode(bytes.subarray(at, at + nameLength)) === "name";
    }
    at = body + size;
    if (!isNames) kept.push(bytes.subarray(start, at));
  }
  return Buffer.concat(kept);
}

let failed = 0;
for (const path of process.argv.slice(2)) {
  let module;
  try {
    module = binaryen.readBinary(withoutNames(fs.readFileSync(path)));
    module.setFeatures(module.getFeatures() | DEFAULT_FEATURES);
    if (!module.validate()) throw new Error("the module does not validate");
    module.optimize();
    module.runPasses(["strip-producers", "strip-target-features"]);
    fs.writeFileSync(path, module.emitBinary());
  } catch (error) {
    failed += 1;
    console.error(`wasm-opt failed on ${path}: ${error?.message ?? error}`);
  } finally {
    module?.dispose();
  }
}
process.exit(failed === 0 ? 0 : 1);
