/**
 * Refuses request bodies larger than a limit before reading them.
 *
 * Contract: `useBodyLimit({ maxBytes = 65536, largerFor })` answers a request whose Content-Length
 * exceeds `maxBytes` (or `largerFor(request)`, when it gives a number) with HTTP 413 and a JSON error (code BAD_USER_INPUT), and a body sent
 * without a length (chunked) with HTTP 411, so no body of unknown size is ever buffered.
 * Node's HTTP server already caps URL and headers (16 KiB), which bounds GET requests.
 */
import type { Plugin } from 'graphql-yoga';

export interface BodyLimitOptions {
  /** Largest accepted body in bytes (default 64 KiB: queries are small; variables too). */
  maxBytes?: number;
  /** A larger limit for some requests (those with a valid write credential: an article and its graph), or null for `maxBytes`. */
  largerFor?: (request: Request) => number | null;
}

const refuse = (status: number, message: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

export function useBodyLimit({ maxBytes: defaultMax = 64 * 1024, largerFor = () => null }: BodyLimitOptions = {}): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
      const maxBytes = largerFor(request) ?? defaultMax;
      const length = request.headers.get('content-length');
      if (length === null) {
        if (request.headers.get('transfer-encoding')) endResponse(refuse(411, 'Send the request body with a Content-Length.'));
        return;
      }
      if (!/^\d+$/.test(length) || Number(length) > maxBytes)
        endResponse(refuse(413, `The request body is larger than ${maxBytes} bytes.`));
    },
  };
}
