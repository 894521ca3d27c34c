import { describe, expect, it } from "vitest";
import { emptyOpinionValues, isHoneypotFilled, parseOpinionForm } from "./schema";

const valid = {
  topicId: "4",
  name: "张三丰",
  contact: "",
  body: "希望托育机构延长服务时间，方便双职工家庭。",
};

describe("parseOpinionForm", () => {
  it("refuses an opinion that arrived as invalid UTF-8 (decoded to U+FFFD)", () => {
    const result = parseOpinionForm({ ...valid, body: `${valid.body}\uFFFD\uFFFD` });
    expect(!result.ok && result.fieldErrors.body).toBe("意见内容中不能包含 < 或 > 等符号。");
  });

  it("accepts an opinion without contact, and one with a phone or e-mail", () => {
    expect(parseOpinionForm(valid)).toMatchObject({
      ok: true,
      data: { topicId: 4, name: "张三丰", contact: "" },
    });
    expect(parseOpinionForm({ ...valid, contact: "138 0000 0001" }).ok).toBe(true);
    expect(parseOpinionForm({ ...valid, contact: "a@example.com" }).ok).toBe(true);
  });

  it("refuses markup, a missing topic, short or flooded text, and odd contacts, in Chinese", () => {
    const result = parseOpinionForm({
      ...emptyOpinionValues,
      name: "<b>x</b>",
      contact: "call me",
      body: "<script>alert(1)</script> 很好很好很好",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      topicId: "请选择要提意见的议题。",
      name: "称呼只能包含文字，不能包含数字或符号。",
      contact: "请填写手机号或邮箱地址，或留空。",
      body: "意见内容中不能包含 < 或 > 等符号。",
    });
    const short = parseOpinionForm({ ...valid, body: "好" });
    expect(!short.ok && short.fieldErrors.body).toBe("意见内容至少 10 个字。");
    const long = parseOpinionForm({ ...valid, body: "长".repeat(2001) });
    expect(!long.ok && long.fieldErrors.body).toBe("意见内容不能超过 2000 字。");
    const sql = parseOpinionForm({ ...valid, topicId: "1 OR 1=1" });
    expect(!sql.ok && sql.fieldErrors.topicId).toBe("请选择要提意见的议题。");
  });

  it("spots a filled honeypot", () => {
    expect(isHoneypotFilled("http://spam")).toBe(true);
    expect(isHoneypotFilled("")).toBe(false);
    expect(isHoneypotFilled(null)).toBe(false);
  });
});
