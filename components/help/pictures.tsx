import { t } from '@/lib/i18n';
/** The help page's small drawings: plain SVG, drawn for this page. Text inside is part of the picture (aria-hidden). */

const CELL = { stroke: '#8c959f', fill: '#fff' };

/** A row of three cells: a red-outlined wrong total and a yellow dashed cell to check. */
export function SeverityPicture() {
  return (
    <svg viewBox="0 0 300 90" width="300" height="90" role="img" aria-label={t('help.pic.severity')}>
      <g font-size="14" text-anchor="middle">
        {[0, 1, 2].map((i) => (
          <rect key={i} x={10 + i * 60} y="10" width="60" height="30" {...CELL} />
        ))}
        <text x="40" y="30">3</text>
        <text x="100" y="30">2</text>
        <text x="160" y="30">6</text>
        <rect x="132" y="12" width="56" height="26" fill="none" stroke="#cf222e" stroke-width="3" />
        <text x="250" y="30" fill="#cf222e" font-size="13">{t('help.pic.mustFix')}</text>
        <rect x="10" y="50" width="60" height="30" {...CELL} />
        <text x="40" y="70">0</text>
        <rect x="12" y="52" width="56" height="26" fill="none" stroke="#9a6700" stroke-width="3" stroke-dasharray="5 3" />
        <text x="160" y="70" fill="#7d4e00" font-size="13">{t('help.pic.canExplain')}</text>
      </g>
    </svg>
  );
}

/** A column of parts adding up to its total. */
export function SumPicture() {
  return (
    <svg viewBox="0 0 220 120" width="220" height="120" role="img" aria-label={t('help.pic.sum')}>
      <g font-size="14" text-anchor="middle">
        {[t('help.pic.item'), t('help.pic.item'), t('help.pic.total')].map((label, i) => (
          <g key={i}>
            <rect x="10" y={10 + i * 34} width="70" height="30" {...CELL} fill={i === 2 ? '#f6f8fa' : '#fff'} />
            <text x="45" y={30 + i * 34}>{label}</text>
            <rect x="80" y={10 + i * 34} width="50" height="30" {...CELL} />
            <text x="105" y={30 + i * 34}>{[3, 2, 5][i]}</text>
          </g>
        ))}
        <text x="175" y="55" font-size="13">3 + 2</text>
        <text x="175" y="96" font-size="13">= 5 ✓</text>
      </g>
    </svg>
  );
}

/** Last year's 结转下年度 carried into this year's 上年结转. */
export function PrefillPicture() {
  return (
    <svg viewBox="0 0 320 100" width="320" height="100" role="img" aria-label={t('help.pic.prefill')}>
      <g font-size="13" text-anchor="middle">
        <rect x="10" y="10" width="120" height="80" rx="4" {...CELL} />
        <text x="70" y="30">{t('help.pic.lastReport')}</text>
        <rect x="22" y="50" width="96" height="28" fill="#f6f8fa" stroke="#8c959f" />
        <text x="70" y="69">{t('help.pic.carriedTo', { n: 3 })}</text>
        <rect x="190" y="10" width="120" height="80" rx="4" {...CELL} />
        <text x="250" y="30">{t('help.pic.thisReport')}</text>
        <rect x="202" y="50" width="96" height="28" fill="#ddf4ff" stroke="#0969da" stroke-width="2" />
        <text x="250" y="69">{t('help.pic.carriedFrom', { n: 3 })}</text>
        <path d="M120 64 H198" stroke="#0969da" stroke-width="2.5" fill="none" />
        <path d="M192 58 L202 64 L192 70 Z" fill="#0969da" />
      </g>
    </svg>
  );
}

/** A warning marked as checked, with its note. */
export function ConfirmPicture() {
  return (
    <svg viewBox="0 0 320 100" width="320" height="100" role="img" aria-label={t('help.pic.confirm')}>
      <g font-size="13">
        <rect x="10" y="10" width="300" height="80" rx="6" fill="#fff8c5" stroke="#9a6700" />
        <text x="24" y="34" fill="#7d4e00">{t('help.pic.warning')}</text>
        <rect x="24" y="46" width="200" height="30" rx="3" fill="#fff" stroke="#8c959f" />
        <text x="32" y="66">{t('help.pic.note')}</text>
        <rect x="234" y="46" width="64" height="30" rx="3" fill="#1a7f37" />
        <text x="266" y="66" fill="#fff" text-anchor="middle">{t('help.pic.verified')}</text>
      </g>
    </svg>
  );
}
