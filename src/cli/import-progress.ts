// How far an import is, on stderr: a bar on a terminal, a line every few seconds otherwise (a log, CI).
import { Presets, SingleBar } from "cli-progress";

export type Progress = {
  /** `bytes` read of the file so far, `rows` read so far. */
  update(bytes: number, rows: number): void;
  stop(): void;
};

const lineEveryMs = 2_000;

const rate = (rows: number, since: number) =>
  Math.round(rows / Math.max(0.001, (performance.now() - since) / 1000));

export function progressOf(label: string, totalBytes: number): Progress {
  const began = performance.now();
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: `${label} {bar} {percentage}% | {rows} rows | {rate} rows/s`,
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(Math.max(1, totalBytes), 0, { rows: 0, rate: 0 });
    return {
      update: (bytes, rows) => bar.update(bytes, { rows, rate: rate(rows, began) }),
      stop: () => bar.stop(),
    };
  }
  let last = began;
  let seen = 0;
  return {
    update(bytes, rows) {
      seen = rows;
      const now = performance.now();
      if (now - last < lineEveryMs) return;
      last = now;
      const percent = totalBytes > 0 ? Math.floor((bytes / totalBytes) * 100) : 100;
      process.stderr.write(
        `${label}: ${rows} rows read (${percent} %), ${rate(rows, began)} rows/s\n`,
      );
    },
    stop() {
      process.stderr.write(`${label}: ${seen} rows read, ${rate(seen, began)} rows/s\n`);
    },
  };
}
