"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { type KeyboardEvent, useRef, useState } from "react";
import { richTextMessages as m } from "@/lib/messages/rich-text";
import type { InlineImageAnswer } from "@/lib/rich-text/editor";

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
  const fileInput = useRef<HTMLInputElement>(null);
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

  function editLink() {
    const previous = (editor.getAttributes("link").href as string | undefined) ?? "https://";
    const href = window.prompt(m.linkPrompt, previous);
    if (href === null) return;
    if (href.trim() === "") chain().extendMarkRange("link").unsetLink().run();
    else chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
  }

  async function insertPicture(file: File) {
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
      onStatus(answer.message);
      return;
    }
    const alt = window.prompt(m.altPrompt, "") ?? "";
    chain()
      .setImage({
        src: answer.image.src,
        alt: alt.trim(),
        width: answer.image.width,
        height: answer.image.height,
      })
      .run();
    onStatus(m.uploaded);
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
    { key: "link", label: m.link, active: s.link, run: editLink },
    {
      key: "unlink",
      label: m.unlink,
      disabled: !s.link,
      run: () => chain().extendMarkRange("link").unsetLink().run(),
    },
    { key: "img", label: m.image, run: () => fileInput.current?.click() },
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

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
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
      <input
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void insertPicture(file);
        }}
      />
    </div>
  );
}
