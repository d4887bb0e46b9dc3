import { ghostUrl } from "./ghost-url";

describe("ghostUrl", () => {
  it("uses the bind address Ghost is published on", () => {
    expect(ghostUrl("127.0.0.1", 18080)).toBe("http://127.0.0.1:18080");
    expect(ghostUrl("10.1.2.3", 8080)).toBe("http://10.1.2.3:8080");
  });

  it("falls back to localhost for wildcard addresses and brackets IPv6", () => {
    expect(ghostUrl("0.0.0.0", 18080)).toBe("http://localhost:18080");
    expect(ghostUrl("::", 18080)).toBe("http://localhost:18080");
    expect(ghostUrl("::1", 18080)).toBe("http://[::1]:18080");
  });
});
