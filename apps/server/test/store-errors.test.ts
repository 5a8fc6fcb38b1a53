import { describe, expect, it } from 'vitest';
import {
  InvalidReferenceError,
  StoreUnavailableError,
  UniqueViolationError,
} from '../src/store/errors';
import { toStoreError } from '../src/store/pg-errors';

/** Drizzle wraps driver errors like this (DrizzleQueryError keeps the original as `cause`). */
function wrapped(cause: object): Error {
  return new Error('Failed query: insert into ...', { cause });
}

describe('translating driver errors into store errors', () => {
  it('turns a unique violation, bare or wrapped, into UniqueViolationError with its constraint', () => {
    const driverError = { code: '23505', constraint: 'accounts_email_unique' };
    for (const err of [driverError, wrapped(driverError)]) {
      const mapped = toStoreError(err);
      expect(mapped).toBeInstanceOf(UniqueViolationError);
      expect(mapped).toMatchObject({ constraint: 'accounts_email_unique' });
    }
  });

  it('turns a missing referenced row into InvalidReferenceError', () => {
    const mapped = toStoreError(
      wrapped({ code: '23503', detail: 'Key (account_id) is not present' }),
    );
    expect(mapped).toBeInstanceOf(InvalidReferenceError);
    expect(mapped).toMatchObject({ message: 'Key (account_id) is not present' });
  });

  it.each([
    ['a refused connection', { code: 'ECONNREFUSED' }],
    ['a server shutting down', wrapped({ code: '57P01' })],
    ['a connection failure SQLSTATE', wrapped({ code: '08006' })],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a dropped connection', wrapped(new Error('Connection terminated unexpectedly'))],
    ['every address refusing', new AggregateError([{ code: 'ECONNREFUSED' }], 'connect failed')],
  ])('turns %s into StoreUnavailableError', (_label, err) => {
    expect(toStoreError(err)).toBeInstanceOf(StoreUnavailableError);
  });

  it('leaves other errors as they are', () => {
    const checkViolation = wrapped({ code: '23514', constraint: 'tables_capacity_range' });
    expect(toStoreError(checkViolation)).toBe(checkViolation);
    const own = new InvalidReferenceError(['speakerIds', 0], 'not in this fair');
    expect(toStoreError(own)).toBe(own);
    const bug = new TypeError('x is undefined');
    expect(toStoreError(bug)).toBe(bug);
  });
});
