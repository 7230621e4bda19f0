// Shared by every backend page: loads the report into the page's editor and exposes the uniform test API
//   window.__cms = { kind, ready, getSaved(), setContent(html), editorRoot(), editorDoc() }
// getSaved(): what the CMS would store (the editor's own getContent()/getData()/html()/getHtml(), or the form's
// fields); setContent(html): replace the content through the editor's API (returns a Promise);
// editorRoot(): the element holding the tables (an iframe's <body>, a contenteditable root, or the <form>).
(function () {
  'use strict';
  window.cmsPage = function (kind, editor) {
    // The report, then (editor pages) a table whose blank cells hold every blank shape Word exports
    // (report/blank-cells.html; report.mjs BLANK_SHAPES).
    var parts = ['/report/gov2021-2023.html'].concat(kind === 'form' ? [] : ['/report/blank-cells.html']);
    Promise.all(parts.map(function (u) { return fetch(u).then(function (r) { return r.text(); }); }))
      .then(function (texts) { return editor.init(texts.join('')); })
      .then(function () {
        window.__cms = {
          kind: kind,
          ready: true,
          getSaved: function () { return editor.getSaved(); },
          setContent: function (html) { return Promise.resolve(editor.setContent(html)); },
          editorRoot: function () { return editor.editorRoot(); },
          editorDoc: function () { return editor.editorRoot().ownerDocument; },
        };
        var status = document.getElementById('cms-status');
        if (status) status.textContent = '编辑器已就绪';
      })
      .catch(function (e) {
        window.__cmsError = String(e && e.stack || e);
        var status = document.getElementById('cms-status');
        if (status) status.textContent = '编辑器加载失败：' + e;
      });
  };
})();
