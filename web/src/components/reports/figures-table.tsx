// The figures behind a chart, as a table: what a screen reader reads, and what anyone can copy.

type Props = {
  caption: string;
  /** The first column names the row (an advisor, a channel); the others hold figures. */
  headers: string[];
  rows: Array<{ key: string; name: string; figures: string[] }>;
};

export function FiguresTable({ caption, headers, rows }: Props) {
  return (
    <table className="token-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            {row.figures.map((figure, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's figures are in the headers' order.
              <td key={index}>{figure}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
