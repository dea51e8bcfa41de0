import { createLogger } from '@aftercare/logging';
import { startTracing } from '@aftercare/telemetry';
import { startBackgroundWork } from './background-work';
import { migrateService } from './migrate-service';
import { printServiceSchema, startService } from './start-service';
import type { ServiceDefinition } from './service-definition';

/**
 * The body of every service's main.ts: `--print-schema` writes the subgraph SDL to stdout (what the
 * supergraph is composed from); `--migrate` applies pending migrations and exits (a deployment's migration
 * Job); otherwise the service starts and stops cleanly on SIGINT/SIGTERM.
 */
export async function runServiceMain(definition: ServiceDefinition, argv: string[] = process.argv.slice(2)): Promise<void> {
  if (argv.includes('--print-schema')) {
    process.stdout.write(await printServiceSchema(definition));
    return;
  }
  const logger = createLogger(definition.name);
  if (argv.includes('--migrate')) {
    try {
      const outcome = await migrateService(definition);
      logger.info('migrations applied', { ...outcome });
    } catch (error) {
      // A failed Job stops the rollout before any instance of the new version starts.
      logger.error('migrations failed', { error });
      process.exitCode = 1;
    }
    return;
  }
  // Before anything runs: spans of this process carry the service's name; OTLP export when configured.
  const tracing = startTracing(definition.name);
  try {
    const service = await startService(definition, undefined, logger);
    const background = (definition.background?.(service.container) ?? []).map((work) => startBackgroundWork(work, logger.child(work.name)));
    let stopping = false;
    const shutdown = async (signal: string) => {
      // A second signal while stopping changes nothing: the orderly stop is already under way.
      if (stopping) return;
      stopping = true;
      const started = Date.now();
      logger.info('shutting down', { signal });
      try {
        // Requests in flight finish first, then the work that may still be writing, then what carries events.
        await service.stopServing();
        const servedMs = Date.now() - started;
        await Promise.all(background.map((work) => work.stop()));
        const backgroundMs = Date.now() - started - servedMs;
        await service.stop();
        logger.info('stopped', { signal, servedMs, backgroundMs, totalMs: Date.now() - started });
      } catch (error) {
        logger.error('shutdown failed', { signal, error });
        process.exitCode = 1;
      }
      await tracing.shutdown().catch(() => undefined);
      process.exit();
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    logger.error('service failed to start', { error });
    process.exit(1);
  }
}
