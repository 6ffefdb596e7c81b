import { z } from 'zod';
import { jurisdictionLevels } from './roles';

/**
 * The search over jurisdictions that the public index and the admin portfolio
 * share: a name, a country, a level. Bad values are dropped, not refused: a
 * hand-edited address still shows a page.
 */
export const jurisdictionFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  country: z.string().max(100).optional().catch(undefined),
  level: z.enum(jurisdictionLevels).optional().catch(undefined),
});

/** Query parameters without the empty ones a GET form sends for fields left blank. */
export function filledParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}
