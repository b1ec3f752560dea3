/** A projection or process manager stopped on an event it could not handle: 503 DEGRADED. */
export class Degraded extends Error {
  readonly code = 'DEGRADED';
}
