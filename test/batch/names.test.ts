import { describe, expect, it } from 'vitest';
import { bestMatch, nameScore, sameBody } from '@/lib/batch/names';

describe('one body, however its name is written', () => {
  it('人民政府 and 政府 name the same body', () => expect(sameBody('滨江区人民政府', '滨江区政府')).toBe(true));
  it('a trailing 办公室 is dropped', () => expect(sameBody('滨江区人民政府办公室', '滨江区人民政府')).toBe(true));
  it('the usual short forms match the full name (全称/简称)', () => {
    expect(sameBody('示例县发展和改革局', '示例县发改委')).toBe(true);
    expect(sameBody('示例县人力资源和社会保障局', '示例县人社局')).toBe(true);
    expect(sameBody('示例县卫生健康委员会', '示例县卫健委')).toBe(true);
  });
  it('a name without its place matches the name with it', () => expect(sameBody('财政局', '示例县财政局')).toBe(true));
  it('spaces, full-width forms and a report title around the name do not matter', () =>
    expect(sameBody('示例县 财政局', '示例县财政局2023年政府信息公开工作年度报告')).toBe(true));
  it('different bodies of one place do not match', () => {
    expect(sameBody('示例县财政局', '示例县教育局')).toBe(false);
    expect(sameBody('东城街道办事处', '西城街道办事处')).toBe(false);
  });
  it('the same office of two places does not match', () => expect(sameBody('甲县财政局', '乙县财政局')).toBe(false));
  it('an exact key outranks a match without the place', () => {
    expect(nameScore('示例县财政局', '示例县财政局')).toBe(2);
    expect(nameScore('财政局', '示例县财政局')).toBe(1);
    expect(bestMatch('示例县财政局', ['财政局', '示例县财政局', '示例县教育局'])).toBe(1);
    expect(bestMatch('示例县公安局', ['示例县财政局'])).toBe(-1);
  });
});
