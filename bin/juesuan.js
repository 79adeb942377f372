#!/usr/bin/env node
// The built command line (npm install builds lib/ through the prepare script).
const { run } = require("../lib/cli/main.js");
run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`juesuan：${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
