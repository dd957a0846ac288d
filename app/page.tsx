import { EndpointForm } from '@/components/endpoint/EndpointForm';

export default function WizardPage() {
  return (
    <main className="page">
      <header>
        <h1>Send agent data to SLS over Kafka</h1>
        <p className="lede">
          Pick where your SLS project lives. The wizard works out the Kafka endpoint, port and SASL login your agent needs.
        </p>
      </header>
      <EndpointForm />
    </main>
  );
}
