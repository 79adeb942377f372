// bin/juesuan.js on the TypeScript sources, for tests that run the command line as a separate process (real
// pipes, exit codes, peak memory) without building lib/ first.
import { run } from "../../src/cli/main";
import { processIo } from "../../src/cli/output";

const io = processIo();
run(process.argv.slice(2), io).then(
  (code) => {
    // The child's own peak, for machines without /usr/bin/time.
    if (process.env.JUESUAN_REPORT_MAXRSS) process.stderr.write(`maxRSS_KB=${process.resourceUsage().maxRSS}\n`);
    return io.exit(code);
  },
  () => {
    process.stderr.write("juesuan：内部错误，校验未完成\n");
    return io.exit(2);
  },
);
