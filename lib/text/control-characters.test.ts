import { describe, expect, it } from "vitest";
import {
  addressHasControlCharacters,
  fieldWithControlCharacters,
  hasControlCharacters,
} from "./control-characters.mjs";

describe("hasControlCharacters", () => {
  it.each([
    ["NUL", "张\u0000三"],
    ["another C0 control", "会议\u0001纪要"],
    ["escape", "\u001b[31m红字"],
    ["vertical tab and form feed", "a\u000bb\u000c"],
    ["DEL", "abc\u007f"],
    ["a C1 control (NEL)", "第一行\u0085第二行"],
    ["a lone high surrogate", "表情\ud83d"],
    ["a lone low surrogate", "\ude00表情"],
  ])("finds %s", (_what, text) => {
    expect(hasControlCharacters(text)).toBe(true);
  });

  it.each([
    ["plain Chinese", "关于加强社区养老服务的建议"],
    ["tab, line feed and carriage return (a textarea sends them)", "第一行\r\n第二行\t完"],
    ["an emoji (a surrogate pair)", "点赞👍"],
    ["markup and quotes (escaped when shown, not refused here)", "<b>\"'&"],
    ["U+FFFD (left to the fields' own rules)", "嘉兴\uFFFD公司"],
    ["the empty text", ""],
  ])("lets %s through", (_what, text) => {
    expect(hasControlCharacters(text)).toBe(false);
  });
});

describe("fieldWithControlCharacters", () => {
  it("names the first field whose text holds one, ignoring files", () => {
    const form = new FormData();
    form.append("identifier", "13800000000");
    form.append("photo", new File([new Uint8Array([0, 1, 2])], "a\u0000.jpg"));
    form.append("password", "pass\u0000word");
    form.append("note", "\u0007");
    expect(fieldWithControlCharacters(form)).toBe("password");
  });

  it("names a field whose name holds one", () => {
    const form = new FormData();
    form.append("ti\u0000tle", "正常");
    expect(fieldWithControlCharacters(form)).toBe("ti\u0000tle");
  });

  it("answers null for a clean form", () => {
    const form = new FormData();
    form.append("body", "第一行\r\n第二行");
    expect(fieldWithControlCharacters(form)).toBeNull();
  });
});

describe("addressHasControlCharacters", () => {
  it.each([
    "/search?q=%00",
    "/search?q=a%01b",
    "/search?%00=1",
    "/registrations?code=ABCD%7F",
    "/news/%00",
    "/events?month=2026-01%C2%85",
  ])("finds one in %s", (url) => {
    expect(addressHasControlCharacters(url)).toBe(true);
  });

  it.each([
    "/",
    "/search?q=%E5%85%BB%E8%80%81",
    "/search?q=a+b&page=2",
    "/search?q=%FF%FE%C0%AF",
    "/news/%E6%96%B0%E9%97%BB",
    "/bad/%ZZ",
  ])("lets %s through", (url) => {
    expect(addressHasControlCharacters(url)).toBe(false);
  });
});
