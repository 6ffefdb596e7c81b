import 'server-only';
import { domainName, isDomainKey } from '../domain/profile';
import type { Translate } from './safe-action';

/**
 * A part's name as people read it ("Migrants' rights — Examples of well-developed
 * areas"), from the "section/part" key a refusal carries in its details.
 */
export function slotName(t: Translate, ui: string, slot: string): string {
  const [section, part] = slot.split('/');
  const where = isDomainKey(section) ? domainName(section, ui) : t('profiles.introduction');
  return !part || part === 'body' ? where : `${where} — ${t(`profiles.parts.${part}`)}`;
}
