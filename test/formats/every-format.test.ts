import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_IDS, PREFILTER, cellLabel, formatTitle, sectionHolds, sectionName, sectionTitle, supersession } from '@/lib/formats';
import { LOCATABLE_KINDS, ruleKinds, rulesOf } from '@/lib/formats/rules';
import { summarise } from '@/lib/cli/summary';
import { parseHtmlDocument } from '@/lib/read/html';
import { mayHoldReport, readHtml } from '@/lib/read';
import { checkReport, groupBySection, inputOf } from '@/lib/rules';
import { labelOf } from '@/lib/rules/labels';
import { formatFinding } from '@/lib/rules/plausibility';
import { formatTitleOf } from '@/lib/i18n/format-name';
import { toSimplified, traditionalSpellings } from '@/lib/formats/traditional';
import { sampleHtml } from './sample';

/**
 * Adding a format is one folder under lib/formats plus its tests: every consumer derives what it
 * needs from the FormatDef. This walks every declared format through each of them.
 */
describe.each(FORMAT_IDS.map((id) => [id]))('format %s through every consumer', (id) => {
  const f = FORMATS[id];
  const year = f.years.from;
  const { html, values } = sampleHtml(f, year);

  it('declares its facts: display name, basis, years, successor, sections with names', () => {
    expect(f.id).toBe(id);
    expect(f.name).toMatch(/^[\u4e00-\u9fff\d]+$/);
    expect(formatTitle(f)).toBe(`${f.name}（${f.basis}）`);
    expect(f.years.from).toBeLessThanOrEqual(f.years.to);
    if (f.superseded) expect(FORMATS[f.superseded.by].years.to).toBeGreaterThan(f.years.to);
    for (const s of f.sections) expect([s.name, s.topic, s.title].every(Boolean)).toBe(true);
    expect(f.prefilter.length).toBeGreaterThan(0);
  });

  it('is told apart from every other format by its display name', () => {
    expect(FORMAT_IDS.filter((o) => FORMATS[o].name === f.name)).toEqual([id]);
  });

  it('passes the live pre-filter, in simplified and in traditional characters', () => {
    expect(mayHoldReport(parseHtmlDocument(html))).toBe(true);
    for (const w of f.prefilter) expect(PREFILTER.test(w)).toBe(true);
    let traditional = html;
    for (const w of f.prefilter) traditional = traditional.replaceAll(w, traditionalSpellings(w).at(-1)!);
    expect(traditional).not.toBe(html);
    expect(toSimplified(traditional)).toBe(toSimplified(html));
    expect(mayHoldReport(parseHtmlDocument(traditional))).toBe(true);
  });

  it('is detected and read, every declared cell with its value', () => {
    const [r] = readHtml(html);
    expect([r?.format, r?.year]).toEqual([id, year]);
    const got = Object.fromEntries(Object.values(r!.cells).map((c) => [c.id, c.value]));
    for (const [cell, v] of Object.entries(values)) expect([cell, got[cell]]).toEqual([cell, v]);
    expect(r!.problems).toEqual([]);
  });

  it('places every catalogued and every read cell in exactly one of its sections, the one it is labelled with', () => {
    const owners = (cell: string) => f.sections.filter((s) => sectionHolds(s, cell)).map((s) => s.key);
    for (const c of f.cells) expect([c.id, owners(c.id)]).toEqual([c.id, f.sections.length ? [c.section] : []]);
    const [r] = readHtml(html);
    if (f.sections.length) for (const cell of Object.keys(r!.cells)) expect([cell, owners(cell).length]).toEqual([cell, 1]);
  });

  it('says which of its tables was not read at all, by the name its messages use', () => {
    if (f.sections.length < 2) return;
    const last = f.sections.at(-1)!;
    const cut = html.slice(0, html.lastIndexOf('<table'));
    const [r] = readHtml(cut);
    expect(r!.problems.filter((p) => p.code === 'missing-section').map((p) => p.message)).toEqual([`没有读到${sectionTitle(last)}的数据`]);
  });

  it('names every cell and every rule operand in the form’s words', () => {
    for (const c of f.cells) expect(cellLabel(id, c.id)).toMatch(new RegExp(`^${sectionName(id, c.section)}·`));
    for (const rule of rulesOf(id))
      for (const ref of [...rule.left, ...rule.right]) expect(labelOf(id, ref.replace(/^prior:/, ''))).not.toMatch(/^[a-z]+\./);
  });

  it('declares the kind of every rule; localisation finds the sums among them', () => {
    for (const rule of rulesOf(id)) expect(ruleKinds(id).get(rule.rule)).toBe(rule.kind);
    if (rulesOf(id).length) expect(rulesOf(id).some((r) => LOCATABLE_KINDS.has(r.kind))).toBe(true);
  });

  it('is checked by the rule engine: the generated figures break sums, and every finding sits in a named table', () => {
    const [r] = readHtml(html);
    const input = inputOf(r!)!;
    const findings = checkReport(input);
    const sections = new Set(['全表', '统计表', ...f.sections.map((s) => `${s.name} ${s.topic}`)]);
    for (const g of groupBySection(id, findings)) expect(sections).toContain(g.section);
    if (rulesOf(id).some((x) => x.kind === 'total')) expect(findings.some((x) => x.severity === 'error')).toBe(true);
  });

  it('shows its display name in the command line summary', () => {
    const [r] = readHtml(html);
    expect(summarise(r!, [])).toContain(`格式：${formatTitle(f)}　年度：${year}`);
  });

  it('is superseded only as it declares', () => {
    expect(supersession(id, f.years.to)).toBeNull();
    const later = supersession(id, f.years.to + 1);
    if (!f.superseded) expect(later).toBeNull();
    else {
      expect(later?.severity).toBe(f.superseded.severity);
      const due = later!.current;
      expect(due.years.from <= f.years.to + 1 && f.years.to + 1 <= due.years.to).toBe(true);
      const finding = formatFinding({ format: id, year: f.years.to + 1, values: {} });
      expect(finding?.message).toContain(formatTitleOf(due));
    }
  });
});
