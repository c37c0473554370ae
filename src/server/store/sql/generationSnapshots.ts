// A stored generation of one record kind, also kept as one compact binary value beside its rows:
// reading a million awards row by row costs seconds at every server start, while one value of
// columns (string dictionaries and typed arrays, columnarRecords.ts) reads and decodes in a fraction
// of that. The rows stay the truth (keys, constraints, SQL); the snapshot is written in the same
// transaction as them and dropped with them, and a generation without one is read from its rows.
// The value is deflated at the fastest level: a million awards make 58 MB of columns but 11 MB to
// send, and a database driver moves bytea as text (base64 here), so fewer bytes win twice.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StoredKind } from '../../../api/importContract';
import { decodeRecords, encodeRecords, type ColumnarChunk } from '../columnarRecords';
import { storedShape } from './recordTables';

type TypedArrayName = 'Uint32Array' | 'Float64Array' | 'Uint8Array';
type BinaryRef = { array: TypedArrayName; offset: number; length: number };
/** A dictionary's strings as UTF-8 joined by NUL, which no stored text can hold (PostgreSQL refuses it in text). */
type StringsRef = { strings: BinaryRef };

const SEPARATOR = '\u0000';

/** The chunk with its typed arrays replaced by references into the binary part. */
type ChunkHeader = { count: number; columns: ({ type: string } & Record<string, unknown>)[] };

const HEADER_LENGTH_BYTES = 4;

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The records as one value: deflated, 4 bytes of header length, the JSON header, then the typed arrays, 8-byte aligned. */
export function encodeSnapshot(kind: StoredKind, records: readonly object[]): Uint8Array {
  const chunk = encodeRecords(records.map((record) => storedShape(kind, record)));
  const arrays: ArrayBufferView[] = [];
  let binaryLength = 0;
  const reference = (view: Uint32Array | Float64Array | Uint8Array): BinaryRef => {
    const ref: BinaryRef = { array: view.constructor.name as TypedArrayName, offset: binaryLength, length: view.length };
    arrays.push(view);
    binaryLength = align8(binaryLength + view.byteLength);
    return ref;
  };
  const header: ChunkHeader = {
    count: chunk.count,
    columns: chunk.columns.map((column): ChunkHeader['columns'][number] => {
      if (column.type === 'dictionary') {
        const strings: StringsRef = { strings: reference(new TextEncoder().encode(column.values.join(SEPARATOR))) };
        return { ...column, values: strings, index: reference(column.index) };
      }
      if (column.type === 'number') return { ...column, values: reference(column.values), present: column.present ? reference(column.present) : null };
      return { ...column };
    }),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const binaryStart = align8(HEADER_LENGTH_BYTES + headerBytes.length);
  const bytes = new Uint8Array(binaryStart + binaryLength);
  new DataView(bytes.buffer).setUint32(0, headerBytes.length, true);
  bytes.set(headerBytes, HEADER_LENGTH_BYTES);
  let at = binaryStart;
  for (const view of arrays) {
    bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
    at = align8(at + view.byteLength);
  }
  return deflateRawSync(bytes, { level: 1 });
}

/** The records back from encodeSnapshot's value, equal to what reading the generation's rows gives. */
export function decodeSnapshot(stored: Uint8Array): object[] {
  // Inflated into a fresh buffer, so the typed arrays below are aligned wherever the driver's bytes started.
  const bytes = new Uint8Array(inflateRawSync(stored));
  const headerLength = new DataView(bytes.buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_LENGTH_BYTES, HEADER_LENGTH_BYTES + headerLength))) as ChunkHeader;
  const binaryStart = align8(HEADER_LENGTH_BYTES + headerLength);
  const view = (ref: BinaryRef) => {
    const offset = binaryStart + ref.offset;
    if (ref.array === 'Uint32Array') return new Uint32Array(bytes.buffer, offset, ref.length);
    if (ref.array === 'Float64Array') return new Float64Array(bytes.buffer, offset, ref.length);
    return new Uint8Array(bytes.buffer, offset, ref.length);
  };
  const columns = header.columns.map((column) => {
    if (column.type === 'dictionary') {
      const values = new TextDecoder().decode(view((column.values as StringsRef).strings)).split(SEPARATOR);
      return { ...column, values, index: view(column.index as BinaryRef) };
    }
    if (column.type === 'number') return { ...column, values: view(column.values as BinaryRef), present: column.present ? view(column.present as BinaryRef) : null };
    // JSON wrote an absent value as null; stored records never hold null (storedShape), so null is absent.
    return { ...column, values: (column.values as unknown[]).map((value) => (value === null ? undefined : value)) };
  });
  return decodeRecords<object>({ count: header.count, columns } as unknown as ColumnarChunk);
}
