/**
 * Text from outside (an API error message, an HTML error page, a value in a reject) reaches
 * terminals, logs and `etl.runs.error`. Raw, it could clear the screen, forge a "run 1: succeeded"
 * line, reorder a line with bidi controls, or (with a NUL) not even be storable. `printable` shows
 * every such character as a visible escape instead (`\x1b`, `\u202e`), so nothing is lost to the eye.
 */
const UNSAFE_SINGLE_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with control, bidi and lone-surrogate characters escaped; line breaks kept only when `multiline`. */
export function printable(text: string, options: { multiline?: boolean } = {}): string {
  return text.replace(options.multiline ? UNSAFE_MULTILINE : UNSAFE_SINGLE_LINE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
