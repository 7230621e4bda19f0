import { handle, type PageContext } from './context';

/** 下一个问题 (the manifest's keyboard command, forwarded by the background): the next problem's badge, focused. */
export function initNextProblem(ctx: PageContext, signal: AbortSignal): void {
  handle(ctx, signal, 'next-problem', async () =>
    ctx.live?.next() ? { ok: true } : { ok: false, message: '本页表格中没有需要处理的问题。' },
  );
}
