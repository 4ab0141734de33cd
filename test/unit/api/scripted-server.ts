/**
 * A throw-away local HTTP server whose answers each test scripts, so the client is tested without
 * network and without the full mock API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedRequest {
  /** Path without the base path prefix and the leading slash, e.g. `fixtures/events`. */
  endpoint: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Arrival time (ms), for pacing checks. */
  at: number;
  /** 0-based number of this request. */
  index: number;
}

export type Handler = (request: ScriptedRequest, res: http.ServerResponse) => void;

export interface ScriptedServer {
  url: string;
  requests: ScriptedRequest[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler, basePath = ''): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const request: ScriptedRequest = {
      endpoint: path.slice(basePath.length).replace(/^\//, ''),
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      at: Date.now(),
      index: requests.length,
    };
    requests.push(request);
    handler(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers the i-th request with the i-th handler; the last one answers every later request. */
export function script(...handlers: Handler[]): Handler {
  return (request, res) => handlers[Math.min(request.index, handlers.length - 1)]!(request, res);
}

export function sendJson(res: http.ServerResponse, body: unknown, status = 200, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

interface EnvelopeOptions {
  errors?: unknown;
  paging?: { current: number; total: number };
}

/** The six-key envelope the API answers with, echoing the request's parameters as it does. */
export function envelope(request: ScriptedRequest, response: unknown, options: EnvelopeOptions = {}): Record<string, unknown> {
  const parameters = Object.keys(request.query).length === 0 ? [] : request.query;
  return {
    get: request.endpoint,
    parameters,
    errors: options.errors ?? [],
    results: Array.isArray(response) ? response.length : 1,
    paging: options.paging ?? { current: 1, total: 1 },
    response,
  };
}

export const COUNTRY = { name: 'USA', code: 'US', flag: 'https://media.api-sports.io/flags/us.svg' };

/** A successful `/countries` answer: the smallest valid envelope to script around. */
export function ok(headers: http.OutgoingHttpHeaders = {}): Handler {
  return (request, res) => sendJson(res, envelope(request, [COUNTRY]), 200, headers);
}

export function apiError(errors: Record<string, string>, status = 200): Handler {
  return (request, res) => sendJson(res, envelope(request, [], { errors }), status);
}

export function httpStatus(status: number, body: unknown = { message: 'Something went wrong while fetching details. Try again later.' }): Handler {
  return (_request, res) => sendJson(res, body, status);
}

/** A 200 whose JSON stops half-way, as a cut connection behind a proxy can produce. */
export const truncated: Handler = (request, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(envelope(request, [COUNTRY])).slice(0, 40));
};

/** Never answers: the client's timeout has to fire. */
export const hang: Handler = () => undefined;

export const reset: Handler = (_request, res) => {
  res.socket?.destroy();
};
