/**
 * Every GraphQL operation the explorer sends, in one place. The page is a client of the
 * public API and nothing else: these documents are all it knows about the server, and
 * tests/explore-queries.test.ts validates each one against the printed schema
 * (schema/schema.graphql) and runs it, so a schema change that breaks the page fails a test
 * that names the operation.
 *
 * Written to outlive small schema changes: relationship types (`type`) and stances are read
 * as plain strings and never named in the documents (no enum literals, no variables of enum
 * type); how a type reads and which side it takes come from the vocabulary (`relationTypes`),
 * so a new type changes what the page shows, not its code. Each page of relationships is asked
 * for with `first` at most `PAGE`, which keeps every operation under the API's cost limit.
 *
 * Terms: a *section* is one of the node's relationship lists drawn around it (supporters,
 * opponents, supported, opposed, and all relationships); *head* is what identifies a node
 * anywhere on the page (type name, global id, key, label).
 */

/** Largest page of relationships the explorer asks for at once. */
export const PAGE = 25;

/**
 * The lists of relationships drawn around a node, in the order they are asked for: those of a
 * SUPPORT type pointing at it (its supporters) and from it (what it supported), the same for
 * OPPOSE, and all its relationships. Which types take a side is data (`relationTypes`), so
 * the types are variables, `$support` and `$oppose`, lists of type names.
 */
export const SECTIONS = ['supporters', 'opponents', 'supported', 'opposed', 'relationships'] as const;
export type Section = (typeof SECTIONS)[number];

/** Each section as a field of Node (aliased where it filters `relationships`), without its closing parenthesis. */
const FIELDS: Record<Section, string> = {
  supporters: 'supporters: relationships(types: $support, direction: INCOMING, ',
  opponents: 'opponents: relationships(types: $oppose, direction: INCOMING, ',
  supported: 'supported: relationships(types: $support, direction: OUTGOING, ',
  opposed: 'opposed: relationships(types: $oppose, direction: OUTGOING, ',
  relationships: 'relationships(',
};
const TYPE_VARIABLES: Record<Section, string> = {
  supporters: ', $support: [String!]!',
  opponents: ', $oppose: [String!]!',
  supported: ', $support: [String!]!',
  opposed: ', $oppose: [String!]!',
  relationships: '',
};

const HEAD = /* GraphQL */ `
  fragment ExplorerHead on Node {
    __typename
    id
    key
    label
  }
`;

const REL = /* GraphQL */ `
  fragment ExplorerRel on Relationship {
    type
    direction
    stance
    position
    role
    derived
    other {
      ...ExplorerHead
    }
    via {
      ...ExplorerHead
    }
    evidence {
      start
      end
      text
      article {
        id
      }
    }
  }
  ${HEAD}
`;

const page = /* GraphQL */ `
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ExplorerRel
      }
    }
`;

/** The vocabulary: how each relationship type reads, what it means, and the side it takes. */
export const VOCABULARY = /* GraphQL */ `
  query ExplorerVocabulary {
    relationTypes {
      name
      description
      forward
      reverse
      stance
    }
  }
`;

/** Entities and statements matching what is typed, for the suggestions under a search box. */
export const SUGGEST = /* GraphQL */ `
  query ExplorerSuggest($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      score
      node {
        ...ExplorerHead
        ... on Entity {
          kind
          aliases
        }
      }
    }
  }
  ${HEAD}
`;

/** A node (by global id) with the first page of every section. */
export const NEIGHBOURHOOD = /* GraphQL */ `
  query ExplorerNeighbourhood($id: ID!, $first: Int!, $support: [String!]!, $oppose: [String!]!) {
    node(id: $id) {
      ...ExplorerHead
      ... on Entity {
        kind
      }
      ${SECTIONS.map((s) => `${FIELDS[s]}first: $first) {${page}}`).join('\n      ')}
    }
  }
  ${REL}
`;

/** The next page of one section ("show more"); one operation per section, named after it. */
export const MORE: Record<Section, string> = Object.fromEntries(
  SECTIONS.map((section) => [
    section,
    /* GraphQL */ `
  query ExplorerMore_${section}($id: ID!, $first: Int!, $after: String!${TYPE_VARIABLES[section]}) {
    node(id: $id) {
      id
      ${FIELDS[section]}first: $first, after: $after) {${page}}
    }
  }
  ${REL}
`,
  ]),
) as Record<Section, string>;

