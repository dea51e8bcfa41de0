/**
 * Retries an assertion until it passes or the time is up; for effects that travel through Kafka.
 * The last failure is rethrown, so a timeout reads like the assertion that never held.
 */
export async function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 20000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
