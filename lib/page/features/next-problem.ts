import { handle, type PageContext } from './context';
import { t } from '../../i18n';

/** 下一个问题 (the manifest's keyboard command, forwarded by the background): the next problem's badge, focused. */
export function initNextProblem(ctx: PageContext, signal: AbortSignal): void {
  handle(ctx, signal, 'next-problem', async () =>
    ctx.live?.next() ? { ok: true } : { ok: false, message: t('page.noProblem') },
  );
}