/** An entity by key or global id: how a deep link such as `?focus=person:jeremy-corbyn` is read. */
export const ENTITY_ID = /* GraphQL */ `
  query ExplorerEntityId($id: ID!) {
    entity(id: $id) {
      id
    }
  }
`;

/** What the side panel shows about one node: the facts it is, or the facts about it. */
export const DETAILS = /* GraphQL */ `
  query ExplorerDetails($id: ID!) {
    node(id: $id) {
      ...ExplorerHead
      ... on Entity {
        kind
        name
        description
        aliases
        roles(first: 10) {
          totalCount
          edges {
            node {
              ...ExplorerHead
              status
              duration
              in {
                ...ExplorerHead
              }
            }
          }
        }
      }
      ... on Fact {
        article {
          ...ExplorerHead
        }
        evidence {
          start
          end
          text
          article {
            id
          }
        }
      }
      ... on Statement {
        text
        mode
        speaker {
          ...ExplorerHead
        }
        toldTo {
          ...ExplorerHead
        }
        quotes {
          ...ExplorerHead
        }
        madeIn {
          ...ExplorerHead
        }
        about {
          stance
          other {
            ...ExplorerHead
          }
        }
      }
      ... on Vote {
        votesFor
        votesAgainst
        abstentions
        outcome
        body {
          ...ExplorerHead
        }
        motion {
          ...ExplorerHead
        }
        positions {
          position
          other {
            ...ExplorerHead
          }
        }
      }
      ... on Event {
        name
        type
        # Aliased: Role's status is a String, and one selection may not give a field two types.
        eventStatus: status
        date
        description
        partOf {
          ...ExplorerHead
        }
        participants {
          role
          other {
            ...ExplorerHead
          }
        }
      }
      ... on Role {
        title
        status
        duration
        since
        until
        holder {
          ...ExplorerHead
        }
        in {
          ...ExplorerHead
        }
      }
      ... on Motion {
        title
        seeks
        outcome
        proposer {
          ...ExplorerHead
        }
        decidedBy {
          ...ExplorerHead
        }
        target {
          ...ExplorerHead
        }
      }
      ... on Article {
        title
        publisher
        publishedAt
        url
      }
    }
  }
  ${HEAD}
`;

/** An article's text and where its sentences start and end (a page of sentences at a time). */
export const ARTICLE_TEXT = /* GraphQL */ `
  query ExplorerArticleText($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on Article {
        title
        publisher
        publishedAt
        url
        text
        sentences(first: $first, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              index
              start
              end
            }
          }
        }
      }
    }
  }
`;

/** The articles to choose a timeline from, newest first. */
export const ARTICLES = /* GraphQL */ `
  query ExplorerArticles($first: Int!) {
    articles(first: $first) {
      totalCount
      edges {
        node {
          id
          key
          title
          publisher
          publishedAt
        }
      }
    }
  }
`;

/** An article's events in story order, with who took part. */
export const TIMELINE = /* GraphQL */ `
  query ExplorerTimeline($article: ID!, $first: Int!, $after: String) {
    timeline(article: $article, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ExplorerHead
          name
          type
          status
          date
          participants {
            role
            other {
              ...ExplorerHead
            }
          }
        }
      }
    }
  }
  ${HEAD}
`;

/** The shortest chains between two nodes (keys or global ids). */
export const PATH = /* GraphQL */ `
  query ExplorerPath($from: ID!, $to: ID!, $maxHops: Int!, $first: Int!) {
    path(from: $from, to: $to, maxHops: $maxHops, first: $first) {
      length
      nodes {
        ...ExplorerHead
      }
      relationships {
        ...ExplorerRel
      }
    }
  }
  ${REL}
`;

/** Every operation, by name, for the test that checks them against the schema. */
export const OPERATIONS: Record<string, string> = {
  ExplorerVocabulary: VOCABULARY,
  ExplorerSuggest: SUGGEST,
  ExplorerNeighbourhood: NEIGHBOURHOOD,
  ...Object.fromEntries(SECTIONS.map((s) => [`ExplorerMore_${s}`, MORE[s]])),
  ExplorerEntityId: ENTITY_ID,
  ExplorerDetails: DETAILS,
  ExplorerArticleText: ARTICLE_TEXT,
  ExplorerArticles: ARTICLES,
  ExplorerTimeline: TIMELINE,
  ExplorerPath: PATH,
};
