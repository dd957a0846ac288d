/**
 * GET /api/sandbox/records?project=&logstore=&limit= : the newest records the
 * sandbox stored. The handler (who may read, what is shown) is
 * lib/http/records-route.ts, shared with `sls-kafka sandbox`.
 */
export { GET } from '@/lib/http/records-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
