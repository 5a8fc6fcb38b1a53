import { useEffect, useState } from 'react';

/** The browser's clock, re-read every second while `ticking`, so countdowns move on their own. */
export function useNowMs(ticking: boolean): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return nowMs;
}
