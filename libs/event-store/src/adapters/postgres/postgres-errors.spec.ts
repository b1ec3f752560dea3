import { DatabaseError } from 'pg';
import { StorageFault, StoreUnavailable, WrongExpectedRevision } from '../../port/errors';
import { isUniqueViolation, toStoreError } from './postgres-errors';

/** An error as node-postgres raises it from the server's ErrorResponse. */
function serverError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

describe("PostgreSQL errors as the port's errors", () => {
  it.each([
    ['53100', 'STORAGE_FULL', 'free space on the database server'],
    ['25006', 'STORAGE_READ_ONLY', 'not a read-only standby'],
    ['58030', 'STORAGE_FAILED', "check the database server's disk"],
    ['XX001', 'STORAGE_CORRUPT', 'restore the database from a backup'],
  ])('SQLSTATE %s is a StorageFault %s saying what to do', (sqlstate, code, advice) => {
    const mapped = toStoreError(serverError(sqlstate, 'could not extend file'));
    expect(mapped).toBeInstanceOf(StorageFault);
    expect(mapped).toMatchObject({ code });
    expect(mapped.message).toContain(advice);
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['the server shutting down', serverError('57P01', 'terminating connection due to administrator command')],
    ['a statement timeout', serverError('57014', 'canceling statement due to statement timeout')],
    ['too many connections', serverError('53300', 'sorry, too many clients already')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a silent peer', new Error('Query read timeout')],
  ])('%s is StoreUnavailable: retry later', (_, error) => {
    expect(toStoreError(error)).toBeInstanceOf(StoreUnavailable);
  });

  it("passes the port's own errors and anything else through unchanged", () => {
    const own = new WrongExpectedRevision('branch-1', 0, 1);
    expect(toStoreError(own)).toBe(own);
    const syntax = serverError('42601', 'syntax error');
    expect(toStoreError(syntax)).toBe(syntax);
    expect(isUniqueViolation(serverError('23505', 'duplicate key'))).toBe(true);
    expect(isUniqueViolation(syntax)).toBe(false);
  });
});
