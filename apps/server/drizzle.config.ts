import { defineConfig } from 'drizzle-kit';

// Generates versioned SQL migrations from the schema; no database connection is needed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './src/store/migrations',
});
