import { describe, expect, it } from "vitest";
import { attachmentDisposition, csvField, csvHeaders, csvRecord, toCsv, UTF8_BOM } from "./csv";

describe("csvField", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvField("科技界")).toBe("科技界");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3.5)).toBe("-3.5");
    expect(csvField(10n)).toBe("10");
    expect(csvField(true)).toBe("true");
  });

  it("writes null, undefined and non-finite numbers as empty fields", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(Number.POSITIVE_INFINITY)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes (RFC 4180)", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvField("x\r\ny")).toBe('"x\r\ny"');
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+86 138")).toBe("'+86 138");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\t=cmd")).toBe("'\t=cmd");
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    // Only at the start.
    expect(csvField("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("starts with a UTF-8 BOM and ends every record with CRLF", () => {
    const csv = toCsv(
      ["界别", "活动数"],
      [
        ["科技界", 3],
        ["医卫界", 0],
      ],
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(`${UTF8_BOM}界别,活动数\r\n科技界,3\r\n医卫界,0\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("can leave the BOM out", () => {
    expect(toCsv(["a"], [], { bom: false })).toBe("a\r\n");
  });

  it("round-trips through a strict parser", () => {
    const rows = [["a,b", 'q"q', "line\nbreak", "=x", 5]] as const;
    const csv = toCsv(["c1", "c2", "c3", "c4", "c5"], rows, { bom: false });
    expect(parse(csv)).toEqual([
      ["c1", "c2", "c3", "c4", "c5"],
      ["a,b", 'q"q', "line\nbreak", "'=x", "5"],
    ]);
    expect(csvRecord(["x", null, 1])).toBe("x,,1");
  });
});

describe("downloads", () => {
  it("names the file in ASCII and in UTF-8", () => {
    const value = attachmentDisposition("审计日志 2026.csv");
    expect(value).toBe(
      `attachment; filename="____ 2026.csv"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97%202026.csv`,
    );
    expect(attachmentDisposition('a"b.csv')).toContain('filename="a_b.csv"');
  });

  it("keeps private exports out of every cache", () => {
    expect(csvHeaders("x.csv").get("cache-control")).toBe("private, no-store");
    expect(csvHeaders("x.csv", { public: true }).get("cache-control")).toContain("public");
    expect(csvHeaders("x.csv").get("content-type")).toBe("text/csv; charset=utf-8");
  });
});

/** A strict RFC 4180 reader, enough to check the writer. */
function parse(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  return records;
}
