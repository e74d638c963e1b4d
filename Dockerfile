# The fake RD License Server as a container image, for suites in any stack (docs/running-the-fake.md).
#   docker build -t rd-licensing-fake .
#   docker run --rm -p 3990:3990 rd-licensing-fake
# The build stage makes the fake the one way test/package.test.ts checks it: tools/package-fake.cjs
# builds, packs and installs it with --omit=dev into an empty folder, and starts it once. The
# image then holds only that folder: Node, the fake's JavaScript and its runtime dependencies.

FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node tools/package-fake.cjs /opt/rd-licensing-fake

FROM node:24-bookworm-slim
ENV NODE_ENV=production
COPY --from=build /opt/rd-licensing-fake /opt/rd-licensing-fake
WORKDIR /home/node
# Not root: the fake needs no privilege, and a --db file goes in a volume the node user owns.
USER node
EXPOSE 3990
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3990/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# All interfaces inside the container (the port is published to the host); test control stays off
# unless the command asks for it, e.g. --test-control --test-control-token <16+ characters>.
# Requests addressed to the service name need RDL_ALLOWED_HOSTS=<name> (or --allowed-host <name>).
ENTRYPOINT ["/opt/rd-licensing-fake/node_modules/.bin/rd-licensing-fake", "--host", "0.0.0.0", "--port", "3990"]
CMD []
