import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { withinBodyLimit } from '@/lib/http/body-limit';

type Context = { params: Promise<{ nextauth: string[] }> };

/** A login form is a few hundred bytes; anything past this is refused before it is parsed. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

// Options are built on first request, not at import, so `next build` needs no secret.
function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, getAuthOptions());
}

async function post(request: Request, context: Context) {
  const capped = await withinBodyLimit(request, MAX_AUTH_BODY_BYTES);
  // next-auth reads `nextUrl`: the copy is made a NextRequest again.
  return capped instanceof Response ? capped : handler(new NextRequest(capped), context);
}

export { handler as GET, post as POST };
