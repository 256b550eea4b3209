// A view's width without forcing a layout on every redraw: el.clientWidth is read once, then kept
// up to date by a ResizeObserver. Reading clientWidth while the page has pending DOM changes makes
// the browser lay the whole page out in the middle of the script (the what-if page redraws three
// charts per slider move; that forced layout was most of its redraw time).
export interface WidthTracker {
  width(): number;
  stop(): void;
}

export function trackWidth(el: HTMLElement): WidthTracker {
  const st = { w: el.clientWidth };
  const ro = typeof ResizeObserver === 'function'
    ? new ResizeObserver((entries) => {
        for (const e of entries) st.w = e.contentRect.width;
      })
    : null;
  ro?.observe(el);
  return {
    // Until the first layout (0), fall back to reading it.
    width: () => (st.w > 0 ? st.w : (st.w = el.clientWidth)),
    stop: () => ro?.disconnect(),
  };
}
