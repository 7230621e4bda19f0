import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Help } from '@/components/help/Help';
import { startInChosenLocale } from '@/components/shared/locale';
import '@/components/shared/style.css';

void startInChosenLocale(browser.storage.local, 'help.title').then(() => render(<Help />, document.getElementById('app')!));
