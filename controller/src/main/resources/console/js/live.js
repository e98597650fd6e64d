// Polling: the console's live updates. Each round starts only after the previous one finished,
// so a slow controller is never asked twice at once.

/** Runs `task` now and then every `ms` until the returned stop() is called. */
export function every(ms, task) {
  let stopped = false;
  let timer = null;
  const round = async () => {
    try {
      await task();
    } catch (e) {
      console.warn('live update failed', e);
    }
    if (!stopped) timer = setTimeout(round, ms);
  };
  round();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
