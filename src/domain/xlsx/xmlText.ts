// Text in and out of spreadsheet XML (ECMA-376): entities, and the `_xHHHH_` escapes that carry
// characters XML cannot (control characters), with a literal `_xHHHH_` escaped as `_x005F_xHHHH_`.

// Control characters are what this must find, so the patterns name them on purpose.
/* eslint-disable no-control-regex */
/** Characters that need an escape in element text and attribute values, or an `_x` that could read as one. */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b-\u000d\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
const ESCAPES = /[&<>"\u0000-\u0008\u000b-\u000d\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;
/* eslint-enable no-control-regex */

function escapeOne(match: string): string {
  switch (match) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case '_':
      return '_x005F_';
    default:
      return `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  }
}

/** Text as it may stand in spreadsheet XML (element text or a double-quoted attribute). */
export function escapeXmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, escapeOne) : text;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/** The text of spreadsheet XML: entities and `_xHHHH_` escapes decoded. */
export function unescapeXmlText(xml: string): string {
  let text = xml.indexOf('&') === -1 ? xml : xml.replace(ENTITY, (_, decimal?: string, hex?: string, name?: string) =>
    name !== undefined ? NAMED[name]! : String.fromCodePoint(decimal !== undefined ? Number(decimal) : parseInt(hex!, 16)));
  if (text.indexOf('_x') !== -1) text = text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}
