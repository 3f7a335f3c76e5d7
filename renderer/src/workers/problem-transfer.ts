import { transferHandlers, type TransferHandler } from 'comlink';
import { ProblemError } from '#shared/messages/problem';

/**
 * Imported by a worker that throws ProblemErrors: Comlink sends a thrown Error as its message, name and stack only,
 * so its Problem is sent along; on the page it arrives as a property of the Error, which `problemOf` reads.
 */
const standard = transferHandlers.get('throw') as TransferHandler<unknown, { isError: boolean; value: object }>;
transferHandlers.set('throw', {
  canHandle: standard.canHandle,
  serialize(thrown) {
    const [wire, transferables] = standard.serialize(thrown);
    const error = (thrown as { value?: unknown }).value;
    if (wire.isError && error instanceof ProblemError) wire.value = { ...wire.value, problem: error.problem };
    return [wire, transferables];
  },
  deserialize: standard.deserialize,
});
