import { describe, expect, it } from "vitest";
import { emptyCaseValues, parseCaseForm } from "./schema";

const valid = {
  ...emptyCaseValues,
  title: "共富集市丰富业态",
  summary: "集市品类单一。",
  outcome: "已引入两家生鲜企业。",
  category: "livelihood",
  receivedOn: "2026-05-12",
  resolvedOn: "2026-05-30",
  reviewed: "on",
};

describe("parseCaseForm", () => {
  it("reads a reviewed case", () => {
    const result = parseCaseForm(valid);
    expect(result.ok && result.data).toMatchObject({
      category: "livelihood",
      publish: true,
      receivedOn: "2026-05-12",
      townId: null,
    });
  });

  it("insists on the review, real dates in order, and the required texts", () => {
    const result = parseCaseForm({
      ...valid,
      reviewed: "",
      resolvedOn: "2026-05-01",
      summary: " ",
      category: "secret",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      reviewed: "请核对内容后勾选确认。",
      summary: "请填写问题概述。",
      category: "类别的选项无效，请重新选择。",
    });
    const order = parseCaseForm({ ...valid, resolvedOn: "2026-05-01" });
    expect(!order.ok && order.fieldErrors.resolvedOn).toBe("办结日期不能早于收到日期。");
    const bad = parseCaseForm({ ...valid, receivedOn: "2026-13-01" });
    expect(!bad.ok && bad.fieldErrors.receivedOn).toBe("收到日期的日期或时间格式不正确。");
  });
});
