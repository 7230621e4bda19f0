import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParentsPanel } from '@/components/batch/ParentsPanel';

afterEach(cleanup);

const proposal = { parent: '示例县人民政府', children: ['示例县甲镇人民政府', '示例县乙镇人民政府'] };

describe('批量审核: parent → children found in a report’s text', () => {
  it('is shown as a proposal; adopting it adds it to the list and leaves the comparison off', () => {
    const set = vi.fn();
    render(<ParentsPanel on={false} parents={[]} proposals={[proposal]} set={set} />);
    expect(screen.getByText(/示例县人民政府=示例县甲镇人民政府、示例县乙镇人民政府/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '采用' }));
    expect(set).toHaveBeenCalledWith(false, [proposal]);
    expect((screen.getByLabelText('本级与所属单位') as HTMLTextAreaElement).value).toBe('示例县人民政府=示例县甲镇人民政府、示例县乙镇人民政府');
    expect(screen.queryByRole('button', { name: '采用' })).toBeNull();
  });

  it('a parent the supervisor already listed is not proposed again', () => {
    render(<ParentsPanel on parents={[{ parent: '示例县政府', children: ['甲镇'] }]} proposals={[proposal]} set={() => {}} />);
    expect(screen.queryByRole('button', { name: '采用' })).toBeNull();
  });
});

describe('批量审核: last year from an earlier, saved batch', () => {
  it('is drawn beside this year’s tables in the detail', async () => {
    const { auditBatch } = await import('@/lib/batch/audit');
    const { Detail } = await import('@/components/batch/Detail');
    const { bodyReport, priorFor, reportOf } = await import('../batch/reports');
    const now = bodyReport('甲县财政局', 2023);
    const [row] = auditBatch([{ name: '甲县财政局-2023.html', reports: [reportOf(now, '甲县财政局')] }], {
      prior: [{ name: '往年已存：甲县财政局-2022.html', reports: [reportOf(priorFor(now), '甲县财政局')] }],
    });
    render(<Detail row={row!} prior={row!.priorTable} children={[]} close={() => {}} />);
    const prior = screen.getByLabelText('上年报告');
    expect(prior.querySelector('h3')!.textContent).toBe('上年（2022）：往年已存：甲县财政局-2022.html');
    expect(prior.querySelectorAll('td').length).toBeGreaterThan(50);
  });
});
