import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { downloadText } from '@/components/shared/download';
import '@/components/shared/style.css';

render(
  <Options
    api={{
      kv: browser.storage.local,
      requestHost: (pattern) => browser.permissions.request({ origins: [pattern] }),
      fetch: (input, init) => fetch(input, init),
      download: downloadText,
    }}
  />,
  document.getElementById('app')!,
);
