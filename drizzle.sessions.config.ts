import { defineConfig } from 'drizzle-kit';

/** The sessions database (src/lib/server/db/sessions-db.ts): `npm run db:generate:sessions`. */
export default defineConfig({
	schema: './src/lib/server/db/sessions-schema.ts',
	out: './drizzle/sessions',
	dialect: 'sqlite',
	strict: true,
	verbose: true
});
