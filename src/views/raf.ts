// Coalesces redraw requests into one per animation frame; the latest data wins.
export interface FrameScheduler<T> {
  schedule(data: T): void;
  cancel(): void;
}

export function frameScheduler<T>(draw: (data: T) => void): FrameScheduler<T> {
  const st: { pending: T | null; handle: number | null } = { pending: null, handle: null };
  const hasRaf = typeof requestAnimationFrame === 'function';
  const run = () => {
    st.handle = null;
    const d = st.pending;
    st.pending = null;
    if (d !== null) draw(d);
  };
  return {
    schedule(data) {
      st.pending = data;
      if (st.handle !== null) return;
      st.handle = hasRaf ? requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
    },
    cancel() {
      if (st.handle !== null) (hasRaf ? cancelAnimationFrame : clearTimeout)(st.handle);
      st.handle = null;
      st.pending = null;
    },
  };
}

/** What every chart returns: data in, a redraw at most once per frame; destroy() removes it. */
export interface ChartView<T> {
  update(d: T): void;
  destroy(): void;
}

/**
 * The chart life cycle shared by the views: update() keeps the data and schedules one redraw per
 * animation frame, a resize redraws the last data, destroy() stops both and removes `root`.
 */
export function liveView<T>(el: HTMLElement, root: { remove(): unknown }, draw: (d: T) => void, onUpdate?: (d: T) => void): ChartView<T> {
  const st: { last: T | null } = { last: null };
  const sched = frameScheduler(draw);
  const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => st.last !== null && sched.schedule(st.last)) : null;
  ro?.observe(el);
  return {
    update(d) {
      st.last = d;
      onUpdate?.(d);
      sched.schedule(d);
    },
    destroy() {
      sched.cancel();
      ro?.disconnect();
      root.remove();
    },
  };
}
