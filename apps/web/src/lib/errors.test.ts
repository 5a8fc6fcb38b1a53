import { signUpBodySchema } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import {
  ApiRequestError,
  checkBody,
  errorMessageKey,
  fieldIssueKeys,
  fieldNameOf,
  toFormErrors,
} from './errors';

describe('errorMessageKey', () => {
  it('maps an API error code to its translation key, anything else to INTERNAL', () => {
    const error = new ApiRequestError({ status: 409, code: 'EMAIL_TAKEN', message: 'taken' });
    expect(errorMessageKey(error)).toBe('errors.EMAIL_TAKEN');
    expect(errorMessageKey(new Error('boom'))).toBe('errors.INTERNAL');
  });
});

describe('fieldIssueKeys', () => {
  it('names fields by the named segments of the path and explains each by field', () => {
    expect(fieldNameOf(['profile', 'languages', 2])).toBe('profile.languages');
    const keys = fieldIssueKeys([
      { path: ['password'], message: 'Too small' },
      { path: ['password'], message: 'Second issue is ignored' },
      { path: ['profile', 'organisation'], message: 'Required' },
      { path: ['something'], message: '?' },
    ]);
    expect(keys).toEqual({
      password: 'issues.password',
      'profile.organisation': 'issues.required',
      something: 'issues.invalid',
    });
  });

  it('lets a form override the explanation of a field', () => {
    const keys = fieldIssueKeys([{ path: ['title'], message: 'x' }], {
      title: 'issues.localizedText',
    });
    expect(keys).toEqual({ title: 'issues.localizedText' });
  });
});

describe('checkBody and toFormErrors', () => {
  it('turns a refused body into the same field errors a 400 would give', () => {
    let thrown: unknown;
    try {
      checkBody(signUpBodySchema, { email: 'nope', password: 'short', displayName: 'Aino' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiRequestError);
    expect(toFormErrors(thrown)).toEqual({
      form: 'errors.INVALID',
      fields: { email: 'issues.email', password: 'issues.password' },
    });
  });

  it('returns the parsed body when it is valid', () => {
    const body = { email: 'Aino@Example.fi', password: 'long enough!', displayName: 'Aino' };
    expect(checkBody(signUpBodySchema, body).email).toBe('aino@example.fi');
  });
});
