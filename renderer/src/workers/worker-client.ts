import { wrap, type Remote } from 'comlink';

export class WorkerFailedError extends Error {}

/**
 * One web worker behind Comlink, with what Comlink lacks: a call whose worker dies (a script that fails to
 * load, an exception outside the handler, out of memory) rejects instead of waiting forever, and the next
 * call starts a fresh worker.
 */
export function createWorkerClient<Api>(name: string, start: () => Worker) {
  let current: { worker: Worker; api: Remote<Api>; failed: Promise<never> } | null = null;

  const ensure = () => {
    if (current) return current;
    const worker = start();
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
    });
    failed.catch(() => undefined);
    current = { worker, api: wrap<Api>(worker), failed };
    return current;
  };

  return {
    call<Result>(invoke: (api: Remote<Api>) => Promise<Result>): Promise<Result> {
      const { api, failed } = ensure();
      return Promise.race([invoke(api), failed]);
    },
  };
}
