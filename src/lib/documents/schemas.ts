import { z } from "zod";
import { sanitizeRichText } from "../../kernel/views/rich-text.ts";

const text = (max: number) => z.string().trim().min(1).max(max);

const tableSchema = z.object({
  caption: text(300),
  columns: z.array(z.string().max(200)).min(1).max(30),
  rows: z.array(z.array(z.string().max(5000))).max(5000),
  notes: z.array(z.string().max(500)).optional(),
});

/**
 * Figures carry SVG from the charts and maps domains. They are trusted output, but a document
 * may be stored and re-rendered later, so anything scriptable is refused here.
 */
const safeSvg = z
  .string()
  .max(5_000_000)
  .refine((svg) => svg.trimStart().startsWith("<svg"), "Figure SVG must start with <svg")
  .refine(
    (svg) => !/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<iframe|<!ENTITY/i.test(svg),
    "Figure SVG contains scriptable content",
  );

export const blockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), text: z.string().max(20_000) }),
  z.object({
    type: z.literal("richText"),
    html: z
      .string()
      .max(200_000)
      .transform((html) => sanitizeRichText(html, "document")),
  }),
  z.object({
    type: z.literal("list"),
    ordered: z.boolean().default(false),
    items: z.array(z.string().max(5000)).min(1).max(500),
  }),
  z.object({ type: z.literal("table"), table: tableSchema }),
  z.object({
    type: z.literal("figure"),
    caption: text(300),
    svg: safeSvg,
    /** Alt text: the chart's one-sentence summary. */
    alt: text(2000),
    table: tableSchema,
    /** Shown under the figure: the data's period and source. */
    note: z.string().trim().max(500).optional(),
    width: z.number().int().min(100).max(4000),
    height: z.number().int().min(100).max(4000),
  }),
  z.object({
    type: z.literal("callout"),
    title: z.string().trim().max(200).optional(),
    text: z.string().max(5000),
    tone: z.enum(["info", "warning"]).default("info"),
  }),
]);
export type Block = z.output<typeof blockSchema>;
export type BlockInput = z.input<typeof blockSchema>;

export const sectionSchema = z.object({
  heading: text(200),
  /** 1 = top-level section (h2 under the document's h1 title; Word's Heading 1). */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
  blocks: z.array(blockSchema).max(500).default([]),
});

export const documentSchema = z.object({
  title: text(200),
  subtitle: z.string().trim().max(300).optional(),
  metadata: z
    .object({
      partnership: z.string().trim().max(200).optional(),
      period: z.string().trim().max(100).optional(),
      /** Draft documents carry a banner; minutes are "Recorded" (a record, not a publication). */
      status: z.enum(["Draft", "Published", "Recorded"]).default("Draft"),
      /** ISO date of publication or generation, shown as written. */
      date: z.string().trim().max(40).optional(),
      author: z.string().trim().max(200).optional(),
      version: z.string().trim().max(40).optional(),
    })
    .default({ status: "Draft" }),
  sections: z.array(sectionSchema).max(500),
});
export type DocumentModel = z.output<typeof documentSchema>;
export type DocumentInput = z.input<typeof documentSchema>;
export type Section = z.output<typeof sectionSchema>;
