import 'server-only';
import { notFound } from 'next/navigation';
import { NotFoundError } from '../data/errors';

/** For pages: a data call whose NotFoundError becomes the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
