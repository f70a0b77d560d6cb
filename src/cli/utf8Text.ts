const ENCODER = new TextEncoder();

/**
 * Text written straight into UTF-8 bytes, piece by piece. `signalbox lint` on a big design writes
 * 6 MB of findings: built as one string, it is a rope of a few hundred thousand pieces that V8
 * flattens (and, with one `→` in it, widens to two bytes a character) before encoding it. Here
 * each piece (a finding) is encoded as it comes, by the platform's encoder. The bytes are exactly
 * what Node's own UTF-8 encoder gives for the pieces joined (`Buffer.from(text)`): a pair split
 * across two pieces is still a pair, a lone surrogate is U+FFFD (utf8Text.test.ts).
 */
export class Utf8Text {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  /** A high surrogate that ended the last piece, waiting for the low half the next may start with. */
  private pending = '';

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
    if (this.length + 3 * text.length > this.bytes.length) this.grow(3 * text.length);
    // Native: it reads a rope without walking it a character at a time.
    this.length += ENCODER.encodeInto(text, this.bytes.subarray(this.length)).written;
    return this;
  }

  /** The bytes of everything added (a view, not a copy). */
  toBytes(): Uint8Array {
    if (this.pending !== '') {
      // A high surrogate at the very end has no low half to come: U+FFFD.
      this.pending = '';
      this.add('\ufffd');
    }
    return this.bytes.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const bigger = new Uint8Array(Math.max(2 * this.bytes.length, this.length + needed));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }
}
