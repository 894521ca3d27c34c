import { bindFields, Honeypot, Input, Select, TextArea } from "@/components/forms/fields";
import type { OpinionFormState, OpinionFormValues } from "@/lib/opinions/schema";

/**
 * The strings the form shows, handed over by the page: a public page ships as little
 * JavaScript as it can, so the form imports no message catalog.
 */
export interface OpinionFormText {
  required: string;
  optional: string;
  topic: string;
  topicChoose: string;
  name: string;
  nameHint: string;
  contact: string;
  contactHint: string;
  body: string;
  bodyHint: string;
  honeypot: string;
  submit: string;
  submitting: string;
}

export interface OpinionFieldsProps {
  topics: { value: string; label: string }[];
  honeypotName: string;
  text: OpinionFormText;
}

/**
 * The opinion form's fields, with what was typed and a message per field. No hooks: the
 * page draws them on the server; only after a refused submission with JavaScript does the
 * browser draw them again (opinion-answer.tsx, loaded then).
 */
export function OpinionFields({
  state,
  topics,
  honeypotName,
  text,
}: OpinionFieldsProps & { state: Pick<OpinionFormState, "values" | "fieldErrors"> }) {
  const field = bindFields((name: keyof OpinionFormValues) => `opinion-${name}`, state, text);
  return (
    <>
      <Select {...field("topicId", text.topic)} placeholder={text.topicChoose} options={topics} />
      <Input
        {...field("name", text.name, { hint: text.nameHint })}
        autoComplete="name"
        maxLength={20}
      />
      <Input
        {...field("contact", text.contact, { hint: text.contactHint, optional: true })}
        autoComplete="tel"
        maxLength={50}
      />
      <TextArea {...field("body", text.body, { hint: text.bodyHint })} rows={6} maxLength={2000} />
      <Honeypot id="opinion-hp" name={honeypotName} label={text.honeypot} />
    </>
  );
}
