/**
 * A small context-mixing compressor (in the manner of lpaq): each bit is predicted by several
 * context models (the previous 1, 2, 3 and 4 bytes, the current word, the JSON nesting with
 * the previous byte, a long-match model, the bit position), their predictions are mixed by an online logistic mixer and refined
 * by an SSE stage, and a binary arithmetic coder spends -log2(p) bits on it. Deflate spends
 * ~60 bytes on its Huffman tables and codes a short link's literals at ~5 bits each; this codes
 * them at 2-3 bits, which is what a link of a few hundred bytes needs.
 *
 * The model is primed by running it over a preset text (dictionary.ts) before the first real
 * byte, so a link starts with the format's vocabulary already learnt.
 *
 * Everything is integer arithmetic (Math.imul, shifts, and exact integer doubles): no Math.exp
 * or Math.log, whose last bits may differ between JavaScript engines, so every browser decodes
 * exactly what any other one encoded. FROZEN with the link format: any change to a constant here
 * changes every link.
 */

// Logistic squash/stretch on 12-bit probabilities, by interpolation (lpaq1).
const SQUASH_POINTS = [
  1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785, 3901, 3975, 4022, 4050,
  4068, 4079, 4085, 4089, 4092, 4093, 4094,
];

function squashCalc(d: number): number {
  if (d > 2047) return 4095;
  if (d < -2047) return 0;
  const w = d & 127;
  const i = (d >> 7) + 16;
  return (SQUASH_POINTS[i]! * (128 - w) + SQUASH_POINTS[i + 1]! * w + 64) >> 7;
}

const SQUASH = new Int16Array(4096);
for (let d = -2048; d < 2048; d++) SQUASH[d + 2048] = squashCalc(d);
const squash = (d: number): number => (d > 2047 ? 4095 : d < -2047 ? 0 : SQUASH[d + 2048]!);

const STRETCH = new Int16Array(4096);
{
  let pi = 0;
  for (let x = -2047; x <= 2047; x++) {
    const v = squashCalc(x);
    for (let i = pi; i <= v; i++) STRETCH[i] = x;
    pi = v + 1;
  }
  for (let i = pi; i < 4096; i++) STRETCH[i] = 2047;
}

/** Adaptation rate of a counter seen n times: 1/(n+1.5), as a 16-bit fraction. */
const COUNT_LIMIT = 255;
const RATE = new Int32Array(COUNT_LIMIT + 1);
for (let n = 0; n <= COUNT_LIMIT; n++) RATE[n] = Math.floor(131072 / (2 * n + 3));

const ORDERS = 6; // hashed contexts: orders 1-4, word, key path
const INPUTS = ORDERS + 3; // + order 0, match, bias
const MIX_SETS = 256 * 3;
const MATCH_MIN = 5;
const SSE_RATE = 7;

function hash(a: number, b: number): number {
  return Math.imul(Math.imul(a, 0x2f0b3b5) ^ b, 0x9e3779b1) ^ (a >>> 15);
}

function isWordByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c >= 128;
}

export class Predictor {
  private readonly bits: number;
  private readonly p: Uint16Array; // every hashed context's counters, one table
  private readonly n: Uint8Array;
  private readonly o0 = new Uint16Array(256).fill(32768);
  private readonly o0n = new Uint8Array(256);
  private readonly base = new Int32Array(ORDERS);
  private readonly slot = new Int32Array(ORDERS);
  private readonly st = new Int32Array(INPUTS);
  private readonly w: Int32Array;
  private readonly sse: Uint16Array;
  private readonly matchP = new Uint16Array(64).fill(32768);
  private readonly matchN = new Uint8Array(64);
  private readonly matchTable: Int32Array;
  private buf: Uint8Array;
  private pos = 0;
  private c0 = 1;
  private c4 = 0;
  private word = 0;
  private path = 0;
  private inString = false;
  private matchPtr = 0;
  private matchLen = 0;
  private matchBit = 0;
  private mixPr = 2048;
  private sseIdx = 0;
  private sseW = 0;
  private set = 0;
  pr = 2048;

  constructor(bits: number, capacity: number) {
    this.bits = bits;
    this.p = new Uint16Array(1 << bits).fill(32768);
    this.n = new Uint8Array(1 << bits);
    this.w = new Int32Array(INPUTS * MIX_SETS).fill(1 << 14);
    this.sse = new Uint16Array(256 * 33);
    for (let c = 0; c < 256; c++) for (let j = 0; j < 33; j++) this.sse[c * 33 + j] = squash((j - 16) * 128) * 16;
    this.matchTable = new Int32Array(1 << Math.min(bits, 20));
    this.buf = new Uint8Array(Math.max(capacity, 1024));
    this.byteUpdate();
    this.predict();
  }

