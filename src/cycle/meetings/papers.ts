import { createHash } from "node:crypto";
import type { FastifyReply } from "fastify";
import { PRIVATE, sendDownload } from "../../kernel/http/download.ts";

export const MAX_PAPER_BYTES = 20 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

interface Kind {
  contentType: string;
  matches: (content: Buffer) => boolean;
}

const startsWith = (content: Buffer, bytes: number[]) => bytes.every((byte, index) => content[index] === byte);
const zipContaining = (marker: string) => (content: Buffer) =>
  startsWith(content, ZIP) && content.includes(Buffer.from(marker, "latin1"));

/** Text with no NUL bytes that decodes as UTF-8: the best CSV check there is without parsing. */
function looksLikeText(content: Buffer): boolean {
  if (content.length === 0 || content.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

// Office Open XML and OpenDocument are ZIP files; their part names identify the kind.
const kinds: Record<string, Kind> = {
  pdf: { contentType: "application/pdf", matches: (c) => startsWith(c, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    matches: zipContaining("word/"),
  },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    matches: zipContaining("xl/"),
  },
  odt: {
    contentType: "application/vnd.oasis.opendocument.text",
    matches: zipContaining("application/vnd.oasis.opendocument.text"),
  },
  csv: { contentType: "text/csv", matches: looksLikeText },
  png: { contentType: "image/png", matches: (c) => startsWith(c, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { contentType: "image/jpeg", matches: (c) => startsWith(c, [0xff, 0xd8, 0xff]) },
  jpeg: { contentType: "image/jpeg", matches: (c) => startsWith(c, [0xff, 0xd8, 0xff]) },
};

export const allowedExtensions = Object.keys(kinds);

export type PaperCheck =
  | { ok: true; fileName: string; contentType: string; sha256: string }
  | { ok: false; message: string };

/** Keeps a safe display name: no path, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const printable = base.replace(/[\u0000-\u001f\u007f"]/g, "");
  return printable.trim().slice(-200);
}

/** Accepts a paper only if its extension is allowed AND its first bytes match that type. */
export function checkPaper(
  originalName: string,
  content: Buffer,
  truncated: boolean,
  maxBytes = MAX_PAPER_BYTES,
): PaperCheck {
  const fileName = cleanFileName(originalName);
  if (!fileName || content.length === 0) return { ok: false, message: "Select a file to upload" };
  if (truncated || content.length > maxBytes) {
    return {
      ok: false,
      message: `${fileName} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: upload a smaller file`,
    };
  }
  const extension = fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : "";
  const kind = kinds[extension];
  if (!kind) return { ok: false, message: `${fileName} must be a PDF, DOCX, XLSX, CSV, ODT, PNG or JPEG file` };
  if (!kind.matches(content)) {
    return {
      ok: false,
      message: `${fileName} is not a real ${extension.toUpperCase()} file: its contents do not match its name`,
    };
  }
  return {
    ok: true,
    fileName,
    contentType: kind.contentType,
    sha256: createHash("sha256").update(content).digest("hex"),
  };
}

/** A file field as @fastify/multipart attaches it to the body. */
interface MultipartField {
  type?: string;
  filename?: string;
  _buf?: Buffer | null;
  file?: { truncated?: boolean };
}

export type UploadedPaper =
  | { ok: true; fileName: string; contentType: string; sha256: string; content: Buffer }
  | { ok: false; message: string };

/**
 * The file posted in `field` of a multipart form (attachFieldsToBody), checked as a paper:
 * a missing field, a non-file value or a failed check is a message to show on the form.
 */
export function paperFromBody(body: unknown, field: string, maxBytes = MAX_PAPER_BYTES): UploadedPaper {
  const value = (body as Record<string, unknown> | undefined)?.[field] as MultipartField | undefined;
  if (value?.type !== "file") return { ok: false, message: "Select a file to upload" };
  const content = value._buf ?? Buffer.alloc(0);
  const check = checkPaper(value.filename ?? "", content, value.file?.truncated === true, maxBytes);
  return check.ok ? { ...check, content } : check;
}

/**
 * Sends a stored paper or attachment as a download through the kernel's one download path: always
 * an attachment, its type as checked on upload, nosniff, and private unless the caller says it may be
 * cached (a public entry's file).
 */
export function sendPaper(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; content: Buffer | Uint8Array },
  cacheControl = PRIVATE,
): FastifyReply {
  return sendDownload(reply, {
    fileName: file.fileName,
    type: { upload: file.contentType },
    body: file.content,
    cache: cacheControl,
  });
}
