import { ImportRejected } from "./report.ts";
import { decodeText, type SourceFile } from "./source-file.ts";

/** Parses a JSON upload; syntax errors (a truncated download) name the line. */
export function readJson(file: SourceFile): unknown {
  const text = decodeText(file).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split("\n").length : undefined;
    throw new ImportRejected(file.name, `the file is not valid JSON (${message}); is it truncated?`, line);
  }
}
