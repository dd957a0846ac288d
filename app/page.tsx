import { ValidateConfigProvider } from '@/components/validate/validate-config';
import { Wizard } from '@/components/wizard/Wizard';
import { OutputPreview } from '@/components/output/OutputPreview';
import { PageHeader } from '@/components/PageHeader';
import { getRuntimeConfig } from '@/lib/sandbox/config';
import { sandboxTarget } from '@/lib/sandbox/target';

// Reads the sandbox's advertised host and port at request time, so configs rendered for the sandbox dial it.
export const dynamic = 'force-dynamic';

export default function WizardPage() {
  // The CA URL is a path here, made absolute in the browser with the page's own origin
  // (components/output/OutputBody): behind a proxy only the browser knows the scheme and host.
  const sandbox = sandboxTarget('');
  return (
    <main className="page">
      <PageHeader />
      {/* Live checks are offered only when the server accepts them (ALLOW_LIVE_CHECK=1). */}
      <ValidateConfigProvider allowLiveCheck={getRuntimeConfig().validate.allowLiveCheck}>
        <Wizard sandbox={sandbox} outputPreview={<OutputPreview sandbox={sandbox} />} />
      </ValidateConfigProvider>
    </main>
  );
}
