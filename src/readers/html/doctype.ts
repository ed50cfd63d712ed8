/**
 * Quirks mode from the doctype, as the HTML spec (and parse5) decide it. The only quirk the HTML reader follows is that
 * a `<table>` does not end an open `<p>`; pages without a doctype, common on older government sites, are in quirks mode.
 */

/** Public identifiers (lower case) whose prefix means quirks mode, sharing their common beginnings. */
const QUIRKS_PREFIXES = [
  '+//silmaril//dtd html pro v0r11 19970101//',
  '-//as//dtd html 3.0 aswedit + extensions//',
  '-//advasoft ltd//dtd html 3.0 aswedit + extensions//',
  ...['2.0 level 1', '2.0 level 2', '2.0 strict level 1', '2.0 strict level 2', '2.0 strict', '2.0', '2.1e', '3.0',
    '3.2 final', '3.2', '3', 'level 0', 'level 1', 'level 2', 'level 3', 'strict level 0', 'strict level 1',
    'strict level 2', 'strict level 3', 'strict', ''].map((v) => `-//ietf//dtd html ${v}//`.replace(' //', '//')),
  '-//metrius//dtd metrius presentational//',
  ...['2.0 html strict', '2.0 html', '2.0 tables', '3.0 html strict', '3.0 html', '3.0 tables']
    .map((v) => `-//microsoft//dtd internet explorer ${v}//`),
  '-//netscape comm. corp.//dtd html//',
  '-//netscape comm. corp.//dtd strict html//',
  "-//o'reilly and associates//dtd html 2.0//",
  "-//o'reilly and associates//dtd html extended 1.0//",
  "-//o'reilly and associates//dtd html extended relaxed 1.0//",
  '-//sq//dtd html 2.0 hotmetal + extensions//',
  '-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//',
  '-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//',
  '-//spyglass//dtd html 2.0 extended//',
  '-//sun microsystems corp.//dtd hotjava html//',
  '-//sun microsystems corp.//dtd hotjava strict html//',
  ...['3 1995-03-24', '3.2 draft', '3.2 final', '3.2', '3.2s draft', '4.0 frameset', '4.0 transitional',
    'experimental 19960712', 'experimental 970421'].map((v) => `-//w3c//dtd html ${v}//`),
  '-//w3c//dtd w3 html//',
  '-//w3o//dtd w3 html 3.0//',
  '-//webtechs//dtd mozilla html 2.0//',
  '-//webtechs//dtd mozilla html//',
];
/** Prefixes that mean quirks mode only when the doctype has no system identifier. */
const QUIRKS_WITHOUT_SYSTEM_ID_PREFIXES = ['-//w3c//dtd html 4.01 frameset//', '-//w3c//dtd html 4.01 transitional//'];
const QUIRKS_PUBLIC_IDS = new Set(['-//w3o//dtd w3 html strict 3.0//en//', '-/w3c/dtd html 4.0 transitional/en', 'html']);
const QUIRKS_SYSTEM_ID = 'http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd';

const DOCTYPE_RE = /^doctype\s*([^\s>]*)\s*(?:public\s*(?:"([^"]*)"?|'([^']*)'?)\s*(?:"([^"]*)"?|'([^']*)'?)?|system\s*(?:"([^"]*)"?|'([^']*)'?))?/i;

/** Whether a doctype declaration (the text between `<!` and `>`) puts the page in quirks mode. */
export function isQuirksDoctype(declaration: string): boolean {
  const m = DOCTYPE_RE.exec(declaration);
  if (!m || m[1].toLowerCase() !== 'html') return true;
  const publicId = (m[2] ?? m[3])?.toLowerCase();
  const systemId = m[4] ?? m[5] ?? m[6] ?? m[7];
  if (systemId?.toLowerCase() === QUIRKS_SYSTEM_ID) return true;
  if (publicId === undefined) return false;
  if (QUIRKS_PUBLIC_IDS.has(publicId)) return true;
  const prefixes = systemId === undefined ? [...QUIRKS_PREFIXES, ...QUIRKS_WITHOUT_SYSTEM_ID_PREFIXES] : QUIRKS_PREFIXES;
  return prefixes.some((prefix) => publicId.startsWith(prefix));
}
