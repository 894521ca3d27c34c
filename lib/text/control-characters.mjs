// The one check for control characters in what people send: every form (the action gate,
// server/action.ts, and the forms that keep their own first steps) and every address
// (server.mjs, before Next) pass through it, so no text with a NUL or another control
// character reaches a query: PostgreSQL refuses "\0" in text outright (a 500), and the others
// are invisible, break exports and logs, or stand for bytes nobody typed.
//
// Plain JavaScript (typed by JSDoc) so that server.mjs, which Node runs as is, shares it.

/**
 * C0 controls except tab, line feed and carriage return (a textarea sends those), DEL, the
 * C1 controls, and UTF-16 surrogates that are not part of a pair (they name no character:
 * a JSON body can carry one; encoding it for the database would garble it).
 * U+FFFD, where a browser sent bytes that were not UTF-8, is left to the fields' own rules.
 */
const CONTROL_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Does `text` hold a control character (other than tab, line feed, carriage return) or a
 * lone surrogate?
 * @param {string} text
 * @returns {boolean}
 */
export function hasControlCharacters(text) {
  return CONTROL_CHARACTER.test(text);
}

/**
 * The name of the first field of a submitted form whose name or text holds a control
 * character; null when there is none. Files are not text: their names are never stored.
 * @param {FormData} formData
 * @returns {string | null}
 */
export function fieldWithControlCharacters(formData) {
  for (const [name, value] of formData.entries()) {
    if (hasControlCharacters(name)) return name;
    if (typeof value === "string" && hasControlCharacters(value)) return name;
  }
  return null;
}

/**
 * Does a request address hold a control character in its path or its query (names and
 * values, decoded as the app will read them)? Escapes that are not UTF-8 are not this
 * check's business (decoded to U+FFFD here; server.mjs refuses them in the path).
 * @param {string} url the request target, e.g. "/search?q=%00"
 * @returns {boolean}
 */
export function addressHasControlCharacters(url) {
  const mark = url.indexOf("?");
  const path = mark === -1 ? url : url.slice(0, mark);
  let decodedPath = path;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    // left as sent: an undecodable path is refused elsewhere
  }
  if (hasControlCharacters(decodedPath)) return true;
  if (mark === -1) return false;
  for (const [name, value] of new URLSearchParams(url.slice(mark + 1))) {
    if (hasControlCharacters(name) || hasControlCharacters(value)) return true;
  }
  return false;
}
