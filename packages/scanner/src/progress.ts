/** The progress bar on standard error while a scan runs (cli-progress; silent when not a terminal). */
import { SingleBar } from "cli-progress";
import type { ScanOptions } from "./scan.ts";

export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  onProgress: NonNullable<ScanOptions["onProgress"]>;
  stop(): void;
} {
  const bar = new SingleBar({
    stream,
    format: "scanning [{bar}] {value}/{total} page-states | {state} {url}",
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    onProgress: ({ done, total, state, url }) => {
      if (!started) {
        bar.start(total, 0, { state, url });
        started = true;
      }
      bar.update(done, { state, url });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
