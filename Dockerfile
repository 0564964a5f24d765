# syntax=docker/dockerfile:1
#
# One image for every deployable. A service runs from its TypeScript sources:
#
#   node -r ./infra/register.cjs apps/<service>/src/main.ts
#
# infra/register.cjs compiles each file on load with @swc/core, so there is no build step and no dist/.
# Choose the service with SERVICE (`docker run -e SERVICE=gateway serviceops`), or give the command
# yourself as docker-compose.yml and k8s/ do.
#
#   docker build -t serviceops .

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Every dependency, dev ones included. @swc/core, which the register hook needs at run time, is a
#    devDependency, so `npm ci --omit=dev` would leave the hook without its compiler.
#    Install scripts are skipped: the compiler's native binary comes as an optional dependency
#    (@swc/core-linux-*), and the scripts that exist only fetch or check test and build tools.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts \
 || npm install --no-audit --no-fund --ignore-scripts

# 2. Production dependencies only, plus @swc/* (the compiler, its helpers and its platform binary):
#    this drops the test servers, linters and type checker (hundreds of MB).
FROM deps AS runtime-deps
RUN cp -a node_modules/@swc /tmp/swc \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@swc \
 && mv /tmp/swc node_modules/@swc

# 3. The runtime: sources owned by root and read-only to the unprivileged `node` user (uid 1000),
#    so the container also runs with a read-only root filesystem.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY package.json ./
COPY infra/register.cjs ./infra/register.cjs
COPY libs ./libs
COPY apps ./apps
# Compile every source once, into node_modules/.cache: containers then start without loading the compiler.
RUN node -e "console.log('compiled', require('./infra/register.cjs').warm(['apps', 'libs']), 'files')"
USER node
# Gateway: REST 3000, public gRPC 50050. Each service: its GRPC_PORT and HTTP_PORT (health, metrics), as
# libs/contracts/src/service-config.ts sets them.
EXPOSE 3000 50050 50051 50052 50053 3101 3102 3103 50054 3104 50055 3105 50056 3106
# `exec` so that node is the process that receives SIGTERM and shuts down cleanly.
CMD ["sh", "-c", "exec node -r ./infra/register.cjs \"apps/${SERVICE:?set SERVICE to a folder of apps/, e.g. tenancy or gateway}/src/main.ts\""]
