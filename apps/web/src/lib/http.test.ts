import { meResponseSchema } from '@kohtaamo/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './errors';
import { codeForStatus, onUnauthenticated, requestEmpty, requestJson } from './http';

const account = {
  id: '7d3f1f0e-4a43-4b55-9a57-2d6f0c1b9e11',
  email: 'aino@example.fi',
  displayName: 'Aino',
  createdAt: '2021-03-10T10:00:00+02:00',
};

function answer(status: number, body?: unknown) {
  const response = new Response(body === undefined ? null : JSON.stringify(body), { status });
  const fetchMock = vi.fn(async () => response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failureOf(promise: Promise<unknown>): Promise<ApiRequestError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiRequestError)) throw new Error('expected an ApiRequestError');
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
  onUnauthenticated(() => {});
});

describe('requestJson', () => {
  it('sends JSON with the session cookie and returns the checked response', async () => {
    const fetchMock = answer(201, { account });
    const result = await requestJson(meResponseSchema, 'POST', '/api/auth/signup', { a: 1 });
    expect(result.account.displayName).toBe('Aino');
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/signup', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
  });

  it('throws the server’s error code, message and field issues', async () => {
    answer(400, {
      ok: false,
      error: { code: 'INVALID', message: 'Bad', issues: [{ path: ['email'], message: 'x' }] },
    });
    const error = await failureOf(requestJson(meResponseSchema, 'POST', '/api/auth/signup', {}));
    expect(error).toMatchObject({ status: 400, code: 'INVALID', message: 'Bad' });
    expect(error.issues).toEqual([{ path: ['email'], message: 'x' }]);
  });

  it('refuses a response that does not match the protocol', async () => {
    answer(200, { account: { id: 'not-a-uuid' } });
    const error = await failureOf(requestJson(meResponseSchema, 'GET', '/api/auth/me'));
    expect(error.code).toBe('UNEXPECTED_RESPONSE');
  });

  it('reports an unreachable server as NETWORK', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await failureOf(requestJson(meResponseSchema, 'GET', '/api/auth/me'));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('tells the app when the session is gone', async () => {
    const listener = vi.fn();
    onUnauthenticated(listener);
    answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in' } });
    await failureOf(requestJson(meResponseSchema, 'GET', '/api/fairs'));
    expect(listener).toHaveBeenCalledOnce();
  });
});

describe('requestEmpty', () => {
  it('accepts a 204 without a body', async () => {
    answer(204);
    await expect(requestEmpty('DELETE', '/api/fairs/x/rooms/y')).resolves.toBeUndefined();
  });

  it('derives the code from the status when the body is not our error shape', async () => {
    answer(502, '<html>Bad gateway</html>');
    const error = await failureOf(requestEmpty('POST', '/api/auth/signout'));
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL' });
  });
});

describe('codeForStatus', () => {
  it('uses the protocol’s status table', () => {
    expect(codeForStatus(404)).toBe('NOT_FOUND');
    expect(codeForStatus(401)).toBe('UNAUTHENTICATED');
    expect(codeForStatus(418)).toBe('UNEXPECTED_RESPONSE');
  });
});
