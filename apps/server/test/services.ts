/** Connection strings of the services the global setup found reachable, or undefined. */
export { testDatabaseUrl, testRedisUrl } from '../../../tests/support/services';
