import { ClientIntl } from '@/components/intl/client-intl';

// Translations for the admin forms (client components). Not a gate: every
// admin page checks the actor itself.
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <ClientIntl>{children}</ClientIntl>;
}
