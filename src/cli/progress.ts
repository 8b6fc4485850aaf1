import cliProgress from "cli-progress";

export interface Progress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

/** A bar on a terminal, plain log lines otherwise (CI, pipes, log collectors). */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: "{label} [{bar}] {percentage}% | {value}/{total}", stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total, label) => bar.start(total, 0, { label }),
      update: (done) => bar.update(done),
      stop: () => bar.stop(),
    };
  }
  let label = "";
  let total = 0;
  let lastReported = -1;
  return {
    start(newTotal, newLabel) {
      total = newTotal;
      label = newLabel;
      lastReported = -1;
      stream.write(`${label}: starting (${total} steps)\n`);
    },
    update(done) {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastReported) {
        lastReported = tenth;
        stream.write(`${label}: ${done}/${total}\n`);
      }
    },
    stop() {
      stream.write(`${label}: done\n`);
    },
  };
}
