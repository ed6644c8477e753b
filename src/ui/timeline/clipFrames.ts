// The clip recorder's fallback: PNG frames of a canvas at a steady 10 per second, zipped with
// fflate (stored, not deflated: PNG is compressed already). At most MAX_FRAMES (30 s), so a
// forgotten recording cannot fill the memory: 300 PNGs of a ≤ 720 px heatmap are some tens of
// MB. The zip carries a note with the frame rate and an ffmpeg line that makes it a video.
import { zipSync, strToU8, type Zippable } from 'fflate';

export const ZIP_FPS = 10;
export const MAX_FRAMES = 300;

const note = (n: number) =>
  `${n} frames of the EBM Playground landscape, ${ZIP_FPS} per second.\n` +
  `Make a video: ffmpeg -framerate ${ZIP_FPS} -i frame-%04d.png -pix_fmt yuv420p clip.mp4\n`;

export function pngFrames(
  canvas: HTMLCanvasElement,
  onLimit: () => void,
): { stop(): Promise<Blob> } {
  const pending: Promise<Uint8Array | null>[] = [];
  const t0 = performance.now();
  const png = () =>
    new Promise<Uint8Array | null>((resolve) =>
      canvas.toBlob((b) => {
        if (!b) return resolve(null);
        void b.arrayBuffer().then((a) => resolve(new Uint8Array(a)));
      }, 'image/png'),
    );
  // Paced by the clock: a late timer (a busy page) fills the slots it missed with the picture
  // it takes now, as a video repeats a frame, so the frames played at ZIP_FPS last as long as
  // the recording did.
  const grab = () => {
    const due = Math.min(MAX_FRAMES, Math.floor(((performance.now() - t0) * ZIP_FPS) / 1000) + 1);
    if (pending.length < due) {
      const shot = png();
      while (pending.length < due) pending.push(shot);
    }
    if (pending.length >= MAX_FRAMES) {
      clearInterval(timer);
      onLimit();
    }
  };
  grab();
  const timer = setInterval(grab, 1000 / ZIP_FPS);
  return {
    async stop() {
      clearInterval(timer);
      grab();
      const pngs = (await Promise.all(pending)).filter((p): p is Uint8Array => p !== null);
      const files: Zippable = { 'clip.txt': strToU8(note(pngs.length)) };
      pngs.forEach((png, i) => (files[`frame-${String(i + 1).padStart(4, '0')}.png`] = png));
      const zip = zipSync(files, { level: 0 });
      return new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
    },
  };
}
