import { ValidateConfigProvider } from '@/components/validate/validate-config';
import { Wizard } from '@/components/wizard/Wizard';
import { OutputPreview } from '@/components/output/OutputPreview';
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
      <header>
        <h1>Send agent data to SLS over Kafka</h1>
        <p className="lede">
          Five steps to a working agent config: the output on the right updates as you go.{' '}
          <a href="/check">Have a config already? Check it</a>
        </p>
      </header>
      {/* Live checks are offered only when the server accepts them (ALLOW_LIVE_CHECK=1). */}
      <ValidateConfigProvider allowLiveCheck={getRuntimeConfig().validate.allowLiveCheck}>
        <Wizard sandbox={sandbox} outputPreview={<OutputPreview sandbox={sandbox} />} />
      </ValidateConfigProvider>
    </main>
  );
}
