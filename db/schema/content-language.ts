import { pgEnum } from 'drizzle-orm/pg-core';
import { locales } from '../../lib/domain/locales';

/** The language a profile and its editions are written in. */
export const contentLanguage = pgEnum('content_language', locales);
