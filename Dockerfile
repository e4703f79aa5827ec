# Podium: one image, one process (Next.js + the sync server on one port).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Publishing to git (server/publishing) runs the git CLI.
RUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates && rm -rf /var/lib/apt/lists/*
# Dependencies first, for the layer cache; their install scripts run once the sources are in.
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --ignore-scripts
COPY . .
# What `npm install` would have run: dependencies' install scripts, the Prisma client, the
# self-hosted reveal.js/KaTeX/font assets and the deck frame bundle; then the web app.
RUN npm rebuild \
 && node scripts/prisma-generate.mjs \
 && node scripts/build-vendor-assets.mjs \
 && npx next build \
 && node scripts/build-server.mjs \
 && chown -R node:node .next
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
EXPOSE 3000
USER node
CMD ["node", "--enable-source-maps", "dist/server/main.mjs"]
