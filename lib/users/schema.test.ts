import { describe, expect, it } from "vitest";
import { emptyUserValues, parseEditUser, parseNewUser } from "./schema";

describe("account forms", () => {
  it("reads a new member with a normalised phone", () => {
    const result = parseNewUser({
      ...emptyUserValues,
      username: "ZhangSan",
      displayName: "张三",
      phone: "+86 138-0000-0003",
    });
    expect(result).toEqual({
      ok: true,
      data: {
        username: "zhangsan",
        displayName: "张三",
        phone: "13800000003",
        role: "member",
        sectorId: null,
        organisationId: null,
      },
    });
  });

  it("refuses usernames that could be phone numbers, bad phones, and editors without a scope", () => {
    const result = parseNewUser({
      ...emptyUserValues,
      username: "13800000003",
      displayName: "x",
      phone: "12345",
      role: "editor",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.username).toContain("用户名");
    expect(result.fieldErrors.phone).toBe("请输入 11 位中国大陆手机号。");
    const editor = parseEditUser({ ...emptyUserValues, displayName: "陈静", role: "editor" });
    expect(!editor.ok && editor.fieldErrors.organisationId).toBe(
      "编辑需要选择界别或所属单位（管理范围）。",
    );
    expect(
      parseEditUser({
        ...emptyUserValues,
        displayName: "陈静",
        role: "editor",
        organisationId: "4",
      }).ok,
    ).toBe(true);
    const role = parseEditUser({ ...emptyUserValues, displayName: "x", role: "root" });
    expect(!role.ok && role.fieldErrors.role).toBe("角色的选项无效，请重新选择。");
  });
});
