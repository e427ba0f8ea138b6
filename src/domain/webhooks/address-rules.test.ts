import { describe, expect, it } from "vitest";
import { addressProblem, parseIpv6 } from "./address-rules.ts";

describe("addresses a webhook may not reach", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.254", "cgnat"],
    ["100.100.100.200", "metadata"],
    ["169.254.169.254", "metadata"],
    ["169.254.10.1", "link_local"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.1", "documentation"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link_local"],
    ["febf::1", "link_local"],
    ["fec0::1", "private"],
    ["fc00::1", "unique_local"],
    ["fd12:3456::1", "unique_local"],
    ["fd00:ec2::254", "metadata"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["100::1", "reserved"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::10.0.0.1", "private"],
    ["64:ff9b::192.168.0.1", "private"],
    ["2002:c0a8:0101::1", "private"],
    ["[::1]", "loopback"],
    ["fe80::1%eth0", "not_an_address"],
    ["localhost", "not_an_address"],
    ["127.1", "not_an_address"],
    ["0177.0.0.1", "not_an_address"],
    ["1.2.3.4.5", "not_an_address"],
    ["1::2::3", "not_an_address"],
    ["", "not_an_address"],
  ])("%s is refused as %s", (address, problem) => {
    expect(addressProblem(address)).toBe(problem);
  });

  it.each([
    "93.184.215.14",
    "8.8.8.8",
    "1.1.1.1",
    "100.63.255.255",
    "100.128.0.1",
    "172.15.255.255",
    "172.32.0.1",
    "169.253.0.1",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
    "2002:0808:0808::1",
  ])("%s is a public address", (address) => {
    expect(addressProblem(address)).toBeNull();
  });

  it("reads IPv6 in every spelling to the same groups", () => {
    const groups = [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1];
    expect(parseIpv6("2001:db8::1")).toEqual(groups);
    expect(parseIpv6("2001:0db8:0000:0000:0000:0000:0000:0001")).toEqual(groups);
    expect(parseIpv6("2001:DB8:0:0:0::1")).toEqual(groups);
    expect(parseIpv6("2001:db8:0:0:0:0:0:0:1")).toBeNull();
    expect(parseIpv6("12345::1")).toBeNull();
  });
});
