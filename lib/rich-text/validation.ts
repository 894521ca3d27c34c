import { cmsMessages } from "../messages/cms";
import { block } from "../validation";
import { richTextFromInput, richTextToPlainText } from "./sanitize";

const f = cmsMessages.field;
/** The HTML itself may be long (tags, tables); what a reader reads is counted against `max`. */
const HTML_MAX = 200_000;

/**
 * A rich-text field of a form (the editor's HTML, or plain text typed without JavaScript):
 * required and at most `max` characters of words, counted on the text left after the
 * server's allowlist (lib/rich-text/sanitize.ts), so an empty editor's "<p></p>" is empty.
 * The value stays as sent: the write cleans it (`richTextFromInput`) before it is stored.
 */
export function richTextBlock(label: string, max: number, options: { required?: boolean } = {}) {
  return block(label, HTML_MAX).superRefine((value, ctx) => {
    const words = richTextToPlainText(richTextFromInput(value)).replace(/\s+/g, "");
    if (options.required && words === "") {
      ctx.addIssue({ code: "custom", message: f.required(label) });
    } else if ([...words].length > max) {
      ctx.addIssue({ code: "custom", message: f.tooLong(label, max) });
    }
  });
}
