// The embedded database's side of ADR 0014: PGlite served over the PostgreSQL wire protocol.
// Plain JavaScript on purpose: it runs in the database worker, which then starts without a
// TypeScript loader (tsx costs ~0.6 s per start, paid by every command and test file).
import net from "node:net";

const PROTOCOL_3 = 196_608;
const SSL_REQUEST = 80_877_103;
const CANCEL_REQUEST = 80_877_102;
const GSS_REQUEST = 80_877_104;
/** Rows are loaded in pieces of about this size, cut at a line end (text format only). */
const COPY_PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Splits complete messages off the front of `buffer`. Before the startup message, messages
 * carry no type byte. Frames: {kind: "startup" | "encryption-request" | "cancel-request"} or
 * {kind: "message", type, bytes}.
 * @param {Buffer} buffer
 * @param {boolean} started
 */
export function readFrames(buffer, started) {
  const frames = [];
  let offset = 0;
  while (true) {
    if (!started) {
      if (buffer.length - offset < 8) break;
      const length = buffer.readInt32BE(offset);
      if (buffer.length - offset < length) break;
      const code = buffer.readInt32BE(offset + 4);
      const bytes = buffer.subarray(offset, offset + length);
      offset += length;
      if (code === SSL_REQUEST || code === GSS_REQUEST) frames.push({ kind: "encryption-request" });
      else if (code === CANCEL_REQUEST) frames.push({ kind: "cancel-request" });
      else if (code === PROTOCOL_3) {
        frames.push({ kind: "startup", bytes });
        started = true;
      } else throw new Error(`unsupported protocol version ${code}`);
      continue;
    }
    if (buffer.length - offset < 5) break;
    const length = 1 + buffer.readInt32BE(offset + 1);
    if (buffer.length - offset < length) break;
    frames.push({
      kind: "message",
      type: String.fromCharCode(buffer[offset]),
      bytes: buffer.subarray(offset, offset + length),
    });
    offset += length;
  }
  return { frames, rest: buffer.subarray(offset), started };
}

/** `copy … from stdin [options]` → the same statement reading PGlite's /dev/blob device. */
export function copyFromStdin(/** @type {string} */ text) {
  const match = /^\s*copy\s+([\s\S]+?)\s+from\s+stdin\b([\s\S]*?);?\s*$/i.exec(text);
  if (!match) return null;
  const options = match[2] ?? "";
  // Text-format rows never span a newline; CSV (quoted newlines) and binary rows may, so those
  // are loaded in one piece.
  const splittable = !/\b(csv|binary)\b/i.test(options);
  return { statement: `copy ${match[1]} from '/dev/blob'${options}`, splittable };
}

// Backend messages the bridge writes itself (formats: PostgreSQL docs, "Message Formats").
function message(/** @type {string} */ type, /** @type {Buffer} */ body) {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const copyInResponse = () => message("G", Buffer.alloc(3)); // text format, no column list
const commandComplete = (/** @type {string} */ tag) => message("C", Buffer.from(`${tag}\0`, "utf8"));
const readyForQuery = (/** @type {"I" | "T" | "E"} */ status) => message("Z", Buffer.from(status, "latin1"));
const ERROR_FIELDS = [
  ["severity", "S"],
  ["severity", "V"],
  ["code", "C"],
  ["message", "M"],
  ["detail", "D"],
  ["hint", "H"],
  ["position", "P"],
  ["where", "W"],
  ["schema", "s"],
  ["table", "t"],
  ["column", "c"],
  ["dataType", "d"],
  ["constraint", "n"],
];
/** ErrorResponse from an error's fields (PGlite's DatabaseError carries PostgreSQL's). */
export function errorResponse(/** @type {Record<string, unknown>} */ error) {
  const fields = { severity: "ERROR", code: "XX000", ...error, message: String(error.message ?? "error") };
  const parts = [];
  for (const [key, code] of ERROR_FIELDS) {
    const value = fields[key];
    if (value !== undefined && value !== null && value !== "")
      parts.push(`${code}${String(value).replaceAll("\0", "")}\0`);
  }
  return message("E", Buffer.from(`${parts.join("")}\0`, "utf8"));
}

/**
 * Serves one PGlite database on a socket, so the app talks to it with `pg` exactly as to a
 * PostgreSQL server. PGlite is one session: one connection is served at a time and any others
 * wait (the app's pool has one connection); a connection that ends mid-transaction is rolled
 * back and its session state discarded before the next is served. PGlite does not implement
 * COPY FROM STDIN, so the bridge receives the rows itself and loads them through PGlite's
 * /dev/blob device, in the same session and transaction.
 * @param {import("@electric-sql/pglite").PGlite} db
 */
export function servePglite(db) {
  /** @type {Connection | null} */
  let owner = null;
  /** @type {Connection[]} */
  const waiting = [];
  let handing = Promise.resolve();

  const handOver = async (/** @type {Connection} */ ended) => {
    if (owner !== ended) {
      waiting.splice(waiting.indexOf(ended), 1);
      return;
    }
    await ended.idle();
    owner = null;
    if (!db.closed) {
      if (db.isInTransaction()) await db.exec("rollback");
      await db.exec("discard all");
    }
    const next = waiting.shift();
    if (next) {
      owner = next;
      next.socket.resume();
    }
  };

  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    const connection = new Connection(db, socket);
    if (owner) {
      socket.pause();
      waiting.push(connection);
    } else owner = connection;
    socket.on("close", () => {
      handing = handing.then(() => handOver(connection)).catch(() => undefined);
    });
    socket.on("error", () => socket.destroy());
  });

  return {
    server,
    /** Stops accepting, ends every connection (an open transaction rolls back), closes PGlite. */
    async shutdown() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const connection of [...waiting, owner]) connection?.socket.destroy();
      await closed;
      await handing;
      if (!db.closed) await db.close();
    },
  };
}

