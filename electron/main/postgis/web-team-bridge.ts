import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
// Relative, not #shared: loaded with the Vite config (see web-online-bridge.ts).
import { TeamRequestSchema } from '../../../shared/postgis/team-requests';
import { TeamDatabase } from './team-database';
import { MemoryPasswords } from './keychain-passwords';
import { isSameOriginRequest } from '../same-origin-request';
import { issueProblem, problem } from '../../../shared/messages/problem';
import { wordProblem } from '../../../shared/messages/word-problem';

/** Where the browser build asks for what the desktop app's main process does with the team database. */
const TEAM_BRIDGE_PATH = '/__rumija-host/team';

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The browser build's stand-in for the main process's team database (`npm run web`, the UI tests): the same
 * TeamDatabase and request validation, reached from the page on its own origin. Passwords stay in this server's
 * memory (there is no OS keychain here); the desktop app keeps them with safeStorage.
 */
export function teamBridge(): Plugin {
  // Each page (a desktop, in the tests two of them side by side) has its own connection; passwords are shared
  // memory, as one desktop's keychain would be.
  const passwords = new MemoryPasswords();
  const clients = new Map<string, TeamDatabase>();
  const teamOf = (client: string) => {
    let team = clients.get(client);
    if (!team) {
      if (clients.size >= 50) {
        const [oldest, closing] = clients.entries().next().value!;
        clients.delete(oldest);
        void closing.close();
      }
      clients.set(client, (team = new TeamDatabase(passwords)));
    }
    return team;
  };
  const middleware = async (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (request.url !== TEAM_BRIDGE_PATH) return next();
    if (request.method !== 'POST') return void response.writeHead(405).end();
    if (!isSameOriginRequest(request.headers, 'encrypted' in request.socket))
      return void response.writeHead(403).end('origin');
    let parsed;
    try {
      parsed = TeamRequestSchema.safeParse(await bodyOf(request));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      const detail = parsed?.error.issues
        .map((issue) => `${issue.path.join('.')}: ${wordProblem(issueProblem(issue.message), 'id')}`)
        .join('; ');
      // A refusal for the page's own fetch (a slip in Rumija, not the user's): worded once, in Indonesian.
      response
        .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        .end(wordProblem(problem('host.invalidBody', { detail: detail ?? 'JSON?' }), 'id'));
      return;
    }
    const client = String(request.headers['x-rumija-client'] ?? '');
    if (!/^[0-9a-f-]{36}$/.test(client)) return void response.writeHead(400).end('x-rumija-client');
    const reply = await teamOf(client).handle(parsed.data);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  };
  return {
    name: 'rumija-team-bridge',
    configureServer: (server) => void server.middlewares.use((req, res, next) => void middleware(req, res, next)),
    configurePreviewServer: (server) =>
      void server.middlewares.use((req, res, next) => void middleware(req, res, next)),
  };
}
