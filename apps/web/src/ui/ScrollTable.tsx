import type { ReactNode } from 'react';

/**
 * Something wide that scrolls sideways on a narrow screen. As a named region it takes focus, so
 * a keyboard user can scroll it with the arrow keys.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A data table with its caption and column headings, scrolling sideways when it must. */
export function ScrollTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly string[];
  /** The body's rows. */
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
