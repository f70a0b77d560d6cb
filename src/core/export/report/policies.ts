import type { Link } from '../../model/types';

export function describeRetry(link: Link): string | undefined {
  if (!link.retry) return undefined;
  const { max, backoff, jitter, baseMs } = link.retry;
  return [`${max}×`, backoff, baseMs === undefined ? undefined : `base ${baseMs} ms`, jitter ? 'jitter' : undefined]
    .filter(Boolean)
    .join(', ');
}

export function describeBreaker(link: Link): string | undefined {
  if (!link.breaker) return undefined;
  const { failureRatePct, openMs, fallback } = link.breaker;
  const parts = [
    failureRatePct === undefined ? undefined : `${failureRatePct}% failures`,
    openMs === undefined ? undefined : `open ${openMs} ms`,
    fallback ? `fallback: ${fallback}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'yes';
}
