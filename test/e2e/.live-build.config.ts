import base from '../../wxt.config';
export default { ...base, root: process.cwd(), outDir: '.output-live', filterEntrypoints: ['background', 'content'] };
