import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { verifyPasswordLogin } from '../data/login';
import { createSession, deleteSession } from '../data/sessions';
import { applyAccountLocale } from './account-locale';
import { safeCallbackPath } from '../domain/safe-redirect';
import { getEnv, requireAuthSecret } from '../env';
import { clientAddress } from './client-address';
import { secureCookies } from './session-cookie';

declare module 'next-auth' {
  interface Session {
    /** Our session row id; the database decides whether it is still alive. */
    sid?: string;
  }
  interface User {
    userAgent?: string | null;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}

let cached: NextAuthOptions | undefined;

/**
 * next-auth's credentials provider only works with JWT sessions, and a JWT
 * cannot be revoked. So the JWT carries nothing but the id of a row in
 * `sessions`; every request looks that row up (lib/auth/current-actor.ts), and
 * deleting it ends the session even for a copied cookie.
 */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  cached = {
    secret: requireAuthSecret(env),
    session: { strategy: 'jwt', maxAge: env.SESSION_MAX_HOURS * 3600 },
    // Stated, not guessed from the request: the login form's action (lib/auth/session-cookie.ts) sets the same cookie.
    useSecureCookies: secureCookies(),
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === 'string' ? credentials.email : '';
          const password = typeof credentials?.password === 'string' ? credentials.password : '';
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const result = await verifyPasswordLogin(email, password, clientAddress(headers));
          if (!result.ok) {
            // The message reaches the login page as `error`; it says nothing about the account.
            throw new Error(
              result.reason === 'throttled' ? `throttled:${result.retryAfterSeconds}` : 'invalid_credentials',
            );
          }
          return { ...result.user, userAgent: headers['user-agent'] ?? null };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sid = await createSession(user.id, user.userAgent);
          // Keep the cookie small and free of personal data.
          delete token.email;
          delete token.name;
          delete token.picture;
        }
        return token;
      },
      async session({ session, token }) {
        return { expires: session.expires, sid: token.sid };
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith(baseUrl)) url = url.slice(baseUrl.length) || '/';
        return baseUrl + safeCallbackPath(url);
      },
    },
    events: {
      async signIn({ user }) {
        await applyAccountLocale(user.id);
      },
      async signOut({ token }) {
        if (token?.sid) await deleteSession(token.sid);
      },
    },
  };
  return cached;
}
