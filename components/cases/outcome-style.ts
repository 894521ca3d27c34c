import { articleBodyClass } from "@/components/news/article-body";

/**
 * A case outcome's typography, on the public page and in the rich-text editor: an
 * article's, without the first-line indent the case page never had.
 */
export const caseOutcomeClass = articleBodyClass.replace("[&>p]:indent-[2em]", "").trim();
