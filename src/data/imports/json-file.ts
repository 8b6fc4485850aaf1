import { ImportRejected } from "./report.ts";
import { decodeText, refuseNulAt, type SourceFile } from "./source-file.ts";

/** A \u0000 escape (an odd run of backslashes before it): JSON.parse would make it a NUL. */
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/;

/** Parses a JSON upload; syntax errors (a truncated download) name the line. */
export function readJson(file: SourceFile): unknown {
  const text = decodeText(file).replace(/^\uFEFF/, "");
  refuseNulAt(file, text, text.search(ESCAPED_NUL));
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split("\n").length : undefined;
    throw new ImportRejected(file.name, `the file is not valid JSON (${message}); is it truncated?`, line);
  }
}
