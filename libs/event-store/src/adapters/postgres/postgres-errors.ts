import { EventStoreError, StorageFault, StoreUnavailable } from '../../port/errors';

/** Node's socket errors: the server is not there, or went away mid-call. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * SQLSTATE classes that mean "not now" rather than "not ever": connection exceptions (08),
 * the server shutting down or starting (57P01-57P03), too many connections (53300), a statement
 * cancelled by its timeout (57014).
 */
function isUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined) {
    if (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code)) return true;
    if (code === '53300' || code === '57014') return true;
  }
  // node-postgres reports a lost connection and its own timeouts without a code.
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed/i.test(
    message,
  );
}

/** Disk trouble under the server, answered 503 with a code an operator acts on. */
function storageFaultOf(error: unknown): StorageFault | null {
  const code = codeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case '53100':
      return new StorageFault(
        'STORAGE_FULL',
        `PostgreSQL reports its disk full (${detail}): free space on the database server.`,
        { cause: error },
      );
    case '25006':
      return new StorageFault(
        'STORAGE_READ_ONLY',
        `PostgreSQL refuses writes (${detail}): point DATABASE_URL at the primary, not a read-only standby.`,
        { cause: error },
      );
    case '58030':
      return new StorageFault(
        'STORAGE_FAILED',
        `PostgreSQL reports an I/O error (${detail}): check the database server's disk.`,
        { cause: error },
      );
    case 'XX001':
    case 'XX002':
      return new StorageFault(
        'STORAGE_CORRUPT',
        `PostgreSQL reports damaged data (${detail}): restore the database from a backup.`,
        { cause: error },
      );
    default:
      return null;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === '23505';
}

/** Turns driver failures into the port's errors; others pass unchanged. */
export function toStoreError(error: unknown): Error {
  if (error instanceof EventStoreError) return error;
  if (isUnavailable(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new StoreUnavailable(`PostgreSQL is unavailable: ${detail}`, { cause: error });
  }
  const fault = storageFaultOf(error);
  if (fault) return fault;
  return error instanceof Error ? error : new Error(String(error), { cause: error });
}
