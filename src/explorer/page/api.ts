/**
 * The page's one door to the server: POSTs a document from ../queries.ts with its variables
 * to the GraphQL endpoint named in the page's <meta name="graphql-endpoint">, and returns
 * `data` or throws an ApiError carrying the first error's message and code.
 *
 * Answers are kept (up to 200, the oldest dropped first), so going back, or showing a view
 * again, asks nothing twice; the graph only changes when `npm run seed` runs. While the server
 * answers DATABASE_UNAVAILABLE (it is planning its queries after start-up, or Neo4j is away) a
 * request is tried again every few seconds for up to 90 s; a timeout is tried once more; other
 * errors are not.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

const endpoint = document.querySelector<HTMLMetaElement>('meta[name="graphql-endpoint"]')?.content || '/graphql';
const kept = new Map<string, Promise<unknown>>();
const KEEP = 200;

async function send<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} without GraphQL.`, null);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? null);
  if (!body.data) throw new ApiError(`The server answered ${response.status} with no data.`, null);
  return body.data;
}

/** Codes that say "try again later" rather than "this question is wrong". */
const PASSING = new Set(['DATABASE_TIMEOUT', 'REQUEST_TIMEOUT', 'DATABASE_UNAVAILABLE']);
/** How long to keep trying while the server says it is not ready (it plans its queries at start-up). */
const PATIENCE_MS = 90_000;

/** Told each time a request waits to try again. */
export const waiting = new EventTarget();

/** Tries again, a second or two apart, while the server is busy or not ready; other errors at once. */
async function sendPatiently<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await send<T>(query, variables);
    } catch (error) {
      const passing = error instanceof ApiError && error.code !== null && PASSING.has(error.code);
      // A timeout is tried once more only: asking a slow question again and again adds load.
      const again = passing && (error.code === 'DATABASE_UNAVAILABLE' ? Date.now() - started < PATIENCE_MS : attempt < 2);
      if (!again) throw error;
      waiting.dispatchEvent(new Event('waiting'));
      await new Promise((r) => setTimeout(r, Math.min(1000 * attempt, 3000)));
    }
  }
}

export function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const key = JSON.stringify([query, variables]);
  let answer = kept.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = sendPatiently<T>(query, variables);
    kept.set(key, answer);
    answer.catch(() => kept.delete(key));
    if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
  }
  return answer;
}
