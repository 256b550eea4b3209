// The steps/s readout: a rate over ~2 s of wall time, not between two snapshots.
import { describe, expect, it } from 'vitest';
import { RateWindow } from '../../src/engine/rate';

describe('RateWindow', () => {
  it('smooths chunked progress: bursts of 0 and 6 steps every 100 ms read as a steady 30 steps/s', () => {
    const w = new RateWindow(2000);
    let step = 0;
    const seen: number[] = [];
    for (let i = 1; i <= 100; i++) {
      // Chunks land unevenly: 0, 6, 0, 6 … steps between snapshots (3 per 100 ms on average).
      step += i % 2 ? 0 : 6;
      const r = w.push(i * 100, step);
      if (i * 100 >= 2200) seen.push(r);
    }
    // The raw rate between snapshots would swing between 0 and 60.
    for (const r of seen) {
      expect(r).toBeGreaterThan(27);
      expect(r).toBeLessThan(33);
    }
  });

  it('follows a change of speed within about one window', () => {
    const w = new RateWindow(2000);
    let step = 0;
    let r = 0;
    for (let t = 100; t <= 4000; t += 100) r = w.push(t, (step += 5)); // 50 steps/s
    expect(r).toBeCloseTo(50, 5);
    for (let t = 4100; t <= 6200; t += 100) r = w.push(t, (step += 1)); // 10 steps/s
    expect(r).toBeCloseTo(10, 0);
  });

  it('reads 0 until time has passed, and starts over on reset or a step count that went back', () => {
    const w = new RateWindow(2000);
    expect(w.push(0, 0)).toBe(0);
    expect(w.push(500, 10)).toBe(20);
    w.reset();
    expect(w.push(600, 10)).toBe(0);
    expect(w.push(1600, 30)).toBe(20);
    expect(w.push(1700, 2)).toBe(0);
    expect(w.push(2700, 12)).toBe(10);
  });
});
