"use client";

import { Image } from "@tiptap/extension-image";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { EditorContent, useEditor } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { useRef, useState } from "react";
import { inputClass } from "@/components/admin/kit/fields";
import type { InlineImageAnswer } from "@/lib/rich-text/editor";
import { cleanPastedHtml } from "@/lib/rich-text/paste";
import { RichTextToolbar } from "./rich-text-toolbar";
import "./rich-text-editor.css";

/**
 * The editor's tables and cells write no style attribute (the CSP refuses inline styles,
 * and the server would drop them anyway): no column widths, no alignment.
 */
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    return ["table", HTMLAttributes, ["tbody", 0]];
  },
});
const spanAttributes = () => ({ colspan: { default: 1 }, rowspan: { default: 1 } });
const PlainCell = TableCell.extend({ addAttributes: spanAttributes });
const PlainHeader = TableHeader.extend({ addAttributes: spanAttributes });

const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      HTMLAttributes: { target: null, rel: null, class: null },
    },
  }),
  Image.configure({ inline: false, allowBase64: false }),
  PlainTable.configure({ resizable: false }),
  TableRow,
  PlainHeader,
  PlainCell,
];

export interface RichTextEditorProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** The stored HTML, or what was typed when a save was refused. */
  defaultValue: string;
  /** Stores a picture on the server and answers its address (a server action). */
  upload: (formData: FormData) => Promise<InlineImageAnswer>;
  /** The site's typography for the body (the page's own styles), so it looks as published. */
  contentClassName: string;
}

/**
 * A what-you-see-is-what-you-get editor (Tiptap) over a plain <textarea>: without
 * JavaScript the textarea holds the HTML and is posted as is; with it, the textarea is
 * hidden and kept in step with the editor, so the form still posts `name` as before.
 * The server cleans whatever arrives (lib/rich-text/sanitize.ts).
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const { id, name, label, hint, error } = props;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<string>("");
  const describedBy =
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const editor = useEditor({
    extensions,
    content: props.defaultValue,
    immediatelyRender: false,
    // Tiptap's own <style> tag would need the CSP nonce: its rules are in the CSS file.
    injectCSS: false,
    editorProps: {
      attributes: {
        id: `${id}-editor`,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `${id}-label`,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": "true" } : {}),
        class: `${props.contentClassName} min-h-[24rem] px-4 py-3 focus:outline-none`,
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: current }) => {
      if (textarea.current) textarea.current.value = current.getHTML();
    },
  });

  return (
    <div>
      {editor ? (
        // The editing area is not a form control: it is named by this text (aria-labelledby).
        <p id={`${id}-label`} className="font-medium">
          {label}
        </p>
      ) : (
        <label id={`${id}-label`} htmlFor={id} className="font-medium">
          {label}
        </label>
      )}
      {editor && (
        <div
          className={`mt-1 overflow-hidden rounded-md border bg-white focus-within:ring-2 focus-within:ring-brand-600 ${
            error ? "border-brand-700 ring-1 ring-brand-700" : "border-stone-500"
          }`}
        >
          <RichTextToolbar
            editor={editor}
            controls={`${id}-editor`}
            upload={props.upload}
            onStatus={setStatus}
          />
          <EditorContent editor={editor} />
        </div>
      )}
      <textarea
        ref={textarea}
        id={id}
        name={name}
        rows={16}
        defaultValue={props.defaultValue}
        hidden={Boolean(editor)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass(Boolean(error))} font-mono text-[15px] leading-relaxed`}
      />
      <p role="status" className="mt-1 text-sm text-muted empty:hidden">
        {status}
      </p>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-brand-700">
          {error}
        </p>
      )}
    </div>
  );
}
