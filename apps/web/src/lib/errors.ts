import type { ErrorCode, ErrorIssue } from '@kohtaamo/protocol';

/** The server's error codes, plus the two failures only the client can see. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED_RESPONSE';

/** What every failed API call throws; `issues` point at the fields a request got wrong. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly issues: ErrorIssue[];

  constructor(init: {
    status: number;
    code: ClientErrorCode;
    message: string;
    issues?: ErrorIssue[] | undefined;
  }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
  }
}

export type ErrorMessageKey = `errors.${ClientErrorCode}`;

/** The translation key of the message to show for any thrown value. */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  return error instanceof ApiRequestError ? `errors.${error.code}` : 'errors.INTERNAL';
}

/** Translated explanations of what is wrong with a field. */
export type IssueKey =
  | 'issues.invalid'
  | 'issues.required'
  | 'issues.email'
  | 'issues.password'
  | 'issues.dateTime'
  | 'issues.date'
  | 'issues.endTime'
  | 'issues.timeZone'
  | 'issues.languages'
  | 'issues.languageCode'
  | 'issues.localizedText'
  | 'issues.capacity'
  | 'issues.threshold'
  | 'issues.phone'
  | 'issues.website'
  | 'issues.consent';

/** Explanation per field name (the last named segment of an issue path). */
export type IssueKeysByField = Readonly<Record<string, IssueKey>>;

const DEFAULT_ISSUE_KEYS: IssueKeysByField = {
  email: 'issues.email',
  password: 'issues.password',
  displayName: 'issues.required',
  organisation: 'issues.required',
  name: 'issues.required',
  title: 'issues.required',
  names: 'issues.localizedText',
  startsAt: 'issues.dateTime',
  startDate: 'issues.date',
  endsAt: 'issues.endTime',
  timeZone: 'issues.timeZone',
  languages: 'issues.languages',
  capacity: 'issues.capacity',
  meetingThresholdSeconds: 'issues.threshold',
};

/** A form field's name: the named segments of an issue path ("profile.languages" for [..., 2]). */
export function fieldNameOf(path: readonly (string | number)[]): string {
  return path.filter((segment) => typeof segment === 'string').join('.');
}

/**
 * One explanation per field, the first issue winning. Server messages are English only, so the
 * field decides the (translated) explanation; a form can override the defaults.
 */
export function fieldIssueKeys(
  issues: readonly ErrorIssue[],
  overrides: IssueKeysByField = {},
): Record<string, IssueKey> {
  const keys: Record<string, IssueKey> = {};
  for (const issue of issues) {
    const field = fieldNameOf(issue.path);
    if (field in keys) continue;
    const lastName = field.split('.').pop() ?? '';
    keys[field] = overrides[lastName] ?? DEFAULT_ISSUE_KEYS[lastName] ?? 'issues.invalid';
  }
  return keys;
}

export interface FormErrors {
  /** Shown at the top of the form and announced. */
  form?: ErrorMessageKey;
  /** Shown next to each field, by field name. */
  fields: Record<string, IssueKey>;
}

export const NO_FORM_ERRORS: FormErrors = { fields: {} };

export function toFormErrors(error: unknown, overrides?: IssueKeysByField): FormErrors {
  const fields = error instanceof ApiRequestError ? fieldIssueKeys(error.issues, overrides) : {};
  return { form: errorMessageKey(error), fields };
}

/** The part of a zod schema the client uses to check a body before sending it. */
export interface BodySchema<Output> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: Output }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/**
 * Checks a body with the same schema the server uses, so most mistakes are explained before a
 * request is sent; throws the same error a 400 from the server would.
 */
export function checkBody<Output>(schema: BodySchema<Output>, body: unknown): Output {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.filter((segment) => typeof segment !== 'symbol'),
    message: issue.message,
  }));
  throw new ApiRequestError({ status: 0, code: 'INVALID', message: 'Invalid input', issues });
}
