import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { checkEquivalence, dataOf, requestBody, type ServerName } from '../bench/equivalence.js';
import {
  depth,
  operationNames,
  operations,
  sampleVariables,
  type OperationName,
  type Samples,
  type Variables,
} from '../bench/operations.js';
import { createPeerApp } from '../bench/peer-server.js';
import { createRawAnswerer } from '../bench/raw-server.js';
import { createYogaBaselineApp } from '../bench/yoga-server.js';
import { appFor, openDb, resetDb, seedFirstArticle } from './helpers.js';

const db = openDb();
const ours = appFor(db);
const raw = createRawAnswerer({ driver: db.driver, database: db.database });
const yoga = createYogaBaselineApp(db);
const n = inject('neo4j');
const peerDriver = neo4j.driver(n.uri, n.password ? neo4j.auth.basic(n.user, n.password) : undefined);
let peer: Awaited<ReturnType<typeof createPeerApp>>;
let samples: Samples;

// The four servers in-process: ours, the peer and the yoga baseline through yoga's `fetch`, raw through its answerer.
async function ask(server: ServerName, op: OperationName, variables: Variables): Promise<unknown> {
  const body = requestBody(server, op, variables);
  if (server === 'raw') {
    const r = await raw(body);
    return dataOf(server, r.status, r.body);
  }
  const res = await (server === 'ours' ? ours : server === 'yoga' ? yoga : peer).fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return dataOf(server, res.status, await res.text());
}

beforeAll(async () => {
  await resetDb(db);
  await seedFirstArticle(db);
  peer = await createPeerApp({ driver: peerDriver, database: n.database });
  samples = await sampleVariables(db.driver, db.database, 1, { size: 12, hubs: 4 });
});
afterAll(async () => {
  await peerDriver.close();
  await db.close();
});

describe('benchmark equivalence on the real article', () => {
  it('samples variables for every operation from the database', () => {
    for (const op of operationNames) expect(samples[op].length, op).toBe(12);
    expect(samples.supporters[0]).toEqual({ id: 'person:jeremy-corbyn' });
  });

  it('gets the same answers from this server, the raw driver, @neo4j/graphql and the yoga baseline for every operation', async () => {
    const { checked, differences, failures } = await checkEquivalence({ ask, samples, perOp: 3 });
    expect(failures).toEqual([]);
    expect(differences).toEqual([]);
    expect(checked).toBe(15);
  });

  it('answers the README example the same way on all four servers', async () => {
    const variables = { id: 'person:jeremy-corbyn' };
    const data = (await ask('ours', 'supporters', variables)) as any;
    expect(data.entity.supporters.totalCount).toBe(9);
    // Facts first, in article order (the motion's wording supports him), then actors by key.
    expect(data.entity.supporters.edges[0].node).toMatchObject({
      other: { label: 'Motion to restore the Labour whip to Jeremy Corbyn' },
      via: { label: expect.stringContaining('disbarred') },
    });
    expect(data.entity.supporters.edges[0].node.evidence[0]).toEqual({ text: 'It claimed that Corbyn', start: 2031, end: 2053 });
    expect(operations.supporters.normalise(await ask('raw', 'supporters', variables))).toEqual(operations.supporters.normalise(data));
    expect(await ask('yoga', 'supporters', variables)).toEqual(data);
    expect(operations.supporters.normalise(operations.supporters.fromPeer(await ask('peer', 'supporters', variables)))).toEqual(
      operations.supporters.normalise(data),
    );
  });

  it('measures depth as nested fields with selections', () => {
    expect(depth(operations.entityWithRoles.query)).toBe(5);
    expect(depth(operations.supporters.query)).toBe(5);
    expect(depth(operations.path.query)).toBe(2);
  });
});