  /** A copy in the same state (a primed model is kept and copied, not primed again). */
  clone(capacity: number): Predictor {
    const copy = new Predictor(this.bits, this.pos + capacity);
    copy.p.set(this.p);
    copy.n.set(this.n);
    copy.o0.set(this.o0);
    copy.o0n.set(this.o0n);
    copy.base.set(this.base);
    copy.w.set(this.w);
    copy.sse.set(this.sse);
    copy.matchP.set(this.matchP);
    copy.matchN.set(this.matchN);
    copy.matchTable.set(this.matchTable);
    copy.buf.set(this.buf.subarray(0, this.pos));
    copy.pos = this.pos;
    copy.c4 = this.c4;
    copy.word = this.word;
    copy.path = this.path;
    copy.inString = this.inString;
    copy.matchPtr = this.matchPtr;
    copy.matchLen = this.matchLen;
    copy.set = this.set;
    copy.predict();
    return copy;
  }

  private byteUpdate(): void {
    const c1 = this.c4 & 0xff;
    const h = this.base;
    h[0] = hash(1, c1);
    h[1] = hash(2, this.c4 & 0xffff);
    h[2] = hash(3, this.c4 & 0xffffff);
    h[3] = hash(4, this.c4);
    h[4] = hash(7, this.word);
    h[5] = hash(8, hash(this.path, c1));
    // Mixer weights by where the byte stands: in a JSON string, after a quote or a structural byte.
    this.set = this.inString ? 0 : 256;
    if (c1 === 34 || c1 === 58 || c1 === 44 || c1 === 123 || c1 === 91) this.set = 512;

    // Match model: follow the last match or find a new one by the hash of the last MATCH_MIN bytes.
    if (this.matchLen > 0 && this.matchPtr < this.pos && this.buf[this.matchPtr] === c1) {
      this.matchLen++;
      this.matchPtr++;
    } else this.matchLen = 0;
    if (this.pos >= MATCH_MIN) {
      let mh = 0;
      for (let i = this.pos - MATCH_MIN; i < this.pos; i++) mh = Math.imul(mh ^ this.buf[i]!, 0x1000193);
      const m = (mh >>> 0) & (this.matchTable.length - 1);
      if (this.matchLen === 0) {
        const ptr = this.matchTable[m]!;
        if (ptr > 0) {
          let len = 0;
          while (len < 32 && ptr - len - 1 >= 0 && this.buf[ptr - len - 1] === this.buf[this.pos - len - 1]) len++;
          if (len >= MATCH_MIN) {
            this.matchLen = len;
            this.matchPtr = ptr;
          }
        }
      }
      this.matchTable[m] = this.pos;
    }
  }

  private predict(): void {
    const c0 = this.c0;
    const st = this.st;
    const shift = 32 - this.bits;
    for (let i = 0; i < ORDERS; i++) {
      const s = (Math.imul(this.base[i]! ^ Math.imul(c0, 0x3c6ef372), 0x9e3779b1) ^ i) >>> shift;
      this.slot[i] = s;
      st[i] = STRETCH[this.p[s]! >> 4]!;
    }
    st[ORDERS] = STRETCH[this.o0[c0]! >> 4]!;
    // Match: does the predicted byte still agree with the bits seen so far?
    let m = 0;
    if (this.matchLen > 0) {
      const expected = this.buf[this.matchPtr]! | 256;
      const bitCount = 31 - Math.clz32(c0);
      if (expected >> (8 - bitCount) === c0) {
        this.matchBit = (expected >> (7 - bitCount)) & 1;
        const strength = STRETCH[this.matchP[Math.min(this.matchLen, 31) * 2 + this.matchBit]! >> 4]!;
        m = this.matchBit ? strength : -strength;
      } else this.matchLen = 0;
    }
    st[ORDERS + 1] = m;
    st[ORDERS + 2] = 256;

    const w = this.w;
    const wo = (this.set + c0) * INPUTS;
    let dot = 0;
    for (let i = 0; i < INPUTS; i++) dot += st[i]! * w[wo + i]!;
    this.mixPr = squash(Math.floor(dot / 65536));

    // SSE: the mixed prediction refined in the context of the previous byte.
    const s = STRETCH[this.mixPr]! + 2048;
    const lo = s >> 7;
    this.sseW = s & 127;
    this.sseIdx = (this.c4 & 0xff) * 33 + lo;
    const a = this.sse[this.sseIdx]!;
    const b = this.sse[this.sseIdx + 1]!;
    const ssePr = (a * (128 - this.sseW) + b * this.sseW) >> 11;
    let pr = (this.mixPr + 3 * ssePr) >> 2;
    if (pr < 1) pr = 1;
    else if (pr > 4095) pr = 4095;
    this.pr = pr;
  }

