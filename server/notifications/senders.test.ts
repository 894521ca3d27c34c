import { describe, expect, it } from "vitest";
import { smtpTransportUrl } from "./senders";

describe("the SMTP transport", () => {
  it("bounds a stuck mail server's time and pools connections unless the URL says otherwise", () => {
    expect(smtpTransportUrl("smtps://u%40x:p@mail.example.org:465")).toBe(
      "smtps://u%40x:p@mail.example.org:465?connectionTimeout=15000&greetingTimeout=15000&socketTimeout=60000&pool=true&maxConnections=4",
    );
    expect(smtpTransportUrl("smtp://h:25?socketTimeout=5000")).toContain("socketTimeout=5000&");
    expect(smtpTransportUrl("smtp://h:25?pool=false")).not.toContain("pool=true");
  });
});
