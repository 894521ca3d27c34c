import { PageHeader } from "@/components/ui/page-header";
import type { StatementSection } from "@/lib/messages/statements";

/** A statement page (隐私声明, 无障碍声明): the title, a lead, numbered sections. */
export function Statement({
  title,
  intro,
  sections,
  updated,
}: {
  title: string;
  intro: string;
  sections: StatementSection[];
  updated?: string;
}) {
  return (
    <div className="space-y-6">
      <PageHeader trail={[{ label: title }]} title={title} intro={intro} />
      <div className="max-w-3xl space-y-8 rounded-sm border border-stone-200 bg-white px-5 py-7 leading-[1.9] shadow-sm sm:px-10">
        {sections.map((section, i) => (
          <section key={section.title} aria-labelledby={`statement-${i}`}>
            <h2 id={`statement-${i}`} className="font-serif text-xl font-bold text-brand-800">
              {`${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][i] ?? i + 1}、${section.title}`}
            </h2>
            {section.paragraphs.map((p) => (
              <p key={p} className="mt-3">
                {p}
              </p>
            ))}
            {section.items && (
              <ul className="mt-3 list-disc space-y-2 pl-[2em]">
                {section.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
        {updated && <p className="text-sm text-muted">{updated}</p>}
      </div>
    </div>
  );
}
