import { NextIntlClientProvider } from 'next-intl';

/**
 * Gives the client components below it the message catalog. Only pages with
 * translated client forms use it: the editor page stays free of the ICU
 * runtime, which keeps it inside its JavaScript budget.
 */
export function ClientIntl({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
