import { describe, expect, it, vi } from "vitest";
import { announcePagesChanged, onPagesChanged } from "./page-cache-channel.mjs";

describe("page cache channel", () => {
  it("hands every announced change to each listener until it unsubscribes", () => {
    const first = vi.fn();
    const second = vi.fn(() => {
      throw new Error("a broken listener");
    });
    const offFirst = onPagesChanged(first);
    const offSecond = onPagesChanged(second);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      announcePagesChanged(["news", "", "registrations:7"]);
      expect(first).toHaveBeenCalledWith(["news", "registrations:7"]);
      expect(second).toHaveBeenCalledTimes(1);
      expect(error).toHaveBeenCalledTimes(1);
      offFirst();
      announcePagesChanged([]);
      expect(first).toHaveBeenCalledTimes(1);
      expect(second).toHaveBeenLastCalledWith([]);
    } finally {
      offSecond();
      error.mockRestore();
    }
  });

  it("needs no global: the app's bundled copy and server.mjs's reach each other", async () => {
    // A second copy of the module (as Next's bundle has) still reaches this one's listener.
    const copy: typeof import("./page-cache-channel.mjs") = await import(
      /* @vite-ignore */ `./page-cache-channel.mjs?copy=${Date.now()}`
    );
    expect(copy.announcePagesChanged).not.toBe(announcePagesChanged);
    const heard = vi.fn();
    const off = onPagesChanged(heard);
    copy.announcePagesChanged(["news"]);
    off();
    expect(heard).toHaveBeenCalledWith(["news"]);
    expect(Object.keys(globalThis).filter((k) => k.startsWith("__lvzhiPage"))).toEqual([]);
  });
});
