/**
 * What the HTML reader needs to know about each tag, as bit flags looked up once per element: how it reads (block,
 * heading, dropped…) and how it behaves in tree building (the HTML spec's "special", scope and p-closing lists).
 */

/** Starts and ends a line of text; everything else is inline and joins its block's text. */
export const BLOCK = 1;
/** Content is never report text (scripts, styles, embedded objects, `<head>`). */
export const DROPPED = 1 << 1;
/** h1–h6; the level is `flags >>> LEVEL_SHIFT`. */
export const HEADING = 1 << 2;
export const PRE = 1 << 3;
/** Start tags that close an open `<p>` in button scope (HTML spec, "in body" insertion mode). */
export const CLOSES_P = 1 << 4;
/** The spec's "special" category: an end tag of an inline element never closes past one of these. */
export const SPECIAL = 1 << 5;
/** Elements that bound the spec's default scope (where an end tag looks for its element). */
export const SCOPE = 1 << 6;
/** Formatting elements: their end tag closes them even across a block inside (the adoption agency, simplified). */
export const FORMATTING = 1 << 7;
/** Void elements (HTML spec): they open and close at once and hold nothing. */
export const VOID = 1 << 8;
/** Elements that may stay inside `<head>` (any other start tag ends the head and starts the body). */
export const HEAD_CONTENT = 1 << 9;
export const TABLE = 1 << 10;
export const ROW = 1 << 11;
/** td and th. */
export const CELL = 1 << 12;
/** tbody, thead, tfoot. */
export const SECTION = 1 << 13;
export const CAPTION = 1 << 14;
/** col and colgroup: table structure that carries no text. */
export const COLUMNS = 1 << 15;
/** Extra scope boundaries: `</p>` looks no further than a button, `</li>` no further than a list. */
export const SCOPE_BUTTON = 1 << 16;
export const SCOPE_LIST = 1 << 17;
/** Elements the tree builder keeps track of while open (head, body, html, svg, math, form, noscript, select). */
export const TRACKED = 1 << 18;
/** Start tags that end an open element of their kind: h1–h6, li, dd, dt, option, optgroup, button, a. */
export const SIBLING = 1 << 19;
export const LEVEL_SHIFT = 20;

/** Table structure tags: only meaningful inside a table, ignored elsewhere (as the spec does). */
export const TABLE_PART = ROW | CELL | SECTION | CAPTION | COLUMNS;

const FLAGS = new Map<string, number>();

function mark(flag: number, tags: string): void {
  for (const tag of tags.split(/\s+/)) if (tag) FLAGS.set(tag, (FLAGS.get(tag) ?? 0) | flag);
}

mark(BLOCK, `address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption
  figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol option p pre section summary
  table tbody td tfoot th thead tr ul`);
mark(DROPPED, 'head title script style noscript template iframe object embed svg math canvas audio video');
mark(PRE, 'pre');
mark(CLOSES_P, `address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer
  header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form li dd dt plaintext
  table hr xmp`);
mark(SPECIAL, `address applet area article aside base basefont bgsound blockquote body br button caption center col
  colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head
  header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript
  object ol p param plaintext pre script search section select source style summary table tbody td template textarea
  tfoot th thead title tr track ul wbr xmp`);
mark(SCOPE, 'applet caption html table td th marquee object template');
mark(SCOPE_BUTTON, 'button');
mark(SCOPE_LIST, 'ol ul');
mark(TRACKED, 'head body html svg math form noscript select');
mark(SIBLING, 'h1 h2 h3 h4 h5 h6 li dd dt option optgroup button a');
mark(FORMATTING, 'a b big code em font i nobr s small strike strong tt u');
mark(VOID, 'area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr');
mark(HEAD_CONTENT, 'base basefont bgsound link meta noframes script style template title noscript html head');
mark(TABLE, 'table');
mark(ROW, 'tr');
mark(CELL, 'td th');
mark(SECTION, 'tbody thead tfoot');
mark(CAPTION, 'caption');
mark(COLUMNS, 'col colgroup');
for (let level = 1; level <= 6; level++) FLAGS.set(`h${level}`, FLAGS.get(`h${level}`)! | HEADING | (level << LEVEL_SHIFT));

/** Flags of a lower-case tag name; 0 for an inline element. */
function tagFlags(tag: string): number {
  return FLAGS.get(tag) ?? 0;
}

/** A tag name as read from the source: lower case (`<image>` is `img`, as browsers have it), with its flags. */
export interface Tag {
  readonly name: string;
  readonly flags: number;
  /** A small number for a known tag (index into per-document counters), -1 for any other. */
  readonly id: number;
}

/**
 * Known tags by length and first letter, so that most names are found without slicing, lower-casing and hashing a
 * new string for every tag. The names are the same strings every time, so comparing them is cheap too.
 */
const KNOWN: { spelling: string; tag: Tag }[][] = [];
const MAX_KNOWN_LENGTH = 15;
const bucketOf = (length: number, firstChar: number) => (length << 5) | (firstChar & 31);
const IDS = new Map<string, number>();

function know(spelling: string, name = spelling): void {
  const key = bucketOf(spelling.length, spelling.charCodeAt(0));
  if (!IDS.has(name)) IDS.set(name, IDS.size);
  (KNOWN[key] ??= []).push({ spelling, tag: { name, flags: tagFlags(name), id: IDS.get(name)! } });
}

for (const name of FLAGS.keys()) know(name);
for (const name of `a abbr b bdi bdo big button cite code del dfn em font i ins kbd label mark nobr q rp rt ruby s samp
  select small span strike strong sub sup textarea time tt u var xmp listing plaintext noembed noframes`.split(/\s+/)) {
  if (!FLAGS.has(name)) know(name);
}
know('image', 'img');

/** Number of known tag ids. */
export const KNOWN_TAGS = IDS.size;

/** The tag named by `source` from `start` to `end`, in any letter case. */
export function tagAt(source: string, start: number, end: number): Tag {
  const length = end - start;
  const bucket = length <= MAX_KNOWN_LENGTH ? KNOWN[bucketOf(length, source.charCodeAt(start))] : undefined;
  if (bucket) {
    next: for (const { spelling, tag } of bucket) {
      for (let i = 0; i < length; i++) {
        const c = source.charCodeAt(start + i);
        // ASCII upper case to lower case: HTML tag names are case-insensitive.
        if ((c >= 65 && c <= 90 ? c + 32 : c) !== spelling.charCodeAt(i)) continue next;
      }
      return tag;
    }
  }
  const name = source.slice(start, end).toLowerCase();
  return { name, flags: tagFlags(name), id: IDS.get(name) ?? -1 };
}
