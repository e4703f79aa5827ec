// A server whose parent died (a supervisor, a terminal, `npm start | tee`) keeps running with its
// stdout and stderr pipes closed. Every write then fails with EPIPE; unhandled, the error is
// reported to stderr, which fails again, and the process spun at 60% CPU doing only that. The
// output has nowhere to go, so the error is dropped: not rethrown, and not written to the same pipe.
const CLOSED_PIPE_CODES = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

export function dropClosedPipeErrors(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code && CLOSED_PIPE_CODES.has(error.code)) return;
      throw error;
    });
  }
}
