import { escapeHtml, studentMarker } from "./html";

describe("html helpers", () => {
  it("escapes what would break out of content or a quoted attribute", () => {
    expect(escapeHtml(`Zoé <b onclick="x">&'`)).toBe("Zoé &lt;b onclick=&quot;x&quot;&gt;&amp;&#39;");
  });

  it("marks a page with the student id", () => {
    expect(studentMarker("alice")).toBe('data-labctl-student="alice"');
  });
});
