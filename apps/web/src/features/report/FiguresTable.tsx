/** A row of a figures table: its label (the row's header) and its figures, one per column. */
export interface FiguresRow {
  key: string | number;
  label: string;
  figures: readonly (string | number)[];
}

interface FiguresTableProps {
  /** Column headers; the first one names the labels. */
  columns: readonly string[];
  rows: readonly FiguresRow[];
}

/** The figures behind a chart as a plain table, for screen readers and for reading exactly. */
export function FiguresTable({ columns, rows }: FiguresTableProps) {
  return (
    <table>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.figures.map((figure, index) => (
              <td key={index}>{figure}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
