# The CPAS dashboard in a container: built from this folder, data in the /data volume.
#   docker build -t cpas .
#   docker run -d --name cpas -p 3000:3000 -v cpas-data:/data -e ORIGIN=https://cpas.example.org --restart unless-stopped cpas
# docs/operations.md, "Running it", says more (not tried here: the project's machines have no
# container engine; each step below is the one `npm ci && npm start` runs).
FROM node:20-bookworm-slim

# better-sqlite3 and @node-rs/argon2 compile or load native code: build tools for the first
RUN apt-get update \
	&& apt-get install -y --no-install-recommends python3 make g++ \
	&& rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json ./
# `npm ci` compiles the message catalogues (the prepare script): they come first
COPY project.inlang/settings.json project.inlang/
COPY messages messages/
# better-sqlite3 from source, against this image's Node and C library
RUN npm_config_build_from_source=better-sqlite3 npm ci
COPY . .
RUN npm run build

# import jobs run the TypeScript sources through tsx in worker threads: src/ and the
# dependencies stay in the image
ENV NODE_ENV=production \
	PORT=3000 \
	HOST=0.0.0.0 \
	DATABASE_PATH=/data/cpas.sqlite \
	CPAS_DEMO=0
RUN mkdir -p /data && chown node:node /data /app
VOLUME /data
USER node
EXPOSE 3000

# /healthz: 200 when the database answers and its migrations are current, else 503
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

CMD ["node", "scripts/start.js"]
