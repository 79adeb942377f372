// A file that is not a readable workbook: a Chinese reason for the user, the library's text for --verbose.
export class Unreadable extends Error {
  constructor(
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

/** 2,100,000: figures in reasons, grouped as people read them. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
