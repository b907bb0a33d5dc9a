/** A fixed counting window: its start, and the seconds until it ends (for Retry-After). */
export function currentWindow(nowMs: number, windowSeconds: number) {
  const size = windowSeconds * 1000;
  const start = Math.floor(nowMs / size) * size;
  return {
    start: new Date(start),
    retryAfterSeconds: Math.max(1, Math.ceil((start + size - nowMs) / 1000)),
  };
}
