import type { ErrorIssue } from '@kohtaamo/protocol';
import { routeIdSchema } from '@kohtaamo/protocol';
import type { z } from 'zod';
import { HttpError, notFound } from './http-error';

function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
    message: issue.message,
  }));
}

/** Parses a request body with its protocol schema, or answers 400 INVALID with every issue. */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new HttpError('INVALID', 'The request is not valid', toIssues(parsed.error));
  }
  return parsed.data;
}

/** Path ids that are not even well-formed name nothing that exists: 404, not a database error. */
export function parseId(value: string | string[] | undefined, what: string): string {
  const parsed = routeIdSchema.safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
