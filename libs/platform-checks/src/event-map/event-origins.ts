/**
 * Consumed events that no service of the platform publishes, each marked on purpose. The event-map test fails
 * for any other consumed event without a producer, and for a mark that is no longer true.
 */

/** Published by a system outside the platform (type → who publishes it). */
export const EXTERNAL_EVENTS: Readonly<Record<string, string>> = {};

/**
 * Not produced yet by the service that owns it, because that service is still being written
 * (type → the owning service). Emptied as the producers land: a mark on an event that is now published fails.
 */
export const PLANNED_EVENTS: Readonly<Record<string, string>> = {};
