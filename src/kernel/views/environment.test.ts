import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import "./environment.ts"; // remembers each imported template's macros

function environment(templates: Record<string, string>) {
  const loader = {
    getSource: (name: string) => (name in templates ? { src: templates[name]!, path: name, noCache: false } : null),
  };
  return new nunjucks.Environment(loader as unknown as nunjucks.ILoader, { autoescape: true });
}

describe("imported macros, collected once per template", () => {
  const templates = {
    "macros.njk": `{% set greeting = "Hello" %}{% macro greet(name) %}{{ greeting }}, {{ name }}{% include "part.njk" %}{% endmacro %}`,
    "part.njk": `{% if broken %}{{ broken.call() }}{% endif %}!`,
    "page.njk": `{% from "macros.njk" import greet %}{{ greet(who) }} ({{ who }})`,
    "other.njk": `{% from "macros.njk" import greet %}<p>{{ greet(who | upper) }}</p>`,
  };

  it("renders each page with its own context, however often and in whatever order", () => {
    const env = environment(templates);
    expect(env.render("page.njk", { who: "Ada" })).toBe("Hello, Ada! (Ada)");
    expect(env.render("other.njk", { who: "Grace" })).toBe("<p>Hello, GRACE!</p>");
    expect(env.render("page.njk", { who: "<b>" })).toBe("Hello, &lt;b&gt;! (&lt;b&gt;)");
  });

  it("still reports an error inside a macro to the render that called it", () => {
    const env = environment({ ...templates, "part.njk": `{{ missing.call() }}` });
    expect(() => env.render("page.njk", { who: "Ada" })).toThrow();
    expect(() => env.render("other.njk", { who: "Ada" })).toThrow();
  });
});
