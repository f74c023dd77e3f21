/** One bar: its label, its value and the text printed beside it. */
export interface Bar {
  label: string;
  value: number;
  text: string;
}

const ROW = 28;
const LABEL_WIDTH = 40; // percent of the width for the labels

/**
 * Horizontal bars in plain SVG (no chart library: a few bars need none), scaled to `max` and
 * readable at 360 px: labels on the left, the value at the end of each bar. The figure is
 * described by its title and each bar's text, so screen readers read the numbers too.
 */
export function BarChart({ title, bars, max, testId }: { title: string; bars: Bar[]; max?: number; testId?: string }) {
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const height = Math.max(bars.length, 1) * ROW;
  return (
    <figure style={{ margin: 0 }} data-testid={testId}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      <svg role="img" aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${bar.text}`).join(', ')}`} width="100%" height={height}>
        {bars.map((bar, index) => {
          const y = index * ROW;
          const width = (bar.value / top) * (100 - LABEL_WIDTH - 18);
          return (
            <g key={`${bar.label}-${index}`}>
              <text x="0" y={y + ROW / 2 + 5} fontSize="13" fill="currentColor">
                {bar.label.length > 11 ? `${bar.label.slice(0, 10)}…` : bar.label}
              </text>
              <rect x={`${LABEL_WIDTH}%`} y={y + 5} width={`${width}%`} height={ROW - 10} rx="3" fill="var(--mantine-color-teal-6)" />
              <text x={`${LABEL_WIDTH + width + 1}%`} y={y + ROW / 2 + 5} fontSize="13" fill="currentColor">
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
