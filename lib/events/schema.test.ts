import { describe, expect, it } from "vitest";
import { emptyEventValues, parseEventForm } from "./schema";

const TZ = "Asia/Shanghai";
const valid = {
  ...emptyEventValues,
  title: "共富集市长效运营开门协商",
  kind: "consultation",
  startsAt: "2026-06-10T14:30",
  endsAt: "2026-06-10T16:30",
  venue: "区政协委员会客厅",
  organisationIds: ["7"],
};

describe("parseEventForm", () => {
  it("reads local times in the committee's zone", () => {
    const result = parseEventForm(
      { ...valid, openToPublic: "on", capacity: "４０", registrationClosesAt: "2026-06-09T17:00" },
      TZ,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.startsAt?.toISOString()).toBe("2026-06-10T06:30:00.000Z");
    expect(result.data.capacity).toBe(40);
    expect(result.data.openToPublic).toBe(true);
    expect(result.data.serviceType).toBeNull();
    expect(result.data.organisationIds).toEqual([7]);
  });

  it("refuses an end before the start, a service without its type, no organisers", () => {
    const a = parseEventForm({ ...valid, endsAt: "2026-06-10T12:00" }, TZ);
    expect(!a.ok && a.fieldErrors.endsAt).toBe("结束时间不能早于开始时间。");
    const b = parseEventForm({ ...valid, kind: "service" }, TZ);
    expect(!b.ok && b.fieldErrors.serviceType).toBe("“六送下乡”活动请选择六送类别。");
    const c = parseEventForm({ ...valid, organisationIds: [] }, TZ);
    expect(!c.ok && c.fieldErrors.organisationIds).toBe("请至少选择一个主办或协办单位。");
  });

  it("keeps the optional 到场须知 and refuses one over 300 characters", () => {
    const ok = parseEventForm({ ...valid, whatToBring: "请携带身份证。" }, TZ);
    expect(ok.ok && ok.data.whatToBring).toBe("请携带身份证。");
    const long = parseEventForm({ ...valid, whatToBring: "带".repeat(301) }, TZ);
    expect(!long.ok && long.fieldErrors.whatToBring).toMatch(/到场须知/);
  });

  it("checks the registration window and capacity", () => {
    const late = parseEventForm(
      { ...valid, openToPublic: "on", registrationClosesAt: "2026-06-11T09:00" },
      TZ,
    );
    expect(!late.ok && late.fieldErrors.registrationClosesAt).toBe(
      "报名截止时间不能晚于活动开始时间。",
    );
    const backwards = parseEventForm(
      {
        ...valid,
        openToPublic: "on",
        registrationOpensAt: "2026-06-05T09:00",
        registrationClosesAt: "2026-06-04T09:00",
      },
      TZ,
    );
    expect(!backwards.ok && backwards.fieldErrors.registrationClosesAt).toBe(
      "报名截止时间应晚于报名开始时间。",
    );
    const zero = parseEventForm({ ...valid, openToPublic: "on", capacity: "0" }, TZ);
    expect(!zero.ok && zero.fieldErrors.capacity).toBe("名额应为 1 至 100000 之间的整数。");
    const word = parseEventForm({ ...valid, capacity: "很多" }, TZ);
    expect(!word.ok && word.fieldErrors.capacity).toBe("名额应为 1 至 100000 之间的整数。");
  });

  it("names missing and malformed fields", () => {
    const result = parseEventForm({ ...emptyEventValues, kind: "party", startsAt: "明天" }, TZ);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      title: "请填写活动名称。",
      kind: "活动类型的选项无效，请重新选择。",
      startsAt: "开始时间的日期或时间格式不正确。",
      endsAt: "结束时间的日期或时间格式不正确。",
      venue: "请填写地点。",
    });
  });
});
