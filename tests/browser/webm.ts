// Reading a recorded WebM just enough to know how long it runs: walk the EBML elements
// (Segment → Cluster → Timecode, SimpleBlock) and return the last block's time in ms.
// MediaRecorder writes a live stream: the Segment and Clusters may have "unknown" sizes.

const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;
const TIMECODE = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK_GROUP = 0xa0;
const BLOCK = 0xa1;

function vint(b: Uint8Array, at: number, keepMarker: boolean): { value: number; len: number } {
  const first = b[at];
  let len = 1;
  while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
  let value = keepMarker ? first : first & (0xff >> len);
  let unknown = value === 0xff >> len;
  for (let i = 1; i < len; i++) {
    value = value * 256 + b[at + i];
    if (b[at + i] !== 0xff) unknown = false;
  }
  return { value: !keepMarker && unknown ? -1 : value, len };
}

/** The WebM's EBML magic (1A 45 DF A3) is at the start. */
export function isWebm(b: Uint8Array): boolean {
  return b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3;
}

/** The time of the last video block, in ms (the clip's length, less one frame). */
export function webmLastBlockMs(b: Uint8Array): number {
  let last = 0;
  let cluster = 0;
  const walk = (from: number, to: number): void => {
    let at = from;
    while (at < to) {
      const id = vint(b, at, true);
      const size = vint(b, at + id.len, false);
      const body = at + id.len + size.len;
      const end = size.value < 0 ? to : Math.min(to, body + size.value);
      if (id.value === SEGMENT || id.value === CLUSTER || id.value === BLOCK_GROUP) {
        walk(body, end);
        at = end;
        continue;
      }
      if (id.value === TIMECODE) {
        cluster = 0;
        for (let i = body; i < end; i++) cluster = cluster * 256 + b[i];
      } else if (id.value === SIMPLE_BLOCK || id.value === BLOCK) {
        const track = vint(b, body, false);
        const rel = (b[body + track.len] << 8) | b[body + track.len + 1];
        last = Math.max(last, cluster + (rel > 0x7fff ? rel - 0x10000 : rel));
      }
      at = end;
    }
  };
  walk(0, b.length);
  return last;
}
