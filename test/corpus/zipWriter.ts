// A minimal zip writer for the odd-file corpus: parts stored or deflated as given, including a part inflated
// from a generator of chunks (a zip bomb is made in constant memory, a few hundred KB on disk).
import { crc32, deflateRawSync } from "node:zlib";

export interface Part {
  name: string;
  /** The whole content, or chunks of it produced one at a time. */
  data: Buffer | (() => Iterable<Buffer>);
}

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

/** Each chunk deflated as non-final blocks ending on a full flush (so they concatenate into one valid raw
 *  deflate stream), then an empty final block: the whole part never sits in memory. */
function deflateChunks(chunks: () => Iterable<Buffer>): { body: Buffer; crc: number; size: number } {
  let crc = 0;
  let size = 0;
  const pieces: Buffer[] = [];
  let last: { chunk: Buffer; block: Buffer } | undefined;
  for (const chunk of chunks()) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    // A full flush leaves no state behind: the same chunk always deflates to the same bytes.
    if (!last || !last.chunk.equals(chunk)) last = { chunk, block: deflateRawSync(chunk, { finishFlush: 3 /* Z_FULL_FLUSH */ }) };
    pieces.push(last.block);
  }
  pieces.push(Buffer.from([0x03, 0x00])); // an empty final fixed-Huffman block
  return { body: Buffer.concat(pieces), crc, size };
}

export function writeZip(parts: readonly Part[]): Buffer {
  const out: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    let body: Buffer;
    let crc: number;
    let size: number;
    if (Buffer.isBuffer(p.data)) {
      body = deflateRawSync(p.data);
      crc = crc32(p.data);
      size = p.data.length;
    } else ({ body, crc, size } = deflateChunks(p.data));
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    out.push(header, name, body);
    written.push({ name, crc, size, compressed: body.length, offset });
    offset += header.length + name.length + body.length;
  }
  const dirStart = offset;
  for (const w of written) {
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(w.crc >>> 0, 16);
    entry.writeUInt32LE(w.compressed, 20);
    entry.writeUInt32LE(w.size, 24);
    entry.writeUInt16LE(w.name.length, 28);
    entry.writeUInt32LE(w.offset, 42);
    out.push(entry, w.name);
    offset += entry.length + w.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - dirStart, 12);
  end.writeUInt32LE(dirStart, 16);
  out.push(end);
  return Buffer.concat(out);
}
