// Writing to stdout and stderr so that nothing is lost: each write waits for the stream to drain when its
// buffer is full (a slow reader holds us back instead of filling memory), the process ends only after the last
// byte was handed to the operating system, and a reader that went away (`| head -1`, EPIPE) ends the output
// quietly — the check still finishes, writes its copies and exits with its own code.
import { once } from "node:events";

export interface Io {
  out(text: string): void | Promise<void>;
  err(text: string): void | Promise<void>;
}

function streamWriter(stream: NodeJS.WriteStream): { write: (text: string) => Promise<void>; flush: () => Promise<void> } {
  let closed = false;
  stream.on("error", (err: NodeJS.ErrnoException) => {
    // EPIPE: the reader is gone. Any other error on a standard stream leaves nothing to report it on either.
    void err;
    closed = true;
  });
  return {
    async write(text) {
      if (closed || !text) return;
      if (!stream.write(text)) {
        // 'close' too: a stream destroyed after EPIPE never drains.
        await Promise.race([once(stream, "drain"), once(stream, "close"), once(stream, "error")]).catch(() => undefined);
      }
    },
    flush() {
      if (closed) return Promise.resolve();
      return new Promise((resolve) => {
        stream.write("", () => resolve());
      });
    },
  };
}

/** stdout and stderr of this process, and a way to exit once both have drained. */
export function processIo(): Io & { exit: (code: number) => Promise<never> } {
  const out = streamWriter(process.stdout);
  const err = streamWriter(process.stderr);
  return {
    out: out.write,
    err: err.write,
    async exit(code) {
      await Promise.all([out.flush(), err.flush()]);
      process.exit(code);
    },
  };
}
