import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { clientNamespaces, pickMessages } from '@/i18n/client-messages';

/**
 * Gives the client components below it the messages they read (the namespaces of
 * i18n/client-messages.ts, not the whole catalog). Only pages with translated
 * client forms use it: the editor page stays free of the ICU runtime, which
 * keeps it inside its JavaScript budget.
 */
export async function ClientIntl({ children }: { children: React.ReactNode }) {
  const messages = pickMessages(await getMessages(), clientNamespaces);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
