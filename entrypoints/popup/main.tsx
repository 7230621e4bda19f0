import { render } from 'preact';

render(<main><h1>年报助手</h1></main>, document.getElementById('app')!);
