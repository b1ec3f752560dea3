# syntax=docker/dockerfile:1
# One image for the API, the worker and the CLI; docker-compose.yml picks the entry point.

# Node 24 LTS, pinned to a release so a rebuild months later runs what was tested; raise it on
# purpose (and run the tests) when a new 24.x brings fixes.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

# --- build: compile TypeScript and the native better-sqlite3 addon -------------------------------
FROM ${NODE_IMAGE} AS build
# better-sqlite3 has no prebuilt binary we can rely on, so node-gyp compiles it from source.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first, so a code change does not redo the ~100 s native build.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# Build all three apps, then drop dev dependencies; the compiled addon stays in node_modules.
RUN npm run build && npm prune --omit=dev

# --- runtime: production dependencies and compiled output only ----------------------------------
# Same base as the build stage, so the addon matches this glibc and Node ABI.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    BRANCHFLOW_DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The read models (SQLite) live here, and the events too when neither DATABASE_URL nor
# EVENTSTORE_CONNECTION_STRING is set.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# Node runs as PID 1; the apps handle SIGTERM themselves (enableShutdownHooks) and close the store.
CMD ["node", "dist/apps/api/src/main.js"]
