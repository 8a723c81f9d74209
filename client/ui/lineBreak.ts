/**
 * Line breaking for text that mixes Chinese and Latin script. Phaser's own wrap breaks only at
 * spaces and cuts a word that does not fit letter by letter, so Chinese (which has no spaces)
 * broke anywhere: a line could begin with "。" or "，", and a sentence after a Latin word such as
 * "SYN" moved down whole, leaving a short line above. Here a line may break between any two
 * Chinese characters and at spaces, as Chinese typesetting does, but never before closing
 * punctuation nor after opening punctuation (the usual 禁則 rule), and Latin words stay whole.
 */

/** Chinese characters, kana and hangul: a line may break before and after each. */
const CJK = /[\u2E80-\u2FFF\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/u;
/** Chinese punctuation and full-width forms: a line may break after them too. */
const CJK_MARK = /[\u3000-\u303F\uFF00-\uFFEF]/u;
const breaksAround = (ch: string): boolean => CJK.test(ch) || CJK_MARK.test(ch);
/** Never at the start of a line: it belongs with what comes before it. */
const CLOSING = new Set([...'。，、．：；！？）」』】〉》〕］｝％…—,.;:!?)]}%']);
/** Never at the end of a line: it belongs with what comes after it. */
const OPENING = new Set([...'（「『【〈《〔［｛([{']);
/** A mark that labels the word after it ("✗ wrong", "◷ too late"): kept with that word across the space. */
const LABELS = new Set([...'✓✗◷★⚑♛↻⊘']);

interface Piece {
  text: string;
  /** A space stood before it: kept between pieces on a line, dropped at a line's start. */
  readonly spaced: boolean;
}

/** The text cut into the pieces a line may break between. */
function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  let spaced = false;
  let glueNext = false;
  for (const ch of line) {
    if (ch === ' ') {
      spaced = true;
      glueNext = false;
      continue;
    }
    const last = out[out.length - 1];
    const before = last?.text.slice(-1) ?? '';
    // A Latin "." or ")" closes the Latin word before it; after Chinese it begins one (".pcap").
    const closes = !spaced && CLOSING.has(ch) && (ch > '\u007f' || !breaksAround(before));
    const latinAfterLatin = !spaced && !breaksAround(ch) && !breaksAround(before) && !OPENING.has(ch);
    if (last && spaced && LABELS.has(last.text)) last.text += ` ${ch}`;
    else if (last && (glueNext || closes || latinAfterLatin)) last.text += ch;
    else out.push({ text: ch, spaced });
    glueNext = OPENING.has(ch);
    spaced = false;
  }
  return out;
}

/** Cuts a piece wider than a whole line character by character (a long code or URL). */
function cutToFit(text: string, width: number, measure: (s: string) => number): [string, string] {
  const chars = [...text];
  let n = chars.length;
  while (n > 1 && measure(chars.slice(0, n).join('')) > width) n--;
  // Even cut by force, a line does not begin with a closing mark nor end on an opening one.
  while (n > 1 && (CLOSING.has(chars[n]!) || OPENING.has(chars[n - 1]!))) n--;
  return [chars.slice(0, n).join(''), chars.slice(n).join('')];
}

/**
 * `text` in lines no wider than `width` as `measure` gives widths; its own line breaks are
 * kept, runs of spaces become one and lines are trimmed (as Phaser's advanced wrap does).
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/ +/g, ' ').split(/\r\n|\r|\n/).map((p) => p.trim())) {
    // Most texts fit whole: one measure for them, as Phaser's own wrap does, not one per piece.
    if (measure(paragraph) <= width) {
      lines.push(paragraph);
      continue;
    }
    let line = '';
    for (const piece of pieces(paragraph)) {
      const joined = line === '' ? piece.text : `${line}${piece.spaced ? ' ' : ''}${piece.text}`;
      if (measure(joined) <= width) {
        line = joined;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = piece.text;
      while (rest !== '' && measure(rest) > width) {
        const [head, tail] = cutToFit(rest, width, measure);
        lines.push(head);
        rest = tail;
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
