/**
 * Why codebook could not write (or remove) a file, in words: the file system's refusals (a folder in the way, a
 * read-only or full file system, no permission) and codebook's own (a symbolic link inside an output folder).
 * The CLI prints it as `codebook: cannot write PATH: REASON` and exits 1, without a stack trace.
 */
export class WriteError extends Error {
  /** The absolute path codebook was about to write or remove. */
  readonly path: string;
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`cannot write ${file}: ${reason}`);
    this.name = "WriteError";
    this.path = file;
    this.reason = reason;
  }
}

/** What each file-system error code means for a write, as the message says it. */
const REASONS: Readonly<Record<string, string>> = {
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of its path is a file, not a folder",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EEXIST: "a file is in the way",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  EBUSY: "the file is busy",
};

/** A WriteError for `file` from a file-system error (any other error is returned as it is: it is a bug). */
export function toWriteError(file: string, error: unknown): unknown {
  if (error instanceof WriteError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return error;
  return new WriteError(file, Object.hasOwn(REASONS, code) ? REASONS[code]! : `the file system refused (${code})`);
}
