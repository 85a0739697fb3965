/**
 * Resolves on a later macrotask, so that messages queued for this thread (a 'cancel', a signal)
 * are handled before work continues. In Node, two `setImmediate` turns: the second is queued while
 * the event loop runs immediates, so it waits for the loop's next poll phase, where worker messages
 * and signal handlers run (one turn alone can fall just after a poll phase that ran before the
 * message came); no MessagePort is made (a run of baselines yields once a fit, 416 times in 52 folds
 * × 8 models, and a channel each cost about 0.05 ms). Elsewhere (browsers) a MessageChannel round
 * trip, which avoids the ≥ 4 ms clamp that nested `setTimeout(0)` calls get.
 * @example await nextTask(); throwIfAborted(signal) // a cancel posted meanwhile has been read
 */
export function nextTask(): Promise<void> {
  if (immediate) return new Promise((resolve) => immediate(() => immediate(resolve)));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Node's `setImmediate` where there is one (read off the global object: the core is typed without Node's globals). */
const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
