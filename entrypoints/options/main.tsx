import { render } from 'preact';

render(<main><h1>年报助手 · 已保存的年报数据</h1></main>, document.getElementById('app')!);
