import { describe, expect, it } from 'vitest';
import { parseArabic, parseChineseNumeral } from '@/lib/narrative/numerals';
import { findFigures } from '@/lib/narrative/figures';
import { compact, normalizeChars } from '@/lib/narrative/text';

const figures = (s: string) => findFigures(compact(s).text).map((f) => `${f.value}${f.unit}`);

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十三', 23], ['一百零五', 105], ['一百一十', 110],
    ['三千零二', 3002], ['一千二百', 1200], ['三万四千', 34000], ['十万', 100000], ['二〇二一', 2021], ['零', 0],
  ])('%s = %i', (s, v) => expect(parseChineseNumeral(s)).toBe(v));

  it.each(['千', '万', '二三', '十十', '百十百', ''])('%s is not a numeral', (s) => expect(parseChineseNumeral(s)).toBeNull());
});

describe('Arabic numbers', () => {
  it('reads separators and decimals', () => {
    expect(parseArabic('1,295')).toBe(1295);
    expect(parseArabic('0.5')).toBe(0.5);
    expect(parseArabic('12,34')).toBeNull();
  });
  it('full-width digits and traditional characters normalise in place (same length)', () => {
    const s = '受理申請２３件，兩件';
    expect(normalizeChars(s)).toBe('受理申请23件,两件');
    expect(normalizeChars(s)).toHaveLength(s.length);
  });
});

describe('figures with units', () => {
  it('reads Arabic, full-width, Chinese and traditional figures with their unit', () => {
    expect(figures('收到申请29件，予以公开十二件，部分公开两件，不予公開貳')).toEqual(['29件', '12件', '2件']);
    expect(figures('受理１２３件、二十三條信息、一百零五人次、181万元、45.9万人')).toEqual(['123件', '23条', '105人次', '181万元', '459000人']);
    expect(figures('召开发布会42场，收到8份申请，5起申请，3个部门')).toEqual(['42场', '8份', '5起', '3个']);
  });
  it('leaves out percentages, dates, document numbers, phone numbers, ordinals and titles', () => {
    expect(figures('占33.9%，2019年1月1日，国办公开办函〔2021〕30号，电话：0763—5826407，第五十条，第二次')).toEqual([]);
    expect(figures('《关于2件事的通知》')).toEqual([]);
  });
  it('leaves out ranges and approximations', () => {
    expect(figures('近300个、约20件、超过10件、300余件、10多人、5件左右、3至5件、3-5件、数十件')).toEqual([]);
  });
  it('leaves out numbers without a unit and words that only contain numeral characters', () => {
    expect(figures('统一受理平台、一网通办、三安全一稳定、之一、千家万户、536万、12345热线')).toEqual([]);
  });
  it('joins a figure split by a PDF line wrap but never two numbers', () => {
    expect(figures('办结 1191\n件（含\n上年结转 189 件）')).toEqual(['1191件', '189件']);
    expect(figures('22\n55 件')).toEqual(['55件']);
  });
});
