import type { Report } from '../report';
import { sameBody } from './names';
import type { BatchInput, ParentSpec } from './types';

/** The leading place of a body's name: 「示例县人民政府」 → 「示例县」. */
const PLACE = /^.+?(?:省|自治区|市|州|盟|地区|县|旗|区)/;
/** What names the kind of office rather than the body: left out when looking for a mention. */
const KIND = /(?:人民政府|政府|办公室|办事处)$/;

/** How a parent's text would name a child: without the parent's place and without the kind of office (at least 2 characters). */
function mentionsOf(child: string, place: string): string[] {
  const bare = place && child.startsWith(place) ? child.slice(place.length) : child;
  const core = bare.replace(KIND, '');
  return [...new Set([child, bare, core])].filter((n) => n.length >= 2);
}

/** Whether `upper` is the government of the place `body` lies in (示例县人民政府 over 示例县甲镇): never its child. */
function governs(upper: string, body: string): boolean {
  const place = PLACE.exec(upper)?.[0];
  return !!place && body.startsWith(place) && KIND.test(upper) && upper.slice(place.length).replace(KIND, '') === '';
}

/**
 * Parent → children proposed from the reports themselves: a report whose text (its 说明, the list
 * of 乡镇/街道/部门 it covers) names two or more other bodies of the batch of the same year. Only a
 * proposal: the supervisor confirms each before it counts, and the comparison stays off by default.
 */
export function proposeParents(inputs: readonly BatchInput[]): ParentSpec[] {
  const reports = inputs.flatMap((f) => ('error' in f ? [] : f.reports)).filter((r): r is Report & { body: string } => !!r.body);
  const out: ParentSpec[] = [];
  for (const p of reports) {
    const text = p.narrative;
    if (!text || out.some((o) => sameBody(o.parent, p.body))) continue;
    const place = PLACE.exec(p.body)?.[0] ?? '';
    const children: string[] = [];
    for (const c of reports) {
      if (c === p || c.year !== p.year || sameBody(c.body, p.body) || governs(c.body, p.body) || children.some((k) => sameBody(k, c.body))) continue;
      if (mentionsOf(c.body, place).some((n) => text.includes(n))) children.push(c.body);
    }
    if (children.length >= 2) out.push({ parent: p.body, children });
  }
  return out;
}
