import { describe, expect, it } from 'vitest';
import { createCoalescingRunner } from './coalesce';

function deferredRunner() {
  const calls: { input: string; resolve: (o: string) => void; reject: (e: Error) => void }[] = [];
  const run = (input: string) => new Promise<string>((resolve, reject) => calls.push({ input, resolve, reject }));
  return { calls, run };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createCoalescingRunner', () => {
  it('keeps one run in flight and runs only the newest of a burst next', async () => {
    const { calls, run } = deferredRunner();
    const results: [string, string, boolean][] = [];
    const busy: boolean[] = [];
    const runner = createCoalescingRunner(run, {
      onResult: (o, i, stale) => results.push([o, i, stale]),
      onError: () => undefined,
      onBusyChange: (b) => busy.push(b),
    });
    runner.request('a');
    runner.request('b');
    runner.request('c');
    expect(calls.map((c) => c.input)).toEqual(['a']);
    calls[0]!.resolve('A');
    await flush();
    // 'b' was superseded by 'c' before it ever ran.
    expect(calls.map((c) => c.input)).toEqual(['a', 'c']);
    expect(results).toEqual([['A', 'a', true]]);
    expect(runner.isBusy()).toBe(true);
    calls[1]!.resolve('C');
    await flush();
    expect(results).toEqual([
      ['A', 'a', true],
      ['C', 'c', false],
    ]);
    expect(busy).toEqual([true, false]);
  });

  it('does not re-run when the newest request is what just ran', async () => {
    const { calls, run } = deferredRunner();
    const runner = createCoalescingRunner(run, {
      onResult: () => undefined,
      onError: () => undefined,
      onBusyChange: () => undefined,
    });
    runner.request('a');
    runner.request('a');
    calls[0]!.resolve('A');
    await flush();
    expect(calls).toHaveLength(1);
    expect(runner.isBusy()).toBe(false);
  });

  it('reports a failed run and goes on with the newest input', async () => {
    const { calls, run } = deferredRunner();
    const errors: string[] = [];
    const runner = createCoalescingRunner(run, {
      onResult: () => undefined,
      onError: (e) => errors.push((e as Error).message),
      onBusyChange: () => undefined,
    });
    runner.request('a');
    runner.request('b');
    calls[0]!.reject(new Error('boom'));
    await flush();
    expect(errors).toEqual(['boom']);
    expect(calls.map((c) => c.input)).toEqual(['a', 'b']);
  });
});
