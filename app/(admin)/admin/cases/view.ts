import { toOptions } from "@/components/admin/content/format";
import { noteCategories } from "@/db/schema";
import { messages } from "@/lib/messages";

export function caseChoices(towns: { id: number; name: string }[]) {
  return {
    categories: noteCategories.map((c) => ({ value: c, label: messages.admin.categories[c] })),
    towns: toOptions(towns),
  };
}
