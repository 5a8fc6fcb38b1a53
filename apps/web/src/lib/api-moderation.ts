/** REST calls for moderation: the organiser's moderation log. */
import {
  apiRoutes,
  buildPath,
  moderationLogResponseSchema,
  type ModerationLogEntry,
} from '@kohtaamo/protocol';
import { requestJson } from './http';

/** The fair's moderation log, newest first (organisers only). */
export async function getModerationLog(fairId: string): Promise<ModerationLogEntry[]> {
  const path = buildPath(apiRoutes.moderationLog, { fairId });
  return (await requestJson(moderationLogResponseSchema, 'GET', path)).entries;
}
