import { lighthouse, readTrace, traceLongTasks, CPU_SLOWDOWN } from "./bench-probes.mjs";
import { copyOfBuild, freePort, root, serve } from "../tests/e2e/support.mjs";
const app = copyOfBuild("lh-probe");
const server = await serve(app, await freePort());
try {
  for (const path of process.argv.slice(2)) {
    const run = lighthouse(root, `${server.url}${path}`, { tracePath: "/tmp/lh/trace.json" });
    const tasks = traceLongTasks(readTrace("/tmp/lh/trace.json"), { threshold: 50 / CPU_SLOWDOWN });
    console.log(JSON.stringify({ path, perf: run.performance, lcp: run.lcp, tbt: run.tbt, fcp: run.fcp, longTasks: run.longTasks, bootup: run.bootup, tasks }, null, 1));
  }
} finally { await server.stop(); }
