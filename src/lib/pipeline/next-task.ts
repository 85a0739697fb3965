/**
 * Resolves on a later macrotask, so that messages queued for this thread (a 'cancel') are
 * handled before work continues. A MessageChannel round trip avoids the ≥ 4 ms clamp that
 * nested `setTimeout(0)` calls get.
 * @example await nextTask(); throwIfAborted(signal) // a cancel posted meanwhile has been read
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
