/** Connection strings of the services the global setup found reachable, or undefined. */
export const testDatabaseUrl = process.env.KOHTAAMO_TEST_DATABASE_URL;
export const testRedisUrl = process.env.KOHTAAMO_TEST_REDIS_URL;
