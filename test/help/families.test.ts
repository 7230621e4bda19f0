import { describe, expect, test } from 'vitest';
import { rulesOf } from '@/lib/formats/rules';
import { FORMAT_IDS } from '@/lib/formats/types';
import { DECLARED_WORDS, declaredFamilies, familyOf } from '@/lib/help/families';

describe('the rule families the 说明 page lists', () => {
  test('every declared rule belongs to a family that has words, and no words describe a family that is not declared', () => {
    const declared = new Set(FORMAT_IDS.flatMap((f) => rulesOf(f).map((r) => familyOf(r.rule))));
    expect([...declared].filter((id) => !DECLARED_WORDS[id])).toEqual([]);
    expect(Object.keys(DECLARED_WORDS).filter((id) => !declared.has(id))).toEqual([]);
  });

  test('numbered rules of one kind are one family; 其中 ≤ parent is its own', () => {
    expect(familyOf('C-H1')).toBe('C-H');
    expect(familyOf('C-H11')).toBe('C-H');
    expect(familyOf('C-H13')).toBe('C-H13');
    expect(familyOf('C-S4')).toBe('C-S');
    expect(familyOf('T3-BAL')).toBe('T3-BAL');
  });

  test('severities and formats come from the declarations', () => {
    const byId = Object.fromEntries(declaredFamilies().map((f) => [f.id, f]));
    expect(byId['T3-BAL']).toMatchObject({ severities: ['error'], formats: ['gov2021', 'gov2019'] });
    expect(byId['X-CARRY']!.severities).toEqual(['warning']);
    expect(byId['X-STOCK']!.formats).toEqual(['gov2021']);
    expect(byId['C-S']).toMatchObject({ severities: ['warning'], formats: ['gov2014'] });
  });
});
