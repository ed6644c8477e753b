// How tall the square plot may be, from the window's height. Landscape.tsx also hands it to
// the CSS grid (--stage-max on `main`, app.css and lessons.css), so that the stage column
// ends where the plot does instead of leaving a blank band beside it.
//   page:          min(720, max(480, innerHeight − 250)): the colour key and view switch under
//                  the plot stay on screen (650 px at 1280 × 900); below 730 px the page scrolls.
//   presentation:  min(720, innerHeight − 320): nothing may scroll on a projector, and under
//                  the plot sit the legend, the view switch and at times a density warning
//                  (44 px on two lines), about 150 px in all, below a 100 px header.

export const PLOT_MAX = 720;

export function plotSideLimit(innerHeight: number, presenting: boolean): number {
  return presenting
    ? Math.min(PLOT_MAX, innerHeight - 320)
    : Math.min(PLOT_MAX, Math.max(480, innerHeight - 250));
}
