import { constants, crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';

/** Files made in the test (never committed): zips (a .docx is one) and PDFs of any page count. */

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of data, continuing from `prev` (the CRC of what came before). */
function crc32(data, prev = 0) {
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A zip of the given entries, deflated: `{ name, data }`, or `{ name, packed, size, crc }` for data
 * deflated beforehand (the bomb, whose data is too big to build).
 */
export function zip(entries) {
  const parts = [];
  const dir = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const packed = 'packed' in e ? e.packed : new Uint8Array(deflateRawSync(e.data));
    const crc = 'packed' in e ? e.crc : crc32(e.data);
    const size = 'packed' in e ? e.size : e.data.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(10, 8, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, packed.length, true);
    central.setUint32(24, size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, packed);
    dir.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + packed.length;
  }
  const dirSize = dir.reduce((s, d) => s + d.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  return concat([...parts, ...dir, new Uint8Array(end.buffer)]);
}

export function concat(parts) {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const enc = (s) => new TextEncoder().encode(s);

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const TAIL = '</w:body></w:document>';

function docxOf(document) {
  return zip([{ name: '[Content_Types].xml', data: enc(CONTENT_TYPES) }, { name: '_rels/.rels', data: enc(RELS) }, document]);
}

/** A .docx whose body is the given paragraphs' XML. */
export function docx(bodyXml) {
  return docxOf({ name: 'word/document.xml', data: enc(HEAD + bodyXml + TAIL) });
}

/**
 * The zip bomb of the audit: a small .docx whose document.xml unpacks to `mb` MB of XML. Built
 * from one deflated megabyte repeated (full flushes make the pieces independent), so that making
 * it takes no longer than the test.
 */
export function zipBombDocx(mb = 150) {
  const unit = enc('<w:p><w:r><w:t>0</w:t></w:r></w:p>');
  const chunk = new Uint8Array(1024 * 1024 - ((1024 * 1024) % unit.length));
  for (let at = 0; at < chunk.length; at += unit.length) chunk.set(unit, at);
  const flushed = (d) => new Uint8Array(deflateRawSync(d, { finishFlush: constants.Z_FULL_FLUSH }));
  const pieces = [flushed(enc(HEAD)), ...Array.from({ length: mb }, () => flushed(chunk)), new Uint8Array(deflateRawSync(enc(TAIL)))];
  let crc = zlibCrc32(enc(HEAD));
  for (let k = 0; k < mb; k++) crc = zlibCrc32(chunk, crc);
  crc = zlibCrc32(enc(TAIL), crc);
  const size = HEAD.length + mb * chunk.length + TAIL.length;
  return docxOf({ name: 'word/document.xml', packed: concat(pieces), size, crc });
}

/** A PDF of `pages` pages, page n showing the text 「Page n」 (one content stream per page). */
export function pdfOfPages(pages) {
  const objs = [];
  // 1: catalog, 2: pages, 3: font, then per page: page object and its content stream.
  const kids = [];
  for (let n = 0; n < pages; n++) kids.push(`${4 + 2 * n} 0 R`);
  objs.push('<< /Type /Catalog /Pages 2 0 R >>');
  objs.push(`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`);
  objs.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let n = 0; n < pages; n++) {
    const stream = `BT /F1 12 Tf 72 720 Td (Page ${n + 1}) Tj ET`;
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * n} 0 R >>`);
    objs.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc(out);
}
