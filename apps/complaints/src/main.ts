import 'reflect-metadata';
import { createLogger } from '@aftercare/logging';
import { printServiceSchema, startService } from '@aftercare/service-runtime';
import { complaintsService } from './complaints.service';
import { SlaService } from './sla/sla.service';
import { SlaSweeper } from './sla/sla-sweeper';

/**
 * runServiceMain, plus the SLA sweep: the runtime has no hook for a service's background work yet, so
 * this service starts its own after the service is up and stops it before the service stops.
 */
async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  if (argv.includes('--print-schema')) {
    process.stdout.write(await printServiceSchema(complaintsService));
    return;
  }
  const logger = createLogger(complaintsService.name);
  try {
    const service = await startService(complaintsService, undefined, logger);
    const sweeper = new SlaSweeper(service.container.get(SlaService), logger.child('sla')).start();
    const shutdown = async (signal: string) => {
      logger.info('shutting down', { signal });
      await sweeper.stop();
      await service.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    logger.error('service failed to start', { error });
    process.exit(1);
  }
}

void main();
