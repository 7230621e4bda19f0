/**
 * The Chinese texts (the extension's own language). The key set of every other locale is this one's; a test
 * holds them equal, placeholders included.
 */
export const zh = {
  // CSV export: header row and the words in its cells
  'csv.col.body': '单位名称',
  'csv.col.site': '网站',
  'csv.col.year': '年度',
  'csv.col.format': '表格式样',
  'csv.col.table': '表',
  'csv.col.item': '项目',
  'csv.col.value': '数值',
  'csv.col.source': '来源',
  'csv.col.savedAt': '保存时间',
  'csv.source.page': '编辑页面',
  'csv.error.columns': 'CSV 文件缺少「项目」和「数值」两列，无法识别（请使用本扩展导出的 CSV 文件）',
  // export file names and buttons
  'export.jsonName': '{name}（机器读取用，供导入）.json',
  'export.csvName': '{name}（表格）.csv',
  'export.allName': '年报助手数据-{date}',
  'export.reportName': '{body}-{year}年报数据',

  // what a library's error means for the clerk (lib/plain-error.ts)
  'error.quota': '浏览器给年报助手的存储空间已满。请在设置页「已保存的年报数据」中先「导出全部」留存，再删除不再需要的旧年度数据，然后重试。',
  'error.data': '数据不完整或格式不对，无法使用。请重新导出或重新选择文件后再试。',
  'error.json': '文件内容不完整或已损坏（可能没有下载完整或被改动过）。请重新导出或重新下载后再导入。',
  'error.pdfPassword': '这个 PDF 文件设有密码，无法读取。请用 PDF 阅读器打开后复制其中的文字，粘贴到「粘贴文字」框中读取。',
  'error.pdf': '这个 PDF 文件已损坏或不完整。请用 PDF 阅读器打开确认，或复制其中的文字粘贴读取。',
  'error.docx': '这个 Word 文件已损坏，或不是 .docx 格式。请在 Word 或 WPS 中打开后「另存为」.docx 文件再导入。',
  'error.timeout': '等待时间过长，已停止。请检查网络后重试。',
  'error.network': '无法连接该网站。请检查网址是否正确、本机能否访问该网站（内网网站需在内网中打开）。',
  'error.fileGone': '文件无法读取，可能已被移动、删除或正被其他程序占用。请重新选择文件。',
  'error.reloaded': '年报助手刚刚更新或重新启动。请刷新编辑页面后再试，已填写的内容不受影响。',
  'error.denied': '浏览器不允许这样操作。请刷新页面后重试。',
  'error.unknown': '出现了意外问题，操作没有完成，已保存的数据不受影响。请刷新页面后重试；若仍出现，请在设置页「导出全部」留存数据后重启浏览器。',
  'error.withWhat': '{what}：{why}',
  'error.storageRead': '无法读取浏览器存储。请关闭此页后重新打开；若仍失败，请重启浏览器。',
  'import.jsonUnreadable': 'JSON 文件无法读取',
  'import.notSaved': '没有保存',
  'import.fileUnreadable': '文件无法读取',
  'options.exportJson': '导出全部（JSON，供本扩展导入）',
  'options.exportCsv': '导出全部（CSV 表格，可用 Excel 或 WPS 打开）',
  'options.listFailed': '无法读取已保存的数据',
} as const;

export type MessageKey = keyof typeof zh;
export type Messages = Readonly<Record<MessageKey, string>>;