class Connection {
  buffer = Buffer.alloc(0);
  started = false;
  work = Promise.resolve();
  /** @type {{ statement: string, splittable: boolean, ownTransaction: boolean, pending: Buffer[], pendingBytes: number, rows: number, failed: boolean } | null} */
  copy = null;

  /**
   * @param {import("@electric-sql/pglite").PGlite} db
   * @param {net.Socket} socket
   */
  constructor(db, socket) {
    this.db = db;
    this.socket = socket;
    socket.on("data", (data) => {
      this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, data]) : data;
      let read;
      try {
        read = readFrames(this.buffer, this.started);
      } catch {
        socket.destroy();
        return;
      }
      this.buffer = read.rest;
      this.started = read.started;
      if (read.frames.length === 0) return;
      const frames = read.frames;
      this.work = this.work
        .then(() => this.handle(frames))
        .catch(() => {
          socket.destroy();
        });
    });
  }

  /** Resolves when the messages received so far have been answered. */
  idle() {
    return this.work;
  }

  write(/** @type {Uint8Array} */ bytes) {
    if (bytes.length > 0 && !this.socket.destroyed) this.socket.write(bytes);
  }

  /** PGlite's own answer to a run of ordinary messages, streamed back as it is produced. */
  async execute(/** @type {Buffer[]} */ messages) {
    if (messages.length === 0) return;
    const bytes = messages.length === 1 ? messages[0] : Buffer.concat(messages);
    await this.db.execProtocolRawStream(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      syncToFs: false,
      // PGlite reuses its output buffer: copy before handing it to the socket.
      onRawData: (chunk) => this.write(Buffer.from(chunk)),
    });
  }

  async handle(frames) {
    /** @type {Buffer[]} */
    let run = [];
    const flush = async () => {
      await this.execute(run);
      run = [];
    };
    for (const frame of frames) {
      if (frame.kind === "encryption-request") this.write(Buffer.from("N"));
      else if (frame.kind === "cancel-request") this.socket.end();
      else if (frame.kind === "startup") this.write(await this.db.execProtocolRaw(new Uint8Array(frame.bytes)));
      else if (frame.type === "X") {
        await flush();
        this.socket.end();
        return;
      } else if (frame.type === "d" || frame.type === "c" || frame.type === "f") {
        await flush();
        await this.copyMessage(frame.type, frame.bytes);
      } else {
        const copy = frame.type === "Q" ? copyFromStdin(frame.bytes.toString("utf8", 5, frame.bytes.length - 1)) : null;
        if (!copy) {
          run.push(frame.bytes);
          continue;
        }
        await flush();
        const ownTransaction = !this.db.isInTransaction();
        if (ownTransaction) await this.db.exec("begin");
        this.copy = { ...copy, ownTransaction, pending: [], pendingBytes: 0, rows: 0, failed: false };
        this.write(copyInResponse());
      }
    }
    await flush();
  }

  async copyMessage(/** @type {string} */ type, /** @type {Buffer} */ bytes) {
    const copy = this.copy;
    // After a failed COPY the client may still send rows and CopyDone: dropped, as PostgreSQL does.
    if (!copy || copy.failed) {
      if (type !== "d") this.copy = null;
      return;
    }
    if (type === "d") {
      copy.pending.push(bytes.subarray(5));
      copy.pendingBytes += bytes.length - 5;
      if (copy.splittable && copy.pendingBytes >= COPY_PIECE_BYTES) await this.loadPiece(copy, false);
      return;
    }
    if (type === "f") {
      const reason = bytes.toString("utf8", 5, bytes.length - 1);
      await this.failCopy(copy, { code: "57014", message: `COPY from stdin failed: ${reason}` });
      this.copy = null;
      return;
    }
    if (await this.loadPiece(copy, true)) {
      if (copy.ownTransaction) await this.db.exec("commit");
      this.write(commandComplete(`COPY ${copy.rows}`));
      this.write(readyForQuery(this.db.isInTransaction() ? "T" : "I"));
    }
    this.copy = null;
  }

  /** Loads the complete lines received so far (everything, at the end); false if it failed. */
  async loadPiece(copy, last) {
    let data = Buffer.concat(copy.pending);
    let rest = Buffer.alloc(0);
    if (!last) {
      const end = data.lastIndexOf(10);
      if (end < 0) return true;
      rest = data.subarray(end + 1);
      data = data.subarray(0, end + 1);
    }
    copy.pending = rest.length > 0 ? [rest] : [];
    copy.pendingBytes = rest.length;
    if (data.length === 0) return true;
    try {
      const result = await this.db.query(copy.statement, [], { blob: new Blob([data]) });
      copy.rows += result.affectedRows ?? 0;
      return true;
    } catch (error) {
      await this.failCopy(copy, error);
      return false;
    }
  }

  async failCopy(copy, error) {
    copy.failed = true;
    copy.pending = [];
    if (copy.ownTransaction) await this.db.exec("rollback");
    else if (error.code === "57014") {
      // The client gave up (CopyFail) inside its own transaction: PostgreSQL leaves that
      // transaction failed, so raise the same error in it.
      const text = `'${String(error.message).replaceAll("'", "''")}'`;
      await this.db
        .exec(`do $$ begin raise exception using errcode = '57014', message = ${text}; end $$`)
        .catch(() => undefined);
    }
    this.write(errorResponse(error));
    this.write(readyForQuery(this.db.isInTransaction() ? "E" : "I"));
  }
}
