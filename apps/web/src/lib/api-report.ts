/** REST calls for the organiser's "new actors met" report. */
import {
  apiRoutes,
  buildPath,
  reportResponseSchema,
  type ReportResponse,
} from '@kohtaamo/protocol';
import { requestJson } from './http';

/** The report; once the fair's personal data is erased, the snapshot and when it was taken. */
export function getReport(fairId: string): Promise<ReportResponse> {
  return requestJson(reportResponseSchema, 'GET', buildPath(apiRoutes.report, { fairId }));
}

/** The CSV is a plain download, so this is a link target rather than a request. */
export function reportCsvUrl(fairId: string): string {
  return buildPath(apiRoutes.reportCsv, { fairId });
}
