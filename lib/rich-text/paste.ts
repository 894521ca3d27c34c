/**
 * HTML pasted from Word or WPS, cleaned in the browser before the editor reads it. The
 * editor's schema already drops unknown tags and marks; this removes what it would
 * otherwise keep or trip on: conditional comments and their XML, <style> and <script>
 * with their content, Office namespaces (<o:p>, <w:…>, <v:…>), <font>, and every
 * style, class, lang and on… attribute (mso-* styles and Mso* classes with them).
 * The server cleans again against its allowlist (lib/rich-text/sanitize.ts): this is
 * for what the editor shows, not for safety.
 */
export function cleanPastedHtml(html: string): string {
  return (
    html
      // Conditional comments first (they hold XML and VML), then any other comment.
      .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
      .replace(/<!\[if[\s\S]*?<!\[endif\]>/gi, "")
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<(style|script|xml|title|meta|link)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<(meta|link)\b[^>]*>/gi, "")
      // Office's own tags (o:p, w:…, v:…, m:…, st1:…): the tag goes, its words stay.
      .replace(/<\/?[a-z][a-z0-9]*:[^>]*>/gi, "")
      .replace(/<\/?font\b[^>]*>/gi, "")
      // Attributes: quoted with " or ', or bare.
      .replace(
        /\s(?:style|class|lang|align|face|color|size|on[a-z]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi,
        "",
      )
  );
}
