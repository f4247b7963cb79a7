/**
 * Progress on standard error while many files are checked: a line that updates in place on a
 * terminal, and a few plain lines (every tenth of the way) when standard error is a log or a pipe.
 */

/** A progress report for `total` files. */
export interface Progress {
  /** One more file is done. */
  tick(file: string): void;
  /** All done: clears the line on a terminal. */
  done(): void;
}

const SILENT: Progress = { tick: () => undefined, done: () => undefined };

/** Reports progress through `write`; `tty` says whether that is a terminal. Small batches stay silent. */
export function progressReport(total: number, write: (s: string) => void, tty: boolean, now: () => number = Date.now): Progress {
  if (total < 2 || (!tty && total < 20)) return SILENT;
  let count = 0;
  let shownAt = 0;
  let lastStep = 0;
  let drawn = false;
  const percent = (): number => Math.floor((count * 100) / total);
  return {
    tick(file) {
      count++;
      if (tty) {
        const t = now();
        if (count < total && t - shownAt < 100) return;
        shownAt = t;
        const name = file.length > 50 ? `…${file.slice(-49)}` : file;
        write(`\r\u001b[2Kcspr-lint: ${count} of ${total} files checked (${percent()}%) ${name}`);
        drawn = true;
        return;
      }
      const step = Math.floor((count * 10) / total);
      if (step > lastStep) {
        lastStep = step;
        write(`cspr-lint: ${count} of ${total} files checked (${percent()}%)\n`);
      }
    },
    done() {
      if (drawn) write('\r\u001b[2K');
    },
  };
}
