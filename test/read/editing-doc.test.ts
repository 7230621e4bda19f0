// The report as typed in an editor: CKEditor 4's editing iframe (designMode, its own accessibility title)
// and CKEditor 5 / wangEditor 5 (a contenteditable region inside the CMS page's own chrome).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { mapNarrative, narrativeRoot, readDom } from '@/lib/read/dom';
import { detectHeading } from '@/lib/read/detect';

const REPORT = readFileSync(resolve(__dirname, '../e2e/pages/report/gov2021-2023.html'), 'utf8');
const BODY = '滨江区人民政府办公室';

function newDoc(html: string): Document {
  const doc = new Window({ url: 'http://127.0.0.1/' }).document as unknown as Document;
  doc.documentElement.innerHTML = html;
  return doc;
}

describe('body name in an editor document', () => {
  for (const title of ['编辑器, content', 'Rich Text Editor, editor1']) {
    it(`CKEditor 4 editing iframe titled 「${title}」 (designMode)`, () => {
      const doc = newDoc(`<head><title>${title}</title></head><body>${REPORT}</body>`);
      doc.designMode = 'on';
      const [rep] = readDom(doc);
      expect(rep?.year).toBe(2023);
      expect(rep?.body).toBe(BODY);
    });
    it(`CKEditor 4 inline-style body (contenteditable) titled 「${title}」`, () => {
      const doc = newDoc(`<head><title>${title}</title></head><body contenteditable="true" class="cke_editable">${REPORT}</body>`);
      expect(readDom(doc)[0]?.body).toBe(BODY);
    });
  }

  it('a published page keeps its title as the heading', () => {
    const doc = newDoc(`<head><title>${BODY}2023年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p>${REPORT.replace(/<h1>.*?<\/h1>/, '')}</body>`);
    expect(readDom(doc)[0]?.body).toBe(BODY);
  });
});

describe('detectHeading: the body is read from the title line only', () => {
  it('text on the line above is not glued to the body', () => {
    expect(detectHeading(`编辑器, content\n${BODY}2023年政府信息公开工作年度报告`)).toMatchObject({ year: 2023, body: BODY });
    expect(detectHeading(`首页 > 信息公开 > 年度报告\n${BODY}2023年政府信息公开工作年度报告`).body).toBe(BODY);
  });
  it('nor is the end of the sentence before it', () => {
    expect(detectHeading(`请按要求填写。${BODY}2023年政府信息公开工作年度报告`).body).toBe(BODY);
  });
  it('a title in two lines (body, then the year and report name) keeps its body', () => {
    expect(detectHeading(`${BODY}\n2023年政府信息公开工作年度报告`)).toMatchObject({ year: 2023, body: BODY });
  });
});

describe('narrative of a report typed in a contenteditable region', () => {
  const chrome = '<nav>首页 栏目管理 信息公开 2023年报统计 发布 保存草稿</nav><label>标题</label><input value="年报"><button>提交审核</button>';
  it('CKEditor 5: only the editable root holding the tables, not the CMS page around it', () => {
    const doc = newDoc(`<body>${chrome}<div class="ck ck-editor"><div class="ck-toolbar">段落 加粗 插入表格</div>
      <div class="ck-editor__editable ck-content" contenteditable="true" role="textbox">${REPORT.replace(/<table/g, '<figure class="table" contenteditable="false"><table').replace(/<\/table>/g, '</table></figure>')}</div></div>
      <footer>版权所有 技术支持</footer></body>`);
    const root = narrativeRoot(doc) as Element;
    expect(root.className).toContain('ck-editor__editable');
    const text = mapNarrative(doc).text;
    expect(text.startsWith(`${BODY}2023年政府信息公开工作年度报告`)).toBe(true);
    for (const w of ['栏目管理', '提交审核', '插入表格', '版权所有']) expect(text).not.toContain(w);
    expect(readDom(doc)[0]?.narrative).toBe(text);
  });
  it('wangEditor 5: the Slate root', () => {
    const doc = newDoc(`<body>${chrome}<div id="toolbar">撤销 重做 表格</div><div id="editor"><div data-slate-editor="true" contenteditable="true" class="w-e-text">${REPORT}</div></div></body>`);
    const text = mapNarrative(doc).text;
    expect(text).toContain('一、总体情况');
    for (const w of ['栏目管理', '提交审核', '撤销', '重做']) expect(text).not.toContain(w);
  });
  it('a page without an editable region (published report, form) keeps the whole document', () => {
    const doc = newDoc(`<body>${chrome}${REPORT}</body>`);
    expect(narrativeRoot(doc)).toBe(doc);
    expect(mapNarrative(doc).text).toContain('栏目管理');
  });
});
