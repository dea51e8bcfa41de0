import { unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@aftercare/logging';

/** Polling rather than inotify: it also sees the file replaced by a deploy or a bind mount. */
const WATCH_INTERVAL_MS = 500;

/**
 * Serves the checked-in, composed supergraph and swaps it in when the file changes, without a restart.
 * A file that does not validate is refused and the gateway keeps serving the previous supergraph.
 */
export function supergraphFromFile(path: string, logger: Logger, onLoaded: (sdl: string) => void): SupergraphSdlHook {
  return async ({ update }) => {
    const initial = await readFile(path, 'utf8');
    onLoaded(initial);
    let current = initial;
    watchFile(path, { interval: WATCH_INTERVAL_MS }, async () => {
      try {
        const next = await readFile(path, 'utf8');
        if (next === current) return;
        update(next);
        current = next;
        onLoaded(next);
        logger.info('supergraph reloaded', { path });
      } catch (error) {
        logger.error('supergraph change refused; still serving the previous one', { path, error });
      }
    });
    return {
      supergraphSdl: initial,
      cleanup: async () => unwatchFile(path),
    };
  };
}