  update(bit: number): void {
    const target = bit ? 65535 : 0;
    for (let i = 0; i < ORDERS; i++) {
      const s = this.slot[i]!;
      const k = this.n[s]!;
      this.p[s] = this.p[s]! + Math.floor(((target - this.p[s]!) * RATE[k]!) / 65536);
      if (k < COUNT_LIMIT) this.n[s] = k + 1;
    }
    const c0 = this.c0;
    const k0 = this.o0n[c0]!;
    this.o0[c0] = this.o0[c0]! + Math.floor(((target - this.o0[c0]!) * RATE[k0]!) / 65536);
    if (k0 < COUNT_LIMIT) this.o0n[c0] = k0 + 1;
    if (this.matchLen > 0) {
      const mi = Math.min(this.matchLen, 31) * 2 + this.matchBit;
      const km = this.matchN[mi]!;
      const hit = bit === this.matchBit ? 65535 : 0;
      this.matchP[mi] = this.matchP[mi]! + Math.floor(((hit - this.matchP[mi]!) * RATE[km]!) / 65536);
      if (km < COUNT_LIMIT) this.matchN[mi] = km + 1;
    }

    // Mixer: gradient step on the coding loss.
    const err = ((bit << 12) - this.mixPr) * 2;
    const w = this.w;
    const wo = (this.set + c0) * INPUTS;
    for (let i = 0; i < INPUTS; i++) w[wo + i] = w[wo + i]! + ((this.st[i]! * err) >> 10);

    const t = bit ? 65535 : 0;
    const j = this.sseIdx;
    this.sse[j] = this.sse[j]! + (((t - this.sse[j]!) * (128 - this.sseW)) >> (SSE_RATE + 7));
    this.sse[j + 1] = this.sse[j + 1]! + (((t - this.sse[j + 1]!) * this.sseW) >> (SSE_RATE + 7));

    this.c0 = (c0 << 1) | bit;
    if (this.c0 >= 256) {
      const c = this.c0 & 0xff;
      this.c0 = 1;
      if (this.pos >= this.buf.length) {
        const grown = new Uint8Array(this.buf.length * 2);
        grown.set(this.buf);
        this.buf = grown;
      }
      this.buf[this.pos++] = c;
      this.c4 = ((this.c4 << 8) | c) >>> 0;
      if (isWordByte(c)) this.word = Math.imul(this.word ^ (c | 32), 0x2c9277b5) + 1;
      else this.word = 0;
      // The key path: reset by `{`/`,`/`[`, grown by the key's bytes, so `"c":` in a node and in a
      // link predict differently.
      if (c === 34) this.inString = !this.inString;
      if (!this.inString && (c === 123 || c === 91)) this.path = hash(this.path, c);
      else if (!this.inString && (c === 125 || c === 93)) this.path = Math.imul(this.path, 0x01000193) ^ c;
      this.byteUpdate();
    }
    this.predict();
  }

  /** Learn these bytes as if they had been coded (priming). */
  learn(bytes: Uint8Array): void {
    for (const c of bytes) for (let i = 7; i >= 0; i--) this.update((c >> i) & 1);
  }
}

/** Binary arithmetic coder, 32-bit, carry-less (lpaq1). */
export function cmEncode(data: Uint8Array, model: Predictor): Uint8Array {
  let x1 = 0;
  let x2 = 0xffffffff;
  let out = new Uint8Array(Math.max(64, data.length >> 1));
  let o = 0;
  const put = (b: number) => {
    if (o >= out.length) {
      const grown = new Uint8Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[o++] = b;
  };
  for (const c of data) {
    for (let i = 7; i >= 0; i--) {
      const bit = (c >> i) & 1;
      const xmid = x1 + ((x2 - x1) >>> 12) * model.pr;
      if (bit) x2 = xmid;
      else x1 = xmid + 1;
      model.update(bit);
      while (((x1 ^ x2) & 0xff000000) === 0) {
        put(x2 >>> 24);
        x1 = (x1 << 8) >>> 0;
        x2 = ((x2 << 8) | 255) >>> 0;
      }
    }
  }
  put(x1 >>> 24);
  return out.slice(0, o);
}

/** `length` bytes back, or undefined when the stream runs out before them (it was not written by cmEncode). */
export function cmDecode(stream: Uint8Array, length: number, model: Predictor): Uint8Array | undefined {
  let x1 = 0;
  let x2 = 0xffffffff;
  let x = 0;
  let at = 0;
  // Past its end a stream reads as 0xff (what the encoder's one flush byte relies on), at most 3 times.
  const next = () => (at < stream.length ? stream[at++]! : (at++, 255));
  for (let i = 0; i < 4; i++) x = ((x << 8) | next()) >>> 0;
  const out = new Uint8Array(length);
  for (let k = 0; k < length; k++) {
    let c = 0;
    for (let i = 0; i < 8; i++) {
      const xmid = x1 + ((x2 - x1) >>> 12) * model.pr;
      const bit = x <= xmid ? 1 : 0;
      if (bit) x2 = xmid;
      else x1 = xmid + 1;
      model.update(bit);
      c = (c << 1) | bit;
      while (((x1 ^ x2) & 0xff000000) === 0) {
        x1 = (x1 << 8) >>> 0;
        x2 = ((x2 << 8) | 255) >>> 0;
        x = ((x << 8) | next()) >>> 0;
      }
    }
    if (at > stream.length + 3) return undefined;
    out[k] = c;
  }
  return out;
}
