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
