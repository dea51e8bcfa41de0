import { createLogger } from '@aftercare/logging';
import { gatewayConfigFrom } from './gateway-config';
import { startGateway } from './gateway-server';

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  try {
    const gateway = await startGateway(gatewayConfigFrom(), logger);
    let stopping = false;
    const shutdown = async (signal: string) => {
      // A second signal while stopping changes nothing: the orderly stop is already under way.
      if (stopping) return;
      stopping = true;
      const started = Date.now();
      logger.info('shutting down', { signal });
      try {
        // Stops accepting, answers the requests in flight, then closes the subgraph connections.
        await gateway.stop();
        logger.info('stopped', { signal, totalMs: Date.now() - started });
      } catch (error) {
        logger.error('shutdown failed', { signal, error });
        process.exitCode = 1;
      }
      process.exit();
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    logger.error('gateway failed to start', { error });
    process.exit(1);
  }
}

void main();
