import { describe, expect, it } from "vitest";
import { smtpUrlWithTimeouts } from "./senders";

describe("the SMTP transport", () => {
  it("bounds a stuck mail server's time unless the URL says otherwise", () => {
    expect(smtpUrlWithTimeouts("smtps://u%40x:p@mail.example.org:465")).toBe(
      "smtps://u%40x:p@mail.example.org:465?connectionTimeout=15000&greetingTimeout=15000&socketTimeout=60000",
    );
    expect(smtpUrlWithTimeouts("smtp://h:25?socketTimeout=5000")).toContain("socketTimeout=5000&");
  });
});
