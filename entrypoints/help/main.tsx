import { render } from 'preact';
import { Help } from '@/components/help/Help';
import '@/components/shared/style.css';

render(<Help />, document.getElementById('app')!);
