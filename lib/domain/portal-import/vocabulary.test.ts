import { describe, expect, it } from 'vitest';
import { locales } from '../locales';
import { domainKeys, domainNames, domainParts, partHeadings } from '../profile';
import { parseLabel } from './parse-portal-page';
import { isFindingsMarker, matchMonth, matchPartHeading, matchSectionHeading } from './vocabulary';

describe('the words of the portal', () => {
  it('knows every domain by its name in each language, in capitals, without accents', () => {
    for (const d of domainKeys) {
      for (const l of locales) {
        const name = domainNames[d][l];
        expect(matchSectionHeading(name), name).toEqual({ key: d, language: l });
        expect(matchSectionHeading(name.toUpperCase())?.key).toBe(d);
        expect(matchSectionHeading(name.normalize('NFD').replace(/\p{M}/gu, ''))?.key).toBe(d);
      }
    }
  });

  it('knows the printed variants and nothing close to them', () => {
    expect(matchSectionHeading('BIENESTAR SOCIOECONÓMICO DE LAS PERSONAS MIGRANTES Y LA SOCIEDAD')?.key).toBe('well_being');
    expect(matchSectionHeading('Aspects d’une crises relatifs à la mobilité')?.key).toBe('mobility_crises');
    expect(matchSectionHeading('INTRODUCCIÓN')).toEqual({ key: 'introduction', language: 'es' });
    expect(matchSectionHeading('ALIANZAS ESTRATÉGICAS')).toBeNull();
    expect(matchSectionHeading('Derechos humanos')).toBeNull();
  });

  it('knows the two sub-headings with or without their colon and governance prefix', () => {
    for (const part of domainParts) {
      for (const l of locales) expect(matchPartHeading(`${partHeadings[part][l]}:`)?.key).toBe(part);
    }
    expect(matchPartHeading('Ejemplos de areas bien desarrolladas')?.key).toBe('strengths');
    expect(matchPartHeading('AREAS CON POTENCIAL PARA UN DESARROLLO ADICIONAL :')?.key).toBe('potential');
    expect(matchPartHeading('Áreas con potencial')).toBeNull();
  });

  it('knows the findings marker', () => {
    expect(isFindingsMarker('Key findings')).toBe(true);
    expect(isFindingsMarker('KEY FINDINGS')).toBe(true);
    expect(isFindingsMarker('Key')).toBe(false);
  });

  it('reads all twelve months in the three languages, from the platform', () => {
    for (const l of locales) {
      for (let m = 1; m <= 12; m++) {
        const name = new Intl.DateTimeFormat(l, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, m - 1, 15)));
        expect(matchMonth(name)?.key, `${l} ${name}`).toBe(m);
        expect(matchMonth(name.toUpperCase())?.key).toBe(m);
      }
    }
    expect(matchMonth('aout')).toEqual({ key: 8, language: 'fr' });
    expect(matchMonth('Fevrier')?.key).toBe(2);
    expect(matchMonth('Juine')).toBeNull();
  });

  it('reads labels in either order and refuses a month it does not know', () => {
    expect(parseLabel('2024 Juin')).toEqual({ year: 2024, month: 6, language: 'fr' });
    expect(parseLabel('Agosto 2022')).toEqual({ year: 2022, month: 8, language: 'es' });
    expect(parseLabel('2024 Juine')).toBe('unknown_month');
    expect(parseLabel('2024')).toBeNull();
    expect(parseLabel('Cantón Huaquillas 2024')).toBeNull();
  });
});
