const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids arrive from clients and entity references; a malformed one must read as "not found", not as a
 * database error about uuid syntax.
 */
export function onlyUuids(ids: readonly string[]): string[] {
  return ids.filter((id) => UUID.test(id));
}
