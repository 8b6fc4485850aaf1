import { describe, expect, it } from "vitest";
import { type RichTextProfile, sanitizeRichText } from "./rich-text.ts";

const profiles: RichTextProfile[] = ["page", "document"];

describe("rich text: what follows an unclosed raw-text tag is kept", () => {
  // Issue 11: everything after an unclosed <style> was dropped.
  it.each(profiles)("keeps the text after an unclosed <style> (%s)", (profile) => {
    const clean = sanitizeRichText(
      "<p>Before</p><style>p { color: red }\n<p>After the style</p><p>And more</p>",
      profile,
    );
    expect(clean).toBe("<p>Before</p><p>After the style</p><p>And more</p>");
  });

  it.each(profiles)("does the same for script, textarea, title and xmp, in any case (%s)", (profile) => {
    for (const tag of ["script", "SCRIPT", "textarea", "title", "xmp", 'style type="text/css"']) {
      const clean = sanitizeRichText(`<p>a</p><${tag}>hidden <p>b</p>`, profile);
      expect(clean, tag).toBe("<p>a</p><p>b</p>");
    }
  });

  it.each(profiles)("still drops closed elements with their content (%s)", (profile) => {
    expect(sanitizeRichText("<p>a</p><style>p{}</style><p>b</p><script>bad()</script >", profile)).toBe(
      "<p>a</p><p>b</p>",
    );
    // A closed style followed by an unclosed one: the first goes whole, the second keeps what follows.
    expect(sanitizeRichText("<p>a</p><style>x</style><style>y<p>b</p>", profile)).toBe("<p>a</p><p>b</p>");
  });

  it.each(profiles)("cannot be tricked into forming a tag (%s)", (profile) => {
    for (const input of [
      "<p>a</p><scr<style>ipt>alert(1)</script><p>b</p>",
      "<p>a</p><sty<style>le>x<p>b</p>",
      "<p>a<style>",
      "<style><script>alert(1)",
    ]) {
      const clean = sanitizeRichText(input, profile);
      expect(clean, input).not.toMatch(/<(script|style)|alert\(1\)<\/script/i);
    }
  });
});

describe("rich text profiles", () => {
  const dirty =
    '<p onclick="x">Hi <b>there</b> <a href="javascript:alert(1)">x</a> <a href="https://example.org">ok</a><img src=x></p>' +
    '<h2>Sub</h2><blockquote>Quote</blockquote><h1>Heading</h1><script>bad()</script><iframe src="https://evil"></iframe>';

  it("page: structure, emphasis, sub-headings, quotes and safe links", () => {
    const clean = sanitizeRichText(dirty, "page");
    expect(clean).toContain('<p>Hi <b>there</b> <a>x</a> <a href="https://example.org">ok</a></p>');
    expect(clean).toContain("<h2>Sub</h2><blockquote>Quote</blockquote>Heading");
    expect(clean).not.toMatch(/onclick|javascript:|<img|<h1|<script|bad\(\)|<iframe/);
  });

  it("document: paragraphs, emphasis, lists and links only", () => {
    const clean = sanitizeRichText(dirty, "document");
    expect(clean).toContain('<p>Hi <strong>there</strong>  <a href="https://example.org">ok</a></p>');
    expect(clean).toContain("SubQuoteHeading");
    expect(clean).not.toMatch(/onclick|javascript:|<img|<h[1-6]|<blockquote|<script|bad\(\)|<iframe/);
  });

  it.each(profiles)("turns plain text into paragraphs and escapes it (%s)", (profile) => {
    expect(sanitizeRichText("First line\nsecond line\r\n\r\nNext: 3 < 4 & more", profile)).toBe(
      "<p>First line<br>second line</p>\n<p>Next: 3 &lt; 4 &amp; more</p>",
    );
    expect(sanitizeRichText("   ", profile)).toBe("");
  });
});
