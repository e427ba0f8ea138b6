import { describe, expect, it } from "vitest";
import { addressScope, parseHop, receivedAnomalies, receivedHops } from "./received-chain.ts";

describe("Received hops", () => {
  it("read the HELO name, the recorded address and the receiving host", () => {
    expect(
      parseHop(
        "from mail.shop.example (mail.shop.example [203.0.113.5])\r\n\tby MX.Rapport.example (Postfix) with ESMTPS id 4Xyz; Tue, 3 Nov 2026 10:00:00 +0000",
      ),
    ).toEqual({
      fromHost: "mail.shop.example",
      fromIp: "203.0.113.5",
      byHost: "mx.rapport.example",
    });
  });

  it("read Exim's and Exchange's spellings of the address", () => {
    expect(parseHop("from [192.168.1.10] (helo=laptop) by smtp.shop.example with esmtpsa")).toEqual(
      { fromHost: "192.168.1.10", fromIp: "192.168.1.10", byHost: "smtp.shop.example" },
    );
    expect(
      parseHop(
        "from AM6PR04.eurprd04.prod.outlook.com (2603:10a6:20b:12::34) by AM6PR05.eurprd04.prod.outlook.com with Microsoft SMTP Server",
      ).fromIp,
    ).toBe("2603:10a6:20b:12::34");
  });

  it("have no sender for a hop without a from clause", () => {
    expect(parseHop("by 2002:a05:6a10:1234 with SMTP id x; Tue, 3 Nov 2026")).toEqual({
      fromHost: null,
      fromIp: null,
      byHost: "2002:a05:6a10:1234",
    });
  });

  it("are listed oldest first", () => {
    const hops = receivedHops([
      "from b.example ([198.51.100.2]) by c.example",
      "from a.example ([198.51.100.1]) by b.example",
    ]);
    expect(hops.map((hop) => hop.byHost)).toEqual(["b.example", "c.example"]);
  });
});

describe("address scopes", () => {
  it("tell loopback, private and public addresses apart", () => {
    expect(addressScope("127.0.0.1")).toBe("loopback");
    expect(addressScope("::1")).toBe("loopback");
    for (const ip of ["10.1.2.3", "172.16.0.1", "172.31.255.1", "192.168.1.1", "fd00::1"]) {
      expect(addressScope(ip)).toBe("private");
    }
    for (const ip of ["172.32.0.1", "8.8.8.8", "203.0.113.5", "2001:db8::1", "::ffff:8.8.8.8"]) {
      expect(addressScope(ip)).toBe("public");
    }
  });
});

describe("Received anomalies", () => {
  it("are none for a sender's usual trail: laptop, submission, content filter, gateway", () => {
    const hops = receivedHops([
      "from out.shop.example (out.shop.example [203.0.113.5]) by mx.rapport.example",
      "from localhost (localhost [127.0.0.1]) by out.shop.example (Postfix)",
      "from laptop ([192.168.1.10]) by out.shop.example (Postfix) with ESMTPSA",
    ]);
    expect(receivedAnomalies(hops)).toEqual([]);
  });

  it("are none when an organisation relays inside its own network after its gateway", () => {
    const hops = receivedHops([
      "from gw.bigcorp.example ([10.0.0.4]) by store.bigcorp.example",
      "from out.shop.example ([203.0.113.5]) by gw.bigcorp.example",
    ]);
    expect(receivedAnomalies(hops)).toEqual([]);
  });

  it("find a host of one organisation hearing from localhost what another one had", () => {
    const hops = receivedHops([
      "from localhost (localhost [127.0.0.1]) by mail.bank.example",
      "from unknown ([198.51.100.77]) by relay.cheap-hosting.example",
    ]);
    expect(receivedAnomalies(hops)).toEqual([
      {
        kind: "localhost_between_hosts",
        detail:
          "mail.bank.example claims it got the mail from localhost, but relay.cheap-hosting.example had it just before",
      },
    ]);
  });

  it("find a private address reached from another organisation after the internet", () => {
    const hops = receivedHops([
      "from internal ([10.9.8.7]) by mail.bank.example",
      "from unknown ([198.51.100.77]) by relay.cheap-hosting.example",
    ]);
    expect(receivedAnomalies(hops).map((anomaly) => anomaly.kind)).toEqual([
      "private_after_public",
    ]);
  });

  it("do not judge hosts that call themselves by a local name", () => {
    const hops = receivedHops([
      "from www.mailhost.example (localhost [127.0.0.1]) by localhost.localdomain (Postfix)",
      "from server3.internal ([10.202.2.134]) by www.mailhost.example (Postfix)",
    ]);
    expect(receivedAnomalies(hops)).toEqual([]);
  });

  it("do not judge hops whose receiving host is unnamed", () => {
    const hops = receivedHops([
      "from internal ([10.9.8.7]) by [192.0.2.1]",
      "from unknown ([198.51.100.77]) by relay.cheap-hosting.example",
    ]);
    expect(receivedAnomalies(hops)).toEqual([]);
  });
});
