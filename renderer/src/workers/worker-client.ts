import { wrap, type Remote } from 'comlink';

class WorkerFailedError extends Error {}

/**
 * One web worker behind Comlink, with what Comlink lacks: a call whose worker dies (a script that fails to
 * load, an exception outside the handler, out of memory) rejects instead of waiting forever, and the next
 * call starts a fresh worker.
 */
export function createWorkerClient<Api>(name: string, start: () => Worker) {
  let current: { worker: Worker; api: Remote<Api>; failed: Promise<never>; fail: (detail: string) => void } | null =
    null;

  const ensure = () => {
    if (current) return current;
    const worker = start();
    let stop: (detail: string) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      const fail = (detail: string) => {
        if (current?.worker === worker) current = null;
        worker.terminate();
        reject(new WorkerFailedError(`${name}: ${detail}`));
      };
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        fail(event.message || 'worker stopped');
      });
      worker.addEventListener('messageerror', () => fail('message could not be read'));
      stop = fail;
    });
    failed.catch(() => undefined);
    current = { worker, api: wrap<Api>(worker), failed, fail: stop };
    return current;
  };

  return {
    /** Ends the worker now: a call in progress rejects with `detail`, the next call starts a fresh worker. */
    stop(detail: string) {
      current?.fail(detail);
    },
    call<Result>(invoke: (api: Remote<Api>) => Promise<Result>): Promise<Result> {
      const { api, failed } = ensure();
      return Promise.race([invoke(api), failed]);
    },
  };
}
