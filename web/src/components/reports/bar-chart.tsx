// A bar chart drawn by Chart.js, with only the parts bars need registered (the reports chunk stays
// small); the canvas is an image whose label sums it up, and a table beside it gives every figure.
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  Tooltip,
} from "chart.js";
import { Bar } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

// Colours told apart with the common colour-vision deficiencies (Okabe–Ito).
const COLOURS = ["#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7"];

export type Series = { label: string; values: Array<number | null> };

type Props = {
  labels: string[];
  series: Series[];
  /** What the chart shows, in one or two sentences: the canvas's accessible name. */
  summary: string;
  locale: string;
  /** Percentages: the scale stops at 100. */
  percent?: boolean;
};

export function BarChart({ labels, series, summary, locale, percent }: Props) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <div className="report-chart">
      <Bar
        role="img"
        aria-label={summary}
        data={{
          labels,
          datasets: series.map((s, index) => ({
            label: s.label,
            data: s.values,
            backgroundColor: COLOURS[index % COLOURS.length],
          })),
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          locale,
          scales: {
            y: {
              beginAtZero: true,
              ...(percent ? { max: 100 } : {}),
              ticks: {
                precision: 0,
                callback: (value) =>
                  percent ? `${number.format(Number(value))} %` : number.format(Number(value)),
              },
            },
          },
          plugins: { legend: { position: "bottom" } },
        }}
      />
    </div>
  );
}
