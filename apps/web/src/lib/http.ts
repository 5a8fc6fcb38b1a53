import { ErrorCode, errorBodySchema, httpStatusOf } from '@kohtaamo/protocol';
import { ApiRequestError, type ClientErrorCode } from './errors';

/** The part of a zod schema the client uses to check a response. */
export interface ResponseSchema<T> {
  parse(input: unknown): T;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let unauthenticatedListener: (() => void) | undefined;

/** Called whenever the server says the session is gone, so the app can forget the account. */
export function onUnauthenticated(listener: () => void): void {
  unauthenticatedListener = listener;
}

/** The code a status stands for when the body is not our error shape (a proxy's 502, say). */
export function codeForStatus(status: number): ClientErrorCode {
  const code = Object.values(ErrorCode).find((candidate) => httpStatusOf[candidate] === status);
  return code ?? (status >= 500 ? ErrorCode.INTERNAL : 'UNEXPECTED_RESPONSE');
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  const parsed = errorBodySchema.safeParse(await readJson(response));
  if (parsed.success) return new ApiRequestError({ status: response.status, ...parsed.data.error });
  return new ApiRequestError({
    status: response.status,
    code: codeForStatus(response.status),
    message: `Request failed with status ${response.status}`,
  });
}

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError({ status: 0, code: 'NETWORK', message: 'The server is unreachable' });
  }
  if (response.ok) return response;
  const error = await errorOf(response);
  if (error.code === ErrorCode.UNAUTHENTICATED) unauthenticatedListener?.();
  throw error;
}

/** Sends a request and checks the JSON answer against the protocol's response schema. */
export async function requestJson<T>(
  schema: ResponseSchema<T>,
  method: Method,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await send(method, path, body);
  try {
    return schema.parse(await readJson(response));
  } catch {
    throw new ApiRequestError({
      status: response.status,
      code: 'UNEXPECTED_RESPONSE',
      message: `Unexpected response to ${method} ${path}`,
    });
  }
}

/** Sends a request whose success has no body (204). */
export async function requestEmpty(method: Method, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}
