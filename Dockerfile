# The ledger service. Build stage compiles and keeps only production
# dependencies; the runtime stage carries no compiler and runs unprivileged.

FROM node:20-bookworm AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused while only sources change.
# better-sqlite3 compiles its native module here (the full image has the toolchain).
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
# scripts/ holds the offline tools (projections:rebuild, verify, export, import), usable inside the container; bench/ is not shipped.
COPY scripts ./scripts
# web/ is the analyst UI, built by the same `npm run build` and served by the service at /.
COPY web ./web
RUN npm run build && npm prune --omit=dev

# Same Debian release as the build stage, so the native modules built there load here.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# The image's own unprivileged "node" user; /data is created owned by it so a
# fresh named volume mounted there starts writable.
RUN mkdir -p /data && chown node:node /data
# package.json is needed at run time: its "type": "module" makes dist/ ES modules.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
USER node
EXPOSE 3000
# Node itself (the slim image has no curl). Readiness, not liveness: Docker
# and compose do not restart an unhealthy container, they report it and
# hold back what waits on it (depends_on: service_healthy), so "healthy"
# should mean "send it traffic": the store answers and the read models are
# within READY_MAX_LAG of the log. A replica still catching up (after a
# restore, say) shows unhealthy until it has, without being killed.
# Orchestrators with separate probes (Kubernetes) should use /health/live
# for liveness and /health/ready for readiness; Swarm replaces unhealthy
# tasks, so there point this at /health/live or raise READY_MAX_LAG.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
