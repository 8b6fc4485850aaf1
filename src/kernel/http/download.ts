/**
 * Every file the service sends goes out through here, so names, types and caching are the same
 * everywhere. The header is written by the `content-disposition` package: a plain ASCII
 * `filename` for old clients and an RFC 8187 `filename*` (UTF-8) when the name needs one.
 *
 * The rule for inline or attachment: a file is an attachment (saved under its name), except
 * the HTML version of a document, which opens in the browser: it is an accessible web page,
 * read and printed there. Uploaded files (meeting papers) are always attachments, whatever their
 * type, so nothing a user uploaded is ever shown by the browser as our page.
 */
import { create } from "content-disposition";
import type { FastifyReply } from "fastify";

export const contentTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
} as const;
export type FileKind = keyof typeof contentTypes;

/** What most downloads are: one partnership's records, never kept by shared caches. */
export const PRIVATE = "private, no-store";
/** Published documents: anyone may cache them briefly. */
export const PUBLIC = "public, max-age=300";

/**
 * A name every operating system accepts: no path separators, no characters Windows refuses,
 * no control characters; at most 200 characters, keeping the extension.
 */
export function safeFileName(name: string, fallback = "download"): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/\p{Cc}/gu, "")
    .replace(/[/\\:*?"<>|]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (!cleaned) return fallback;
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 200 - extension.length) + extension;
}

/** A file name made from a title: "Annual report 2025/26" → "annual-report-2025-26". */
export function fileSlug(text: string, fallback = "download"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 150)
    .replace(/-$/, "");
  return slug || fallback;
}

/** The Content-Disposition header for a file name (made safe here), attachment unless said. */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const name = safeFileName(fileName);
  // The ASCII name older clients see: accents dropped, anything else non-ASCII as "_".
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_");
  return create(name, { type: disposition, fallback: ascii });
}

export interface Download {
  fileName: string;
  body: string | Buffer | Uint8Array;
  /** A kind of file we write, or the stored content type of an uploaded file. */
  type: FileKind | { upload: string };
  /** Cache-Control; PRIVATE unless said. */
  cache?: string;
}

/** Sends a file by the rule above. Text bodies get no BOM here: writers that need one add it. */
export function sendDownload(reply: FastifyReply, download: Download): FastifyReply {
  const { type } = download;
  const kind = typeof type === "string" ? type : null;
  const contentType = typeof type === "string" ? contentTypes[type] : type.upload;
  return reply
    .header("content-type", contentType)
    .header("content-disposition", contentDisposition(download.fileName, kind === "html" ? "inline" : "attachment"))
    .header("x-content-type-options", "nosniff")
    .header("cache-control", download.cache ?? PRIVATE)
    .send(download.body);
}
