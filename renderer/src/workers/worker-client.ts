import { wrap, type Remote } from 'comlink';
import { problem, ProblemError, type Problem } from '#shared/messages/problem';

/** Names of the app's workers, as `worker.<name>` codes of the problem tables. */
export type WorkerName = 'fileReader' | 'background' | 'analysis' | 'export' | 'project' | 'mapTiles';

/** A worker that stopped (died, or was stopped on purpose): `detail` says why. */
export class WorkerFailedError extends ProblemError {
  constructor(
    worker: WorkerName,
    readonly detail: Problem,
  ) {
    super(problem('worker.failed', { worker: problem(`worker.${worker}`), problem: detail }));
  }
}

/**
 * One web worker behind Comlink, with what Comlink lacks: a call whose worker dies (a script that fails to
 * load, an exception outside the handler, out of memory) rejects instead of waiting forever, and the next
 * call starts a fresh worker.
 */
export function createWorkerClient<Api>(name: WorkerName, start: () => Worker) {
  let current: { worker: Worker; api: Remote<Api>; failed: Promise<never>; fail: (detail: Problem) => void } | null =
    null;

  const ensure = () => {
    if (current) return current;
    const worker = start();
    let stop: (detail: Problem) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      const fail = (detail: Problem) => {
        if (current?.worker === worker) current = null;
        worker.terminate();
        reject(new WorkerFailedError(name, detail));
      };
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        fail(event.message ? problem('message.text', { text: event.message }) : problem('worker.stopped'));
      });
      worker.addEventListener('messageerror', () => fail(problem('worker.unreadableMessage')));
      stop = fail;
    });
    failed.catch(() => undefined);
    current = { worker, api: wrap<Api>(worker), failed, fail: stop };
    return current;
  };

  return {
    /** Ends the worker now: a call in progress rejects with `detail`, the next call starts a fresh worker. */
    stop(detail: Problem) {
      current?.fail(detail);
    },
    call<Result>(invoke: (api: Remote<Api>) => Promise<Result>): Promise<Result> {
      const { api, failed } = ensure();
      return Promise.race([invoke(api), failed]);
    },
  };
}
