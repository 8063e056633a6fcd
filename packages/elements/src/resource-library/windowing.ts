/**
 * A small windowing renderer: keeps the DOM of a long list to the rows in view, whatever the
 * list's length (10,000 resources render about a screenful of rows). Chosen over
 * `@lit-labs/virtualizer`, whose directive alone is about 8.4 KB gzip, the whole budget of this
 * widget's chunk; rows here have a fixed height set in CSS, which makes the arithmetic exact.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sameRange, windowRange, type WindowMetrics, type WindowRange } from './window-range.js';

/** The scrolling box and the list inside it (a CSS grid whose first element child is a row item). */
export interface WindowElements {
  scroller: HTMLElement;
  list: HTMLElement;
}

/**
 * Renders `range(count)` items of a list inside a scroller: the host puts items `start..end` in
 * the list with `before`/`after` pixels of padding above and below them. The scroller must be
 * positioned (it is the list's offset parent). The controller measures after every update and
 * on scroll and resize, and asks for another update only when the slice changes.
 */
export class WindowController implements ReactiveController {
  private metrics: WindowMetrics = { scrollTop: 0, viewport: 0, offset: 0, pitch: 0, columns: 1 };
  private rendered: WindowRange = { start: 0, end: 0, before: 0, after: 0 };
  private count = 0;
  private pending = false;
  private scroller: HTMLElement | undefined;
  private readonly resizeObserver = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.host.requestUpdate());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly find: () => WindowElements | null,
  ) {
    host.addController(this);
  }

  /** The slice of `count` items to render now. Call it once per render. */
  range(count: number): WindowRange {
    this.count = count;
    return (this.rendered = windowRange(count, this.metrics));
  }

  /** Back to the first row, for a new result set. */
  scrollToStart(): void {
    if (this.scroller) this.scroller.scrollTop = 0;
    this.metrics = { ...this.metrics, scrollTop: 0 };
  }

  hostUpdated(): void {
    const found = this.find();
    if (found?.scroller !== this.scroller) this.attach(found?.scroller);
    if (found) this.measure(found);
  }

  hostDisconnected(): void {
    this.attach(undefined);
  }

  // The page's own scrolling matters too when the box is taller than the window (or has no
  // maximum height at all): only the part inside the window is "in view".
  private attach(scroller: HTMLElement | undefined): void {
    for (const on of [false, true]) {
      const target = on ? scroller : this.scroller;
      if (!target) continue;
      const method = on ? 'addEventListener' : 'removeEventListener';
      for (const source of [target, window]) source[method]('scroll', this.onScroll, { passive: true });
      window[method]('resize', this.onScroll);
      if (on) this.resizeObserver?.observe(target);
      else this.resizeObserver?.unobserve(target);
    }
    this.scroller = scroller;
  }

  private measure({ scroller, list }: WindowElements): void {
    const item = list.firstElementChild as HTMLElement | null;
    const style = getComputedStyle(list);
    this.metrics = {
      ...this.visiblePart(scroller),
      offset: list.offsetTop,
      pitch: item ? item.offsetHeight + (parseFloat(style.rowGap) || 0) : 0,
      // The list is a CSS grid: its resolved tracks are its columns ("none" counts as one).
      columns: style.gridTemplateColumns.split(' ').length,
    };
    this.updateIfMoved();
  }

  /** The part of the box's content in view: inside the box's own viewport and the window's. */
  private visiblePart(scroller: HTMLElement): Pick<WindowMetrics, 'scrollTop' | 'viewport'> {
    const { top } = scroller.getBoundingClientRect();
    const from = Math.max(0, -top);
    const to = Math.min(scroller.clientHeight, (globalThis.innerHeight || scroller.clientHeight) - top);
    return { scrollTop: scroller.scrollTop + from, viewport: Math.max(0, to - from) };
  }

  private readonly onScroll = (): void => {
    if (!this.scroller) return;
    this.metrics = { ...this.metrics, ...this.visiblePart(this.scroller) };
    this.updateIfMoved();
  };

  private updateIfMoved(): void {
    if (sameRange(windowRange(this.count, this.metrics), this.rendered) || this.pending) return;
    // After the current update has finished (a request from inside it would be a nested update),
    // and still before the frame is painted.
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.host.requestUpdate();
    });
  }
}
