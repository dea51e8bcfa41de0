import { createLogger } from '@aftercare/logging';
import { gatewayConfigFrom } from './gateway-config';
import { startGateway } from './gateway-server';

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  try {
    const gateway = await startGateway(gatewayConfigFrom(), logger);
    const shutdown = async (signal: string) => {
      logger.info('shutting down', { signal });
      await gateway.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    logger.error('gateway failed to start', { error });
    process.exit(1);
  }
}

void main();
