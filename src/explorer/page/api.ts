/**
 * The page's one door to the server: POSTs a document from ../queries.ts with its variables
 * to the GraphQL endpoint named in the page's <meta name="graphql-endpoint">, and returns
 * `data` or throws an ApiError carrying the first error's message and code.
 *
 * Answers are kept (up to 200, the oldest dropped first), so going back, or showing a view
 * again, asks nothing twice; the graph only changes when `npm run seed` runs. A timeout or an
 * unavailable database is tried once more, a second later; other errors are not.
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

/** One more try, a second later, when the server was only busy. */
const sendTwice = <T>(query: string, variables: Record<string, unknown>) =>
  send<T>(query, variables).catch(async (error: unknown) => {
    if (!(error instanceof ApiError && error.code && PASSING.has(error.code))) throw error;
    await new Promise((r) => setTimeout(r, 1000));
    return send<T>(query, variables);
  });

export function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const key = JSON.stringify([query, variables]);
  let answer = kept.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = sendTwice<T>(query, variables);
    kept.set(key, answer);
    answer.catch(() => kept.delete(key));
    if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
  }
  return answer;
}
