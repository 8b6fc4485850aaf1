import { describe, expect, it } from "vitest";
import { sanitizeRichText } from "./rich-text.ts";

describe("rich text cleaning", () => {
  it("keeps what follows an opening style or script tag that is never closed", () => {
    const clean = sanitizeRichText("<p>Our priorities</p><style>p { color: red }\n<p>Free school meals for all</p>");
    expect(clean).toContain("<p>Our priorities</p>");
    expect(clean).toContain("<p>Free school meals for all</p>");
    expect(clean).not.toMatch(/<style/);
    const script = sanitizeRichText("<p>a</p><SCRIPT src=x><p>b <b>c</b></p>");
    expect(script).toBe("<p>a</p><p>b <b>c</b></p>");
  });

  it("still drops the contents of closed style and script elements, and of each one before a close", () => {
    const clean = sanitizeRichText("<p>x</p><style>.a{}</style><script>bad()</script><p>y</p><style>");
    expect(clean).toBe("<p>x</p><p>y</p>");
  });
});
