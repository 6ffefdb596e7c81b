import { z } from 'zod';
import { parseTrustedProxies } from './auth/trusted-proxies';

/**
 * The one place that reads `process.env`. Parsed lazily (on first use) so that
 * `next build` can import modules without a configured environment.
 */
const durationMinutes = (fallback: number) =>
  z.coerce.number().int().positive().max(60 * 24 * 30).default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .url({ message: 'DATABASE_URL must be a URL like postgres://user@host:5432/db' })
      .optional(),
    /** An owner role that migrates the schema, when DATABASE_URL names a role limited to reading and writing rows. */
    DATABASE_MIGRATION_URL: z
      .string()
      .url({ message: 'DATABASE_MIGRATION_URL must be a URL like postgres://owner@host:5432/db' })
      .optional(),
    MGI_DATA_DIR: z.string().min(1).default('.data'),
    AUTH_SECRET: z.string().min(32, { message: 'AUTH_SECRET must be at least 32 characters' }).optional(),
    /** Public base URL, used in emailed links and by next-auth. */
    APP_URL: z.string().url().optional(),
    PORT: z.coerce
      .number({ message: 'PORT must be a port number such as 3000' })
      .int()
      .min(1)
      .max(65535)
      .default(3000),
    SESSION_IDLE_MINUTES: durationMinutes(30),
    SESSION_MAX_HOURS: z.coerce.number().int().positive().max(24 * 30).default(12),
    SMTP_URL: z.string().url({ message: 'SMTP_URL must look like smtp://user:pass@host:587' }).optional(),
    SMTP_FROM: z.string().min(3).default('MGI Studio <no-reply@localhost>'),
    /**
     * New comment threads and suggestions are emailed in one digest per person at most this often
     * (lib/mail/digest-emails.ts); 0 sends each digest at the next round of the mail loop (tests).
     */
    NOTIFICATION_DIGEST_MINUTES: z.coerce
      .number({ message: 'NOTIFICATION_DIGEST_MINUTES must be a number of minutes such as 15' })
      .int()
      .min(0)
      .max(60 * 24)
      .default(15),
    /** Reverse proxies whose X-Forwarded-For is believed: comma-separated IPs or CIDR ranges. */
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .superRefine((value, ctx) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `TRUSTED_PROXIES: ${(error as Error).message}` });
        }
      }),
    /** Redis shared by several app instances, so that people on different instances edit one part live (server/collab-redis.ts). */
    REDIS_URL: z
      .string()
      .url({ message: 'REDIS_URL must be a URL like redis://127.0.0.1:6379' })
      .refine((v) => /^rediss?:\/\//.test(v), { message: 'REDIS_URL must start with redis:// or rediss://' })
      .optional(),
    /** The namespace of this deployment's keys and channels in that Redis (several deployments, or tests, can share one). */
    REDIS_PREFIX: z.string().regex(/^[\w.-]{1,64}$/, { message: 'REDIS_PREFIX: letters, digits, _ . - (at most 64)' }).default('mgi'),
    /** The build folder (next.config.js reads it too, being plain JavaScript). */
    MGI_DIST_DIR: z.string().min(1).default('.next'),
    /** `1`: the production server answers GET /__mgi/metrics, for the load benchmark. */
    MGI_METRICS: z
      .enum(['0', '1'], { message: 'MGI_METRICS must be 1 (on) or 0 (off)' })
      .default('0')
      .transform((v) => v === '1'),
  })
  .transform((e) => ({
    ...e,
    APP_URL: e.APP_URL ?? `http://localhost:${e.PORT}`,
  }));

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Parses the environment once; throws an error listing every bad variable. */
export function getEnv(source: Record<string, string | undefined> = process.env): Env {
  if (cached && source === process.env) return cached;
  const blanksRemoved = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}

/** The secret that signs session cookies; in production it must be configured. */
export function requireAuthSecret(env: Env = getEnv()): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'AUTH_SECRET is not set. Set it to a random string of at least 32 characters ' +
        '(for example: openssl rand -base64 32), or run `npm run demo`, which generates one.',
    );
  }
  return 'development-only-secret-do-not-use-in-production';
}
