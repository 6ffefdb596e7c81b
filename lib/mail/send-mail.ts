import 'server-only';
import { getEnv } from '../env';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends one email through SMTP when SMTP_URL is configured; returns false when
 * it is not (callers then show the content in the app instead).
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const env = getEnv();
  if (!env.SMTP_URL) return false;
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.SMTP_FROM, ...mail });
  return true;
}
