/** Where the form links to the sandbox inbox: `/sandbox`, pre-filled when the project and Logstore are valid names. */
import { LOGSTORE_RULE, PROJECT_RULE, nameProblem } from '@/lib/settings/names';

export function sandboxInboxHref(project: string | undefined, logstore: string | undefined): string {
  if (!project || !logstore || nameProblem(project, PROJECT_RULE) || nameProblem(logstore, LOGSTORE_RULE)) return '/sandbox';
  return `/sandbox?${new URLSearchParams({ project, logstore }).toString()}`;
}
