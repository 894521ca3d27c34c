"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { type KeyboardEvent, useRef, useState } from "react";
import { richTextMessages as m } from "@/lib/messages/rich-text";
import type { InlineImageAnswer } from "@/lib/rich-text/editor";
import { ImageDialog, LinkDialog } from "./rich-text-dialog";

interface Tool {
  key: string;
  label: string;
  run: () => void;
  /** A toggle: its state is announced with aria-pressed. */
  active?: boolean;
  disabled?: boolean;
}

/**
 * The editor's toolbar: one tab stop (role="toolbar"), arrow keys move between buttons,
 * Home/End to the ends. Buttons keep the editor's selection (mousedown does not blur it).
 * 链接 and 插入图片 open a small dialog (rich-text-dialog.tsx); when it closes, focus
 * comes back to the button that opened it.
 */
export function RichTextToolbar({
  editor,
  controls,
  upload,
  onStatus,
}: {
  editor: Editor;
  controls: string;
  upload: (formData: FormData) => Promise<InlineImageAnswer>;
  onStatus: (status: string) => void;
}) {
  const [dialog, setDialog] = useState<"link" | "image" | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive("paragraph"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      strike: e.isActive("strike"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
      inTable: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  // What a dialog applies: to the editor's kept selection, without focusing the editor
  // (Tiptap focuses a frame later, which would take focus from the toolbar button).
  const quiet = () => editor.chain();

  function applyLink(href: string, text: string) {
    if (editor.state.selection.empty && !editor.isActive("link") && text) {
      quiet()
        .insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] })
        .run();
    } else quiet().extendMarkRange("link").setLink({ href }).run();
  }

  /** Uploads the picture and puts it in the body; answers why not, or null. */
  async function insertPicture(file: File, alt: string): Promise<string | null> {
    onStatus(m.uploading);
    const formData = new FormData();
    formData.set("image", file);
    let answer: InlineImageAnswer;
    try {
      answer = await upload(formData);
    } catch {
      answer = { ok: false, message: m.uploadFailed };
    }
    if (!answer.ok) {
      onStatus("");
      return answer.message;
    }
    quiet()
      .setImage({
        src: answer.image.src,
        alt,
        width: answer.image.width,
        height: answer.image.height,
      })
      .run();
    onStatus(m.uploaded);
    return null;
  }

  const s = state ?? ({} as Partial<typeof state>);
  const tools: Tool[] = [
    { key: "p", label: m.paragraph, active: s.paragraph, run: () => chain().setParagraph().run() },
    {
      key: "h2",
      label: m.heading2,
      active: s.h2,
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      key: "h3",
      label: m.heading3,
      active: s.h3,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    { key: "b", label: m.bold, active: s.bold, run: () => chain().toggleBold().run() },
    { key: "i", label: m.italic, active: s.italic, run: () => chain().toggleItalic().run() },
    {
      key: "u",
      label: m.underline,
      active: s.underline,
      run: () => chain().toggleUnderline().run(),
    },
    { key: "s", label: m.strike, active: s.strike, run: () => chain().toggleStrike().run() },
    {
      key: "ul",
      label: m.bulletList,
      active: s.bulletList,
      run: () => chain().toggleBulletList().run(),
    },
    {
      key: "ol",
      label: m.orderedList,
      active: s.orderedList,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      key: "quote",
      label: m.blockquote,
      active: s.blockquote,
      run: () => chain().toggleBlockquote().run(),
    },
    { key: "link", label: m.link, active: s.link, run: () => setDialog("link") },
    {
      key: "unlink",
      label: m.unlink,
      disabled: !s.link,
      run: () => chain().extendMarkRange("link").unsetLink().run(),
    },
    { key: "img", label: m.image, run: () => setDialog("image") },
    {
      key: "table",
      label: m.table,
      disabled: s.inTable,
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    ...(s.inTable
      ? [
          { key: "row+", label: m.addRow, run: () => chain().addRowAfter().run() },
          { key: "col+", label: m.addColumn, run: () => chain().addColumnAfter().run() },
          { key: "row-", label: m.deleteRow, run: () => chain().deleteRow().run() },
          { key: "col-", label: m.deleteColumn, run: () => chain().deleteColumn().run() },
          { key: "table-", label: m.deleteTable, run: () => chain().deleteTable().run() },
        ]
      : []),
    { key: "hr", label: m.rule, run: () => chain().setHorizontalRule().run() },
    { key: "undo", label: m.undo, disabled: !s.canUndo, run: () => chain().undo().run() },
    { key: "redo", label: m.redo, disabled: !s.canRedo, run: () => chain().redo().run() },
  ];
  const current = Math.min(focusIndex, tools.length - 1);

  function closeDialog() {
    const opener = tools.findIndex((tool) => tool.key === (dialog === "link" ? "link" : "img"));
    setDialog(null);
    // Back to the button that opened it, which becomes the toolbar's tab stop.
    setFocusIndex(opener);
    buttons.current[opener]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys typed in a dialog (a portal, but a child here for React's events) are its own.
    if (!event.currentTarget.contains(event.target as Node)) return;
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: tools.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + tools.length) % tools.length;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  }

  return (
    <div
      role="toolbar"
      aria-label={m.toolbar}
      aria-controls={controls}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="flex flex-wrap gap-1 border-b border-stone-300 bg-stone-50 p-1.5"
    >
      {tools.map((tool, index) => (
        <button
          key={tool.key}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          tabIndex={index === current ? 0 : -1}
          aria-label={tool.label}
          aria-pressed={tool.active === undefined ? undefined : tool.active}
          // aria-disabled, not disabled: a button that just became unavailable keeps focus.
          aria-disabled={tool.disabled ? true : undefined}
          aria-haspopup={tool.key === "link" || tool.key === "img" ? "dialog" : undefined}
          onFocus={() => setFocusIndex(index)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (!tool.disabled) tool.run();
          }}
          className="min-h-9 rounded border border-transparent px-2 py-1 text-sm text-ink hover:border-stone-400 hover:bg-white focus-visible:outline-2 focus-visible:outline-brand-700 aria-disabled:cursor-not-allowed aria-disabled:text-stone-500 aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:text-brand-800"
        >
          {tool.label}
        </button>
      ))}
      {dialog === "link" && (
        <LinkDialog
          initialHref={(editor.getAttributes("link").href as string | undefined) ?? "https://"}
          editing={Boolean(s.link)}
          needsText={editor.state.selection.empty && !s.link}
          onApply={applyLink}
          onRemove={() => quiet().extendMarkRange("link").unsetLink().run()}
          onClose={closeDialog}
        />
      )}
      {dialog === "image" && <ImageDialog onInsert={insertPicture} onClose={closeDialog} />}
    </div>
  );
}
