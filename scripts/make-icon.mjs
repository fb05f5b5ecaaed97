// Writes media/icon.png (128×128): a lens over a shield, drawn pixel by pixel so no image tool is needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  px[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    const i = y * (N * 4 + 1) + 1 + x * 4;
    const inShield = y > 10 && y < 118 && Math.abs(x - 64) < (y < 70 ? 50 : 50 - (y - 70) * 1.05);
    const d = Math.hypot(x - 58, y - 56);
    const ring = d > 22 && d < 30;
    const lens = d <= 22;
    const handle = x > 74 && y > 72 && Math.abs(x - 72 - (y - 70)) < 7 && x < 100;
    let c = [0, 0, 0, 0];
    if (inShield) c = [18, 74, 140, 255];
    if (lens) c = [120, 190, 250, 255];
    if (ring || handle) c = [255, 255, 255, 255];
    px.set(c, i);
  }
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
};
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c;
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
writeFileSync('media/icon.png', Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(px)), chunk('IEND', Buffer.alloc(0))]));
console.log('wrote media/icon.png');
