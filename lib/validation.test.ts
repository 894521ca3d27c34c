import { describe, expect, it } from "vitest";
import { cmsMessages } from "@/lib/messages/cms";
import { block, line } from "./validation";

const f = cmsMessages.field;

describe("staff form text fields", () => {
  it.each([
    ["a NUL byte", "会议\u0000纪要"],
    ["an escape character", "会议\u001b纪要"],
    ["bytes that were not UTF-8 (U+FFFD)", "会议\uFFFD纪要"],
  ])("refuse %s with a message naming the field", (_what, text) => {
    for (const [label, field] of [
      ["标题", line("标题", 80)],
      ["正文", block("正文", 2000)],
    ] as const) {
      const result = field.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(f.invalidCharacters(label));
    }
  });

  it("keep ordinary Chinese text, tidied", () => {
    expect(line("标题", 80).parse("  第十九届  活动周 ")).toBe("第十九届 活动周");
    expect(block("正文", 2000).parse("第一段\r\n\r\n第二段  ")).toBe("第一段\n\n第二段");
  });
});
