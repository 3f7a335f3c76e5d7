import type { OpenedFile } from '#shared/host/host-api';

/** Requests for a panel that may not be on screen yet (the menu asks, then the tab opens). */
export interface PanelCommands {
  'open-story': undefined;
  'save-story': undefined;
  present: undefined;
  'story-file': OpenedFile;
  'save-project': undefined;
  'open-project': undefined;
  /** A project file the system handed over (double-click, a second launch): opened as "Open project…" opens one. */
  'project-file': OpenedFile;
  'restore-backup': undefined;
}
type Name = keyof PanelCommands;
type Handler<N extends Name> = (payload: PanelCommands[N]) => void;

const handlers = new Map<Name, Handler<never>>();
const waiting: { name: Name; payload: unknown }[] = [];

/** Runs the panel's handler now, or as soon as the panel has registered it. */
export function requestPanel<N extends Name>(
  name: N,
  ...payload: PanelCommands[N] extends undefined ? [] : [PanelCommands[N]]
) {
  const handler = handlers.get(name) as Handler<N> | undefined;
  if (handler) handler(payload[0] as PanelCommands[N]);
  else waiting.push({ name, payload: payload[0] });
}

export function onPanelRequest<N extends Name>(name: N, handler: Handler<N>): () => void {
  handlers.set(name, handler as Handler<never>);
  for (let index = 0; index < waiting.length;) {
    const request = waiting[index]!;
    if (request.name === name) {
      waiting.splice(index, 1);
      handler(request.payload as PanelCommands[N]);
    } else index++;
  }
  return () => {
    if (handlers.get(name) === (handler as Handler<never>)) handlers.delete(name);
  };
}
