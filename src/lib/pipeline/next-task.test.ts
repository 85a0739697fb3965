import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';

describe('nextTask()', () => {
  it('lets a message posted to this thread before the call be handled before it resolves', async () => {
    const { port1, port2 } = new MessageChannel();
    const seen: string[] = [];
    port1.onmessage = (event: MessageEvent) => seen.push(String(event.data));
    port2.postMessage('cancel');
    await nextTask();
    seen.push('resumed');
    expect(seen).toEqual(['cancel', 'resumed']);
    port1.close();
  });

  it('lets a message posted from inside a message handler (the poll phase) be handled too', async () => {
    const { port1, port2 } = new MessageChannel();
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      port1.onmessage = async (event: MessageEvent) => {
        seen.push(String(event.data));
        if (event.data !== 'run') return;
        port2.postMessage('cancel'); // arrives while the run works
        await nextTask();
        seen.push('resumed');
        resolve();
      };
    });
    port2.postMessage('run');
    await done;
    expect(seen).toEqual(['run', 'cancel', 'resumed']);
    port1.close();
  });

  it('resolves later than queued microtasks and immediates', async () => {
    const order: string[] = [];
    queueMicrotask(() => order.push('microtask'));
    const waited = nextTask().then(() => order.push('next task'));
    setImmediate(() => order.push('immediate'));
    await waited;
    expect(order).toEqual(['microtask', 'immediate', 'next task']);
  });
});
