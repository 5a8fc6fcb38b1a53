/** REST calls of data protection: erasing a fair's personal data, deleting one's account. */
import {
  apiRoutes,
  buildPath,
  type DeleteAccountBody,
  type EraseFairBody,
  fairErasureResponseSchema,
  type FairErasureResponse,
} from '@kohtaamo/protocol';
import { requestEmpty, requestJson } from './http';

export function eraseFairData(fairId: string, body: EraseFairBody): Promise<FairErasureResponse> {
  const path = buildPath(apiRoutes.fairErasure, { fairId });
  return requestJson(fairErasureResponseSchema, 'POST', path, body);
}

export function deleteAccount(body: DeleteAccountBody): Promise<void> {
  return requestEmpty('POST', apiRoutes.accountDeletion, body);
}

/** The download of everything held about me is a plain link target (a JSON attachment). */
export const myDataUrl: string = apiRoutes.myData;
