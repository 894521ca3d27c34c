import { describe, expect, it } from "vitest";
import { cleanPastedHtml } from "./paste";

/** Shortened from what Word 2016 puts on the clipboard (WPS writes the same kind). */
const WORD_SNIPPET = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=ProgId content=Word.Document><style><!-- p.MsoNormal {mso-style-parent:""; font-size:10.5pt;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment--><p class=MsoNormal style='mso-margin-top-alt:auto;text-indent:21.0pt'><span style='font-family:宋体;mso-ascii-font-family:Calibri'>从<b>Word</b>粘贴的段落<o:p></o:p></span></p>
<p class=MsoNormal onclick="alert(1)"><font face="仿宋">第二段</font><script>alert(2)</script></p><!--EndFragment-->
</body></html>`;

describe("cleanPastedHtml", () => {
  it("keeps the words and the structure, drops Office's styles, tags and scripts", () => {
    const html = cleanPastedHtml(WORD_SNIPPET);
    expect(html).toContain("<p><span>从<b>Word</b>粘贴的段落</span></p>");
    expect(html).toContain("<p>第二段</p>");
    expect(html).not.toMatch(/mso|Mso|<o:p|<w:|<script|<style|onclick|<font|<!--/i);
  });
});
