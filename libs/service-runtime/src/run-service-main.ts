import { createLogger } from '@aftercare/logging';
import { startTracing } from '@aftercare/telemetry';
import { startBackgroundWork } from './background-work';
import { printServiceSchema, startService } from './start-service';
import type { ServiceDefinition } from './service-definition';

/**
 * The body of every service's main.ts: `--print-schema` writes the subgraph SDL to stdout (what the
 * supergraph is composed from); otherwise the service starts and stops cleanly on SIGINT/SIGTERM.
 */
export async function runServiceMain(definition: ServiceDefinition, argv: string[] = process.argv.slice(2)): Promise<void> {
  if (argv.includes('--print-schema')) {
    process.stdout.write(await printServiceSchema(definition));
    return;
  }
  const logger = createLogger(definition.name);
  // Before anything runs: spans of this process carry the service's name; OTLP export when configured.
  const tracing = startTracing(definition.name);
  try {
    const service = await startService(definition, undefined, logger);
    const background = (definition.background?.(service.container) ?? []).map((work) => startBackgroundWork(work, logger.child(work.name)));
    const shutdown = async (signal: string) => {
      logger.info('shutting down', { signal });
      await Promise.all(background.map((work) => work.stop()));
      await service.stop();
      await tracing.shutdown().catch(() => undefined);
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    logger.error('service failed to start', { error });
    process.exit(1);
  }
}
