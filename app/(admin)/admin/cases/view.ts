import { toOptions } from "@/components/admin/content/format";
import { messages } from "@/lib/messages";
import { noteCategories } from "@/lib/vocabulary";

export function caseChoices(towns: { id: number; name: string }[]) {
  return {
    categories: noteCategories.map((c) => ({ value: c, label: messages.admin.categories[c] })),
    towns: toOptions(towns),
  };
}
