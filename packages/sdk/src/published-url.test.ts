import { publishedUrl } from "./published-url";

describe("publishedUrl", () => {
  it("uses the bind address the port is published on", () => {
    expect(publishedUrl("127.0.0.1", 18080)).toBe("http://127.0.0.1:18080");
    expect(publishedUrl("10.1.2.3", 8080, "/")).toBe("http://10.1.2.3:8080/");
  });

  it("falls back to localhost for wildcard addresses and brackets IPv6", () => {
    expect(publishedUrl("0.0.0.0", 18080)).toBe("http://localhost:18080");
    expect(publishedUrl("::", 18080)).toBe("http://localhost:18080");
    expect(publishedUrl("::1", 18080, "/")).toBe("http://[::1]:18080/");
  });
});
