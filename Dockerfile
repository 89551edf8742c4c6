# The GraphQL server, run from its TypeScript sources with tsx (a runtime dependency).
# It talks to the Neo4j named by NEO4J_URI (see docker-compose.yml); the local Neo4j
# launcher under neo4j-local/ is for machines without Docker and is not part of the image.

# Production dependencies only, installed in their own stage so npm's cache stays out of
# the final image.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# The explorer's page, bundled ahead with esbuild (a dev dependency the image leaves out).
FROM node:20-bookworm-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci
COPY src ./src
COPY scripts ./scripts
RUN npm run build:explorer

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
# Read at run time: src (the code), cypher (every query), seeds (loaded into an empty
# database), examples (the GraphiQL tabs). schema holds the printed SDL and seed format.
COPY src ./src
COPY cypher ./cypher
COPY seeds ./seeds
COPY examples ./examples
COPY schema ./schema
COPY --from=explorer /app/dist/explorer ./dist/explorer

# The files stay root-owned and read-only to the app; tsx writes its cache under /tmp.
USER node
EXPOSE 4000

# Slim images ship neither curl nor wget; node's own fetch asks /health.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node itself is PID 1 (no npm in between), so `docker stop`'s SIGTERM reaches the
# handler in src/main.ts, which drains requests and closes the driver.
CMD ["node", "--import", "tsx", "src/main.ts"]
