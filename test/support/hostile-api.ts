/**
 * A hostile API-Football: a proxy in front of the mock whose rules rewrite chosen answers into the
 * malformed, duplicated, huge or adversarial ones a real server (or a man in the middle) can send.
 * Requests no rule matches pass through unchanged, quota headers included.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostileRequest {
  endpoint: string;
  query: Record<string, string>;
  /** 0-based number of this request to the proxy */
  index: number;
}

export interface Upstream {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** What a rule answers: a body (text or bytes) with a status, or full control of the response. */
export type Answer = { status?: number; headers?: Record<string, string>; body: string | Buffer } | { raw: (res: http.ServerResponse) => void };

export interface Rule {
  /** which requests; all of them when absent */
  match?: (request: HostileRequest) => boolean;
  /** answers this many matching requests, then retires (default: every one) */
  times?: number;
  answer: (upstream: Upstream, request: HostileRequest) => Answer;
}

export interface HostileApi {
  url: string;
  requests: HostileRequest[];
  /** adds a rule; the newest matching rule wins */
  add(rule: Rule): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startHostileApi(upstreamUrl: string): Promise<HostileApi> {
  const rules: Array<Rule & { used: number }> = [];
  const requests: HostileRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hostile.invalid');
    const request: HostileRequest = { endpoint: url.pathname.replace(/^\/+/, ''), query: Object.fromEntries(url.searchParams), index: requests.length };
    requests.push(request);
    const rule = [...rules].reverse().find((r) => (r.times === undefined || r.used < r.times) && (r.match?.(request) ?? true));
    try {
      const upstream = await fetch(`${upstreamUrl}${url.pathname}${url.search}`, { headers: pick(req.headers, ['x-apisports-key', 'x-rapidapi-key', 'x-rapidapi-host']) });
      const answer: Upstream = { status: upstream.status, headers: Object.fromEntries(upstream.headers), text: await upstream.text() };
      if (!rule) return send(res, { status: answer.status, headers: answer.headers, body: answer.text });
      rule.used += 1;
      const out = rule.answer(answer, request);
      if ('raw' in out) return out.raw(res);
      send(res, { status: out.status ?? answer.status, headers: { ...quotaHeaders(answer.headers), ...out.headers }, body: out.body });
    } catch (err) {
      if (!res.headersSent) res.writeHead(502).end(String(err));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    add: (rule) => void rules.push({ ...rule, used: 0 }),
    clear: () => void rules.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, answer: { status: number; headers: Record<string, string>; body: string | Buffer }): void {
  const { 'content-length': _length, 'transfer-encoding': _encoding, 'content-encoding': _coding, connection: _connection, 'keep-alive': _keepAlive, ...headers } = answer.headers;
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  res.writeHead(answer.status, { 'content-type': 'application/json', ...headers, 'content-length': String(body.length) });
  res.end(body);
}

function pick(headers: http.IncomingHttpHeaders, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

function quotaHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('x-ratelimit')));
}

/** Parses the upstream envelope, lets `edit` change it (or return a replacement), and serialises it. */
export function editJson(edit: (body: any, request: HostileRequest) => unknown): Rule['answer'] { // eslint-disable-line @typescript-eslint/no-explicit-any
  return (upstream, request) => {
    const body = JSON.parse(upstream.text);
    const edited = edit(body, request);
    return { body: typeof edited === 'string' ? edited : JSON.stringify(edited ?? body) };
  };
}

/** Requests of one endpoint (and, optionally, with a parameter present). */
export function on(endpoint: string, parameter?: string): (request: HostileRequest) => boolean {
  return (request) => request.endpoint === endpoint && (parameter === undefined || parameter in request.query);
}
