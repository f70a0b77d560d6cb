const ENCODER = new TextEncoder();

/** What a full buffer is handed to: it must be done with the bytes when it returns (they are reused). */
export type ByteSink = (bytes: Uint8Array) => void;

/**
 * Text written out as UTF-8 through one small buffer, piece by piece. `signalbox lint` on a big
 * design writes 6 MB of findings: built as one string, it is a rope of a few hundred thousand
 * pieces that V8 flattens (and, with one `→` in it, widens to two bytes a character) before
 * encoding it; built as one 6 MB byte array, it is fresh memory, which the kernel hands out a page
 * at a time (bench/open.ts). Here each piece (a finding) is encoded as it comes into a buffer of
 * `capacity` bytes, and the buffer goes to `sink` whenever the next piece might not fit. The bytes
 * are exactly what Node's own UTF-8 encoder gives for the pieces joined (`Buffer.from(text)`): a
 * pair split across two pieces is still a pair, a lone surrogate is U+FFFD (utf8Text.test.ts).
 */
export class Utf8Text {
  private readonly bytes: Uint8Array;
  private length = 0;
  /** A high surrogate that ended the last piece, waiting for the low half the next may start with. */
  private pending = '';

  constructor(
    private readonly sink: ByteSink,
    capacity = 1 << 16,
  ) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Append `piece`. */
  add(piece: string): this {
    let text = this.pending === '' ? piece : this.pending + piece;
    this.pending = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      // A high surrogate at the end: its low half may start the next piece.
      this.pending = text[text.length - 1]!;
      text = text.slice(0, -1);
    }
    // At most 3 bytes for each UTF-16 unit (a pair's 4 bytes are 2 per unit).
    const most = 3 * text.length;
    if (this.length + most > this.bytes.length) this.flush();
    if (most > this.bytes.length) {
      // Bigger than the whole buffer: encoded on its own, after what came before it.
      this.sink(ENCODER.encode(text));
      return this;
    }
    // Native: it reads a rope without walking it a character at a time.
    this.length += ENCODER.encodeInto(text, this.bytes.subarray(this.length)).written;
    return this;
  }

  /** Hand what is left to the sink: a high surrogate at the very end has no low half to come, so it is U+FFFD. */
  end(): void {
    if (this.pending !== '') {
      this.pending = '';
      this.add('\ufffd');
    }
    this.flush();
  }

  private flush(): void {
    if (this.length === 0) return;
    this.sink(this.bytes.subarray(0, this.length));
    this.length = 0;
  }
}
