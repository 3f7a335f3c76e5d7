/** Messages between the presenting window and the presenter view (notes, next slide) over a BroadcastChannel. */
const PRESENTER_CHANNEL = 'rumija-presenter';

export type PresenterMessage =
  | { type: 'state'; storyId: string; position: number; startedAt: number }
  | { type: 'ended' }
  | { type: 'hello' }
  | { type: 'command'; command: 'next' | 'previous' | 'exit' };

export function openPresenterChannel(onMessage: (message: PresenterMessage) => void) {
  const channel = new BroadcastChannel(PRESENTER_CHANNEL);
  channel.onmessage = (event: MessageEvent<PresenterMessage>) => onMessage(event.data);
  return { post: (message: PresenterMessage) => channel.postMessage(message), close: () => channel.close() };
}
