import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageFault, StoreUnavailable, type StorageFaultCode } from '../../port/errors';

/** What went wrong with a file, in words an operator acts on. */
interface Fault {
  readonly code: StorageFaultCode;
  readonly problem: string;
  readonly remedy: string;
}

const RESTORE = 'restore it from a backup';

/**
 * SQLite's primary result codes that mean the disk, the file or the memory SQLite runs in is in
 * trouble, not our code: an operator must act. Extended codes (SQLITE_IOERR_WRITE,
 * SQLITE_READONLY_DBMOVED, ...) share their primary's meaning.
 */
const BY_PRIMARY_CODE: Readonly<Record<string, Fault>> = {
  SQLITE_FULL: { code: 'STORAGE_FULL', problem: 'the disk is full', remedy: 'free space on it, then retry' },
  SQLITE_READONLY: {
    code: 'STORAGE_READ_ONLY',
    problem: 'the file is read-only for this process',
    remedy: 'make the file, its -wal and -shm files and its directory writable, then retry',
  },
  SQLITE_IOERR: {
    code: 'STORAGE_FAILED',
    problem: 'the disk reported an I/O error',
    remedy: 'check the disk and the system log, then retry',
  },
  SQLITE_CANTOPEN: {
    code: 'STORAGE_FAILED',
    problem: 'the file cannot be opened',
    remedy: 'check that the file and its directory exist and are accessible to this process',
  },
  SQLITE_PERM: {
    code: 'STORAGE_FAILED',
    problem: 'the operating system denied the access the file needs',
    remedy: 'check the permissions of the file, its -wal and -shm files and its directory, then retry',
  },
  SQLITE_NOLFS: {
    code: 'STORAGE_FAILED',
    problem: 'the file system cannot hold a file this large',
    remedy: 'move the data directory to a file system that supports large files',
  },
  SQLITE_NOMEM: {
    code: 'STORAGE_FAILED',
    problem: 'SQLite ran out of memory',
    remedy: 'give the process more memory, then retry',
  },
  SQLITE_NOTADB: { code: 'STORAGE_CORRUPT', problem: 'the file is not a SQLite database', remedy: RESTORE },
  SQLITE_CORRUPT: { code: 'STORAGE_CORRUPT', problem: 'the file is damaged', remedy: RESTORE },
};

/**
 * Primary codes that a retry shortly after may not meet: another connection held a lock past
 * busy_timeout (BUSY, LOCKED), or this one lost a race for the WAL's locks (PROTOCOL, which
 * SQLite documents as retryable).
 */
const CONTENTION = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_PROTOCOL']);

/** Extended codes whose cause is more precise than their primary's. */
const BY_EXTENDED_CODE: Readonly<Record<string, Fault>> = {
  // The path now names another file, or none: SQLite refuses to write to the orphaned one.
  SQLITE_READONLY_DBMOVED: {
    code: 'STORAGE_READ_ONLY',
    problem: 'the file was moved or deleted while it was open',
    remedy: 'put it back, or restart to open the file now at that path',
  },
};

/** How an operator names the file in messages, e.g. `SQLite event store` and its path. */
export interface FaultSubject {
  readonly what: string;
  /** Unknown when only the driver's error is at hand. */
  readonly file?: string;
  /** A better remedy than the default for some codes, e.g. "rebuild it" for derived data. */
  readonly remedies?: Partial<Record<StorageFaultCode, string>>;
}

export type FaultAction = 'open' | 'append' | 'read' | 'write' | 'use';

/**
 * SQLite's extended result code of a driver error. Errors are told apart by code rather than by
 * class, so an error from another copy or release of the driver module still counts.
 */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

function primaryOf(code: string): string {
  return /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
}

function faultOfCode(code: string): Fault | undefined {
  return BY_EXTENDED_CODE[code] ?? BY_PRIMARY_CODE[primaryOf(code)];
}

function nameOf(subject: FaultSubject): string {
  return subject.file === undefined ? `the ${subject.what}` : `the ${subject.what} ${subject.file}`;
}

