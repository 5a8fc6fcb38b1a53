/** REST calls for the organiser's "new actors met" report. */
import { apiRoutes, buildPath, reportResponseSchema, type FairReport } from '@kohtaamo/protocol';
import { requestJson } from './http';

export async function getReport(fairId: string): Promise<FairReport> {
  const path = buildPath(apiRoutes.report, { fairId });
  return (await requestJson(reportResponseSchema, 'GET', path)).report;
}

/** The CSV is a plain download, so this is a link target rather than a request. */
export function reportCsvUrl(fairId: string): string {
  return buildPath(apiRoutes.reportCsv, { fairId });
}
