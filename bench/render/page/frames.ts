/**
 * Timing "painted" in the page. A measurement starts inside a `requestAnimationFrame` callback
 * (the start of a frame) and ends in a message posted after the frame that first shows the
 * result has run style, layout and paint. When the work completes within the starting frame, the
 * figure is its whole main-thread cost; when it needs a later frame, the figure includes the wait
 * for that frame, as the reader experiences it.
 * @module
 */

/** A measured change: milliseconds from the start to the end of the paint, and the frames it took. */
export interface Painted {
  ms: number;
  /** 1 when the result was painted in the frame the work started in. */
  frames: number;
  /** Requests the backend answered between the start and the paint. */
  requests: number;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves right after the current task and the rendering it feeds (a message, unlike a timer, is never clamped). */
const afterRendering = () =>
  new Promise<number>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(performance.now());
    };
    channel.port2.postMessage(null);
  });

/** Waits until a frame has been painted (the page is idle between measurements). */
export async function settle(frames = 2): Promise<void> {
  for (let i = 0; i < frames; i += 1) await nextFrame();
  await afterRendering();
}

/**
 * Runs `kick` at the start of a frame and measures until the first frame in which `ready()`
 * holds has been painted, counting the backend's `requests()` meanwhile. Fails after `timeoutMs`.
 *
 * Two animation-frame callbacks registered together run in the same frame, and the microtask
 * checkpoint after the first drains every promise chain `kick` started (the in-memory backend,
 * the client, Lit's update) before the second one looks. So the second sees exactly what the
 * starting frame will paint, without the harness spinning.
 */
export async function measurePainted(kick: () => unknown, ready: () => boolean, requests: () => number, timeoutMs = 20_000): Promise<Painted> {
  await settle(1);
  return new Promise<Painted>((resolve, reject) => {
    let start = 0;
    let frames = 1;
    let before = 0;
    const finish = async () => resolve({ ms: (await afterRendering()) - start, frames, requests: requests() - before });
    requestAnimationFrame(() => {
      start = performance.now();
      before = requests();
      try {
        void kick();
      } catch (error) {
        reject(error);
      }
    });
    const check = () => {
      if (ready()) {
        void finish();
      } else if (performance.now() - start > timeoutMs) {
        reject(new Error(`not ready after ${timeoutMs} ms`));
      } else {
        // Not shown yet: look again at the start of the next frame, before its rendering.
        frames += 1;
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}

/** Long tasks (over 50 ms) and frame gaps while `target` scrolls `distance` pixels over `frames` frames. */
export interface ScrollProbe {
  frames: number;
  distance: number;
  longTasks: number;
  longestTaskMs: number;
  /** The longest time between two consecutive frames while scrolling. */
  longestFrameMs: number;
}

/** Scrolls `target` step by step, one step per frame, while a `longtask` observer counts. */
export async function probeScroll(target: Element | Window, distance: number, frames: number): Promise<ScrollProbe> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  await settle();
  const step = distance / frames;
  let previous = await nextFrame();
  let longestFrame = 0;
  for (let i = 0; i < frames; i += 1) {
    if (target instanceof Window) target.scrollBy(0, step);
    else target.scrollTop += step;
    const now = await nextFrame();
    longestFrame = Math.max(longestFrame, now - previous);
    previous = now;
  }
  await settle();
  // Entries of the last frames are delivered asynchronously.
  for (const entry of observer.takeRecords()) tasks.push(entry.duration);
  observer.disconnect();
  return { frames, distance, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks), longestFrameMs: longestFrame };
}

/** Event Timing entries (durations from input to next paint) of at least 16 ms, while `work` runs. */
export async function slowEvents(work: () => Promise<void>): Promise<{ count: number; longestMs: number; types: string[] }> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  await work();
  await settle(3);
  entries.push(...observer.takeRecords());
  observer.disconnect();
  return { count: entries.length, longestMs: Math.max(0, ...entries.map((e) => e.duration)), types: [...new Set(entries.map((e) => e.name))] };
}