function sentence(action: FaultAction, subject: FaultSubject, problem: string, remedy: string): string {
  const name = nameOf(subject);
  switch (action) {
    case 'open':
      return `Cannot open ${name}: ${problem}; ${remedy}.`;
    case 'append':
      return `Nothing was appended to ${name}: ${problem}; ${remedy}.`;
    case 'read':
      return `Cannot read ${name}: ${problem}; ${remedy}.`;
    case 'write':
      return `${capitalised(name)} cannot be written: ${problem}; ${remedy}.`;
    case 'use':
      return `${capitalised(name)} failed: ${problem}; ${remedy}.`;
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function faultFor(fault: Fault, detail: string, action: FaultAction, subject: FaultSubject, cause: unknown) {
  const remedy = subject.remedies?.[fault.code] ?? fault.remedy;
  return new StorageFault(fault.code, sentence(action, subject, `${fault.problem} (${detail})`, remedy), { cause });
}

/**
 * The StorageFault a driver error stands for, or undefined when the error is not about the disk
 * or the file (a bug, a constraint, contention). Errors are told apart by SQLite's result code
 * rather than by class, so an error from another copy or release of the driver module counts.
 */
export function storageFaultOf(error: unknown, action: FaultAction, subject: FaultSubject): StorageFault | undefined {
  if (error instanceof StorageFault) return error;
  const code = sqliteCode(error);
  const fault = code === undefined ? undefined : faultOfCode(code);
  return fault && code ? faultFor(fault, code, action, subject, error) : undefined;
}

/**
 * The port's error a driver error stands for: trouble with the disk or the file a StorageFault,
 * contention a caller may retry a StoreUnavailable (both answered 503); undefined for the rest
 * (a bug, a constraint). One table for every SQLite file, so they all answer the same codes alike.
 */
export function storeErrorOf(
  error: unknown,
  action: FaultAction,
  subject: FaultSubject,
): StorageFault | StoreUnavailable | undefined {
  const fault = storageFaultOf(error, action, subject);
  if (fault) return fault;
  const code = sqliteCode(error);
  if (code === undefined || !CONTENTION.has(primaryOf(code))) return undefined;
  return new StoreUnavailable(`${capitalised(nameOf(subject))} is busy (${code}).`, { cause: error });
}

/**
 * Why a file could not be opened, looked at more closely than SQLite says: SQLITE_CANTOPEN and
 * SQLITE_READONLY at open mostly mean that this process may not write the file or its directory
 * (SQLite keeps `-wal` and `-shm` files beside it), and saying which saves an operator a search.
 */
export function openFault(error: unknown, subject: FaultSubject & { readonly file: string }): StorageFault | undefined {
  const code = sqliteCode(error);
  if (code?.startsWith('SQLITE_CANTOPEN') || code?.startsWith('SQLITE_READONLY')) {
    const found = accessProblem(subject.file);
    if (found) return faultFor(found, code, 'open', subject, error);
  }
  return storageFaultOf(error, 'open', subject);
}

function accessProblem(file: string): Fault | undefined {
  const directory = dirname(file);
  const readOnly = (problem: string): Fault => ({
    code: 'STORAGE_READ_ONLY',
    problem,
    remedy: BY_PRIMARY_CODE.SQLITE_READONLY?.remedy ?? '',
  });
  try {
    if (statSync(file).isDirectory()) {
      return {
        code: 'STORAGE_FAILED',
        problem: 'it is a directory, not a file',
        remedy: 'remove it or choose another path',
      };
    }
    if (!writable(file)) return readOnly('the file is read-only for this process');
  } catch {
    // No file yet: SQLite was to create it, in the directory looked at next.
  }
  if (!writable(directory)) {
    return readOnly(`its directory ${directory} is not writable, and SQLite keeps its -wal and -shm files there`);
  }
  return undefined;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** What a failed mkdir means, by its errno code. */
const DIRECTORY_FAULTS: Readonly<Record<string, Omit<Fault, 'remedy'>>> = {
  ENOSPC: { code: 'STORAGE_FULL', problem: 'the disk is full' },
  EROFS: { code: 'STORAGE_READ_ONLY', problem: 'the file system is read-only' },
  EACCES: { code: 'STORAGE_READ_ONLY', problem: 'permission denied' },
  EPERM: { code: 'STORAGE_READ_ONLY', problem: 'permission denied' },
  ENOTDIR: { code: 'STORAGE_FAILED', problem: 'part of the path is a file, not a directory' },
  EEXIST: { code: 'STORAGE_FAILED', problem: 'a file of that name is in the way' },
};

/** Creates the directory a database file goes in, or says in one sentence why it cannot. */
export function ensureDirectoryOf(subject: FaultSubject & { readonly file: string }): void {
  const directory = dirname(subject.file);
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const fault = DIRECTORY_FAULTS[errno] ?? {
      code: 'STORAGE_FAILED',
      problem: error instanceof Error ? error.message : String(error),
    };
    throw new StorageFault(
      fault.code,
      `Cannot create the directory ${directory} for the ${subject.what} ${subject.file}: ${fault.problem} (${errno}); make it creatable or choose another data directory (BRANCHFLOW_DATA_DIR).`,
      { cause: error },
    );
  }
}
