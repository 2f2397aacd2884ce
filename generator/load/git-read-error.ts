/** A problem reading a git ref (no repository, no such ref, no git): an input error, printed without a stack trace. */
export class GitReadError extends Error {}
