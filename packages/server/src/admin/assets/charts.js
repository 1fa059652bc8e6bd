// Draws the overview's charts with uPlot from the page's inline JSON (data only: no inline script,
// so the dashboard runs under a strict Content-Security-Policy).
(() => {
  const source = document.getElementById("chart-data");
  if (!source || typeof uPlot !== "function") return;
  const data = JSON.parse(source.textContent || "{}");
  const palette = ["#1f5fa8", "#b3480b", "#2e7d32", "#8e24aa", "#00838f", "#6d4c41"];
  const charts = [];
  // Axis colours follow the page's palette, so the charts stay readable in the dark scheme.
  const style = getComputedStyle(document.documentElement);
  const ink = style.getPropertyValue("--ink").trim() || "#1b1b1f";
  const line = style.getPropertyValue("--line").trim() || "#c9c9d2";

  function options(name, width) {
    const chart = data[name];
    const percent = name === "acceptance";
    return {
      width,
      height: 240,
      scales: {
        x: { time: true },
        y: percent ? { range: [0, 100] } : { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        { stroke: ink, grid: { stroke: line }, ticks: { stroke: line } },
        {
          stroke: ink,
          grid: { stroke: line },
          ticks: { stroke: line },
          values: (_u, ticks) => ticks.map((tick) => (percent ? `${tick} %` : String(tick))),
        },
      ],
      series: [
        {
          label: "Day",
          value: (_u, value) => (value == null ? "–" : new Date(value * 1000).toISOString().slice(0, 10)),
        },
        ...chart.series.map((series, index) => ({
          label: series.label,
          stroke: palette[index % palette.length],
          width: 2,
          fill: percent ? undefined : `${palette[index % palette.length]}33`,
          paths: percent ? undefined : uPlot.paths.bars({ size: [0.8, 40] }),
          spanGaps: false,
          value: (_u, value) => (value == null ? "–" : percent ? `${value} %` : String(value)),
        })),
      ],
    };
  }

  for (const element of document.querySelectorAll("[data-chart]")) {
    const name = element.getAttribute("data-chart");
    const chart = data[name];
    if (!chart) continue;
    const series = [chart.x, ...chart.series.map((entry) => entry.values)];
    charts.push({ element, plot: new uPlot(options(name, element.clientWidth || 320), series, element) });
  }

  let pending = 0;
  window.addEventListener("resize", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      for (const { element, plot } of charts)
        plot.setSize({ width: element.clientWidth || 320, height: 240 });
    });
  });
})();
