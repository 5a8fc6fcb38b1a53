import { ConfigError, loadConfig } from './config';
import { createLogger } from './observability/logger';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const running = await startServer(config, logger);
  logger.info(
    { url: running.url, database: config.databaseUrl ? 'postgres' : 'pglite' },
    'listening',
  );

  // People read these lines, not the JSON log: where to go and how to sign in to the demo.
  const lines = [`Kohtaamo is running at ${running.url}`];
  if (running.demo) {
    lines.push(
      `Demo fair "Cooperation Fair 2021": sign in as ${running.demo.organiserEmail} ` +
        `with the password ${running.demo.password}`,
      `Participants can register at ${running.url}/join/${running.demo.inviteCode}`,
    );
  }
  console.log(`\n${lines.join('\n')}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
