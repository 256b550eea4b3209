// Steps per second over a window of wall time. Snapshots come every ~100 ms while training runs
// in chunks of up to 64 steps, so the rate between two snapshots jumps (8 … 57 steps/s for a run
// that advances at 21–45): the rate shown is the steps done over the last ~2 s instead.
export interface RateSample {
  time: number;
  step: number;
}

export class RateWindow {
  private samples: RateSample[] = [];

  constructor(readonly windowMs = 2000) {}

  /** Forget the history (training paused or restarted: the gap is not training time). */
  reset(): void {
    this.samples = [];
  }

  /**
   * Records the step count at `time` (ms) and returns steps per second over the window: from the
   * newest sample at least `windowMs` old (or the oldest one there is) to this one. 0 until two
   * samples span some time.
   */
  push(time: number, step: number): number {
    const s = this.samples;
    // A step count that went back (a new run on the same clock) starts the window over.
    if (s.length && (step < s[s.length - 1].step || time < s[s.length - 1].time)) s.length = 0;
    s.push({ time, step });
    // Keep one sample at or beyond the window's start, so the span covers the whole window.
    while (s.length > 2 && s[1].time <= time - this.windowMs) s.shift();
    const first = s[0];
    const span = time - first.time;
    return span > 0 ? ((step - first.step) * 1000) / span : 0;
  }
}
