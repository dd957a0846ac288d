import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { LanguageProvider } from '@/lib/i18n/react';
import './globals.css';

export const metadata: Metadata = {
  // No title here: the wizard's is rendered in the chosen language by components/PageHeader.tsx, the inbox sets its own.
  description: 'Working Kafka-output configs for Alibaba Cloud Simple Log Service (SLS), checked against a bundled sandbox endpoint.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <LanguageProvider>{children}</LanguageProvider>
      </body>
    </html>
  );
}
