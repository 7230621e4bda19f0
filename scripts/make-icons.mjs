// Draws the extension icon (a red tile, a white statistics table, a gold check badge) into
// public/icon/{16,32,48,128}.png. Pure Node: shapes as coverage functions, 8×8 supersampling, PNG via zlib.
// Usage: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED = [198, 40, 40], DARK = [142, 24, 24], WHITE = [255, 255, 255], GOLD = [249, 168, 37], GRID = [198, 40, 40];

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const nearSegment = (x, y, [ax, ay], [bx, by], w) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= w / 2;
};

/** Colour at (x, y) in [0,1]², or null (transparent). Thinner detail is dropped at small sizes. */
function paint(x, y, size) {
  if (!inRoundRect(x, y, 0, 0, 1, 1, 0.2)) return null;
  const badge = Math.hypot(x - 0.72, y - 0.72) <= 0.25;
  if (badge) {
    const w = size <= 16 ? 0.11 : 0.075;
    if (nearSegment(x, y, [0.6, 0.72], [0.69, 0.81], w) || nearSegment(x, y, [0.69, 0.81], [0.85, 0.62], w)) return WHITE;
    return Math.hypot(x - 0.72, y - 0.72) <= 0.2 ? GOLD : RED;
  }
  if (x >= 0.14 && x <= 0.8 && y >= 0.16 && y <= 0.8) {
    if (y <= 0.32) return DARK; // header row
    const line = size <= 16 ? 0.07 : 0.04;
    const cols = size <= 16 ? [0.47] : [0.36, 0.58];
    const rows = size <= 16 ? [0.56] : [0.48, 0.64];
    if (cols.some((c) => Math.abs(x - c) <= line / 2) || rows.some((r) => Math.abs(y - r) <= line / 2)) return GRID;
    return WHITE;
  }
  return RED;
}

function render(size, ss = 8) {
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let v = 0; v < ss; v++) for (let u = 0; u < ss; u++) {
      const c = paint((i + (u + 0.5) / ss) / size, (j + (v + 0.5) / ss) / size, size);
      if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
    }
    const o = (j * size + i) * 4;
    if (a) { px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a); }
    px[o + 3] = Math.round((255 * a) / (ss * ss));
  }
  return png(size, size, px);
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4), crc = Buffer.alloc(4), body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  len.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../public/icon/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`${size}.png`, dir), render(size));
  console.log(`public/icon/${size}.png`);
}
