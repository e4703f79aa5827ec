// A Podium server (test/support/podium-child.ts) that keeps writing to stdout and stderr, as a real
// one does (Next.js warnings, Node's own), guarded as server/main.ts guards it: for the test of a
// server whose parent died and closed its pipes (test/integration/closed-pipes.test.ts).
import { dropClosedPipeErrors } from "../../server/closed-pipes";

if (!process.env.UNGUARDED) dropClosedPipeErrors();
await import("./podium-child");
setInterval(() => {
  console.log("still here");
  console.error("still here");
}, 20);
