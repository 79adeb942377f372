#!/usr/bin/env node
// The built command line (npm install builds lib/ through the prepare script). Exits only once stdout and
// stderr have drained (src/cli/output.ts): a pipe gets the whole report.
const { run } = require("../lib/cli/main.js");
const { processIo } = require("../lib/cli/output.js");
const io = processIo();
run(process.argv.slice(2), io).then(
  (code) => io.exit(code),
  () => {
    // run() reports every failure of a file itself; reaching here is a fault of ours, said without a stack.
    process.stderr.write("juesuan：内部错误，校验未完成\n");
    return io.exit(2);
  },
);
