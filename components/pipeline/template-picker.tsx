import { buttonClass, inputClass } from "@/components/admin/kit";
import { adminMessages } from "@/lib/messages/admin";

/**
 * Choose a template and press 插入: the form is sent with intent=template and comes
 * back with the template's text added to the reason/answer (works without JavaScript).
 */
export function TemplatePicker({
  templates,
  idPrefix,
}: {
  templates: { id: number; title: string }[];
  idPrefix: string;
}) {
  if (templates.length === 0) return null;
  const m = adminMessages.note;
  return (
    <div className="mt-2 flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 sm:max-w-xs">
        <label htmlFor={`${idPrefix}-template`} className="text-sm font-medium">
          {m.useTemplate}
        </label>
        <select
          id={`${idPrefix}-template`}
          name="template"
          defaultValue=""
          className={`${inputClass(false)} py-1.5 text-[15px]`}
        >
          <option value="">{m.chooseTemplate}</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        name="intent"
        value="template"
        formNoValidate
        className={`${buttonClass.secondary} py-1.5 text-[15px]`}
      >
        {m.applyTemplate}
      </button>
    </div>
  );
}
