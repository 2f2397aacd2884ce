import { displayWidth } from "./string-width.js";

/**
 * A GFM table laid out as Prettier prints it, column by column: a column's cells are counted once, and a column that
 * is the same in every locale (a code's anchor, its name, its aliases) is counted once for all of them.
 */

/**
 * The cells of one column below its header, already escaped, each with its width in columns. A cell is missing
 * (with width 0) in a row that ends before this column.
 */
export interface ColumnCells {
  readonly cells: readonly (string | undefined)[];
  readonly widths: readonly number[];
}

/** A column of `cells`, each counted with {@link displayWidth}. */
export function measuredCells(cells: readonly string[]): ColumnCells {
  return { cells, widths: cells.map(displayWidth) };
}

/**
 * A column whose every cell is one of a few `words` (yes or no, a status): `choices[row]` is the word's index. Each
 * word is counted once.
 */
export function chosenCells(choices: ArrayLike<number>, words: readonly string[]): ColumnCells {
  const wordWidths = words.map(displayWidth);
  const cells: string[] = new Array(choices.length);
  const widths: number[] = new Array(choices.length);
  for (let row = 0; row < choices.length; row += 1) {
    cells[row] = words[choices[row]!]!;
    widths[row] = wordWidths[choices[row]!]!;
  }
  return { cells, widths };
}

/**
 * The table: the header row, the delimiter row and one row per cell of the columns, every column padded with spaces
 * to its widest cell (at least 3) and a delimiter of dashes as wide. A row ends at its first missing cell.
 */
export function renderColumns(header: readonly string[], columns: readonly ColumnCells[]): string {
  const headerWidths = header.map(displayWidth);
  const widths = columns.map((column, index) => {
    let widest = Math.max(3, headerWidths[index]!);
    for (const width of column.widths) widest = Math.max(widest, width);
    return widest;
  });
  const rows = Math.max(0, ...columns.map((column) => column.cells.length));
  const spaces = paddings(Math.max(0, ...widths));
  const lines: string[] = new Array(rows + 2);
  lines[0] = renderLine(header, headerWidths, widths, spaces);
  lines[1] = renderLine(
    widths.map((width) => "-".repeat(width)),
    widths,
    widths,
    spaces,
  );
  const cells: string[] = [];
  for (let row = 0; row < rows; row += 1) {
    cells.length = 0;
    for (let index = 0; index < columns.length; index += 1) {
      const column = columns[index]!;
      const cell = column.cells[row];
      if (cell === undefined) break;
      cells.push(cell + spaces[widths[index]! - column.widths[row]!]);
    }
    lines[row + 2] = `| ${cells.join(" | ")} |`;
  }
  return lines.join("\n");
}

/** `| a | b |`, each cell padded to its column's width. */
function renderLine(cells: readonly string[], own: readonly number[], widths: readonly number[], spaces: readonly string[]): string {
  let line = "|";
  for (let index = 0; index < cells.length; index += 1) line += ` ${cells[index]}${spaces[widths[index]! - own[index]!]} |`;
  return cells.length === 0 ? "|  |" : line;
}

/** `spaces[n]` is n spaces, for every n up to `longest`. */
function paddings(longest: number): string[] {
  const spaces = [""];
  for (let length = 1; length <= longest; length += 1) spaces.push(`${spaces[length - 1]} `);
  return spaces;
}
