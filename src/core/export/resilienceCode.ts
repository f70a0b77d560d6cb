import { stringify } from 'yaml';
import { withLinkDefaults } from '../model/defaults';
import type { Design, Link } from '../model/types';
import { commentText, createIdentifierNamer, toPascalIdentifier } from './deployNames';
import { createUniqueNamer } from './slug';

/** Languages the snippets are written in. */
export const CODE_LANGUAGES = ['typescript', 'java', 'go', 'python', 'csharp'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export interface ResilienceCodeFile {
  nodeId: string;
  language: CodeLanguage;
  fileName: string;
  text: string;
  mime: string;
}

/** The service's `tech` as a language; TypeScript when the design does not say (or says something else). */
export function codeLanguageOf(tech: string | undefined): CodeLanguage {
  const text = (tech ?? '').toLowerCase();
  if (/java|spring|kotlin|quarkus|micronaut/.test(text)) return 'java';
  if (/\bgo\b|golang/.test(text)) return 'go';
  if (/python|django|flask|fastapi/.test(text)) return 'python';
  if (/c#|csharp|\.net|dotnet|asp/.test(text)) return 'csharp';
  return 'typescript';
}

/** A call the service makes and waits for. */
function isOutgoingSync(link: Link): boolean {
  return link.kind === 'sync';
}

interface Call {
  link: Link;
  /** camelCase identifier of the callee, unique in the file. */
  id: string;
  /** The callee's name and id, for comments. */
  target: string;
}

function callsOf(design: Design, nodeId: string): Call[] {
  const taken = new Set<string>();
  return design.links
    .filter((link) => link.from === nodeId && isOutgoingSync(link))
    .map((link) => {
      const pascal = toPascalIdentifier(link.to, 'Callee');
      const base = pascal.charAt(0).toLowerCase() + pascal.slice(1);
      let id = base;
      for (let i = 2; taken.has(id.toLowerCase()); i++) id = `${base}${i}`;
      taken.add(id.toLowerCase());
      return { link, id, target: commentText(`${design.nodes[link.to]?.name ?? link.to} (${link.to})`) };
    });
}

/** What the design states for a link, in one comment line. */
function summaryOf(link: Link): string {
  const parts: string[] = [];
  parts.push(link.timeoutMs !== undefined ? `timeout ${link.timeoutMs} ms` : 'no timeout stated');
  if (link.retry)
    parts.push(
      `${link.retry.max} ${link.retry.max === 1 ? 'retry' : 'retries'}${link.retry.backoff ? `, ${link.retry.backoff} backoff` : ''}${link.retry.baseMs ? ` from ${link.retry.baseMs} ms` : ''}${link.retry.jitter ? ' with jitter' : ''}`,
    );
  if (link.breaker)
    parts.push(`breaker at ${link.breaker.failureRatePct ?? 50}% failures, open ${link.breaker.openMs ?? 30_000} ms`);
  if (link.bulkhead) parts.push(`at most ${link.bulkhead.maxConcurrent} concurrent calls`);
  return parts.join('; ');
}

function fallbackLine(link: Link, prefix: string): string[] {
  return link.breaker?.fallback ? [`${prefix} Fallback when the breaker is open: ${commentText(link.breaker.fallback)}`] : [];
}

function typescript(design: Design, nodeId: string, calls: Call[]): string {
  const lines: string[] = [];
  for (const { link, id, target } of calls) {
    const policies: string[] = [];
    // Outermost first: the bulkhead limits calls, retries wrap the breaker, each attempt gets the timeout.
    if (link.bulkhead) policies.push(`bulkhead(${link.bulkhead.maxConcurrent}, 0)`);
    if (link.retry && link.retry.max > 0) {
      const base = link.retry.baseMs ?? 100;
      const backoff =
        link.retry.backoff === 'exponential'
          ? `new ExponentialBackoff({ initialDelay: ${base}${link.retry.jitter ? '' : ', generator: noJitterGenerator'} })`
          : `new ConstantBackoff(${link.retry.backoff === 'fixed' ? base : 0})`;
      policies.push(`retry(handleAll, { maxAttempts: ${link.retry.max}, backoff: ${backoff} })`);
    }
    if (link.breaker)
      policies.push(
        `circuitBreaker(handleAll, { halfOpenAfter: ${link.breaker.openMs ?? 30_000}, breaker: new SamplingBreaker({ threshold: ${(link.breaker.failureRatePct ?? 50) / 100}, duration: 10_000 }) })`,
      );
    if (link.timeoutMs !== undefined) policies.push(`timeout(${link.timeoutMs}, TimeoutStrategy.Aggressive)`);
    lines.push(`// -> ${target}: ${commentText(summaryOf(link))}`, ...fallbackLine(link, '//'));
    const body = policies.length === 0 ? 'noop' : policies.length === 1 ? policies[0]! : `wrap(\n  ${policies.join(',\n  ')},\n)`;
    lines.push(`export const ${id}Policy = ${body};`, '');
  }
  const code = lines.join('\n');
  // Import exactly what the policies use, so a strict lint of the file finds nothing unused.
  const NAMES = [
    'ConstantBackoff',
    'ExponentialBackoff',
    'SamplingBreaker',
    'TimeoutStrategy',
    'bulkhead',
    'circuitBreaker',
    'handleAll',
    'noJitterGenerator',
    'noop',
    'retry',
    'timeout',
    'wrap',
  ];
  const used = NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(code.replace(/^\/\/.*$/gm, '')));
  const header = [
    `// Resilience policies for the calls ${commentText(design.nodes[nodeId]!.name)} (${commentText(nodeId)}) makes, generated by Signalbox.`,
    `// Numbers from the design; run each call through its policy: \`await ${calls[0]!.id}Policy.execute(({ signal }) => fetch(url, { signal }))\`.`,
    `import { ${used.join(', ')} } from 'cockatiel';`,
    '',
  ];
  return `${[...header, code].join('\n').trimEnd()}\n`;
}

function seconds(ms: number): string {
  return `${ms}ms`;
}

function javaYaml(calls: Call[], header: string): string {
  const sections: Record<string, Record<string, Record<string, unknown>>> = {
    timelimiter: {},
    retry: {},
    circuitbreaker: {},
    bulkhead: {},
  };
  for (const { link, id } of calls) {
    if (link.timeoutMs !== undefined)
      sections.timelimiter![id] = { timeoutDuration: seconds(link.timeoutMs), cancelRunningFuture: true };
    if (link.retry)
      sections.retry![id] = {
        maxAttempts: link.retry.max + 1, // resilience4j counts the first call
        waitDuration: seconds(link.retry.backoff === 'none' ? 0 : (link.retry.baseMs ?? 100)),
        ...(link.retry.backoff === 'exponential' ? { enableExponentialBackoff: true, exponentialBackoffMultiplier: 2 } : {}),
        ...(link.retry.jitter ? { enableRandomizedWait: true } : {}),
      };
    if (link.breaker)
      sections.circuitbreaker![id] = {
        failureRateThreshold: link.breaker.failureRatePct ?? 50,
        waitDurationInOpenState: seconds(link.breaker.openMs ?? 30_000),
        slidingWindowType: 'TIME_BASED',
        slidingWindowSize: 10,
      };
    if (link.bulkhead) sections.bulkhead![id] = { maxConcurrentCalls: link.bulkhead.maxConcurrent, maxWaitDuration: '0ms' };
  }
  const resilience4j = Object.fromEntries(
    Object.entries(sections)
      .filter(([, instances]) => Object.keys(instances).length > 0)
      .map(([section, instances]) => [section, { instances }]),
  );
  return `# ${header}\n${stringify({ resilience4j }, { lineWidth: 0 })}`;
}

function java(design: Design, nodeId: string, calls: Call[], className: string): string {
  const lines = [
    `// Resilience4j annotations for the calls ${commentText(design.nodes[nodeId]!.name)} makes; the numbers are in application.yml.`,
    'import io.github.resilience4j.bulkhead.annotation.Bulkhead;',
    'import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;',
    'import io.github.resilience4j.retry.annotation.Retry;',
    'import io.github.resilience4j.timelimiter.annotation.TimeLimiter;',
    'import java.util.concurrent.CompletableFuture;',
    'import java.util.function.Supplier;',
    '',
    `public class ${className} {`,
  ];
  for (const { link, id, target } of calls) {
    const method = `call${id.charAt(0).toUpperCase()}${id.slice(1)}`;
    lines.push(`  // -> ${target}: ${commentText(summaryOf(link))}`, ...fallbackLine(link, '  //'));
    if (link.breaker)
      lines.push(`  @CircuitBreaker(name = "${id}"${link.breaker.fallback ? `, fallbackMethod = "${method}Fallback"` : ''})`);
    if (link.retry) lines.push(`  @Retry(name = "${id}")`);
    if (link.bulkhead) lines.push(`  @Bulkhead(name = "${id}", type = Bulkhead.Type.SEMAPHORE)`);
    if (link.timeoutMs !== undefined) lines.push(`  @TimeLimiter(name = "${id}")`);
    lines.push(
      `  public <T> CompletableFuture<T> ${method}(Supplier<CompletableFuture<T>> call) {`,
      '    return call.get();',
      '  }',
      '',
    );
    if (link.breaker?.fallback)
      lines.push(
        `  private <T> CompletableFuture<T> ${method}Fallback(Supplier<CompletableFuture<T>> call, Throwable cause) {`,
        '    return CompletableFuture.failedFuture(cause); // replace with the fallback above',
        '  }',
        '',
      );
  }
  lines.push('}');
  // A unicode escape (`\u000a`) is read before comments in Java: doubling backslashes keeps a name inside its comment.
  return `${lines.join('\n').replace(/\\/g, '\\\\')}\n`;
}

function go(design: Design, nodeId: string, calls: Call[]): string {
  const lines = [
    `// Resilience policies (failsafe-go) for the calls ${commentText(design.nodes[nodeId]!.name)} (${commentText(nodeId)}) makes, generated by Signalbox.`,
    'package resilience',
    '',
    'import (',
    '\t"time"',
    '',
    '\t"github.com/failsafe-go/failsafe-go"',
    '\t"github.com/failsafe-go/failsafe-go/bulkhead"',
    '\t"github.com/failsafe-go/failsafe-go/circuitbreaker"',
    '\t"github.com/failsafe-go/failsafe-go/retrypolicy"',
    '\t"github.com/failsafe-go/failsafe-go/timeout"',
    ')',
    '',
  ];
  for (const { link, id, target } of calls) {
    const name = toPascalIdentifier(id, 'Callee');
    const policies: string[] = [];
    if (link.bulkhead) policies.push(`bulkhead.With[any](${link.bulkhead.maxConcurrent})`);
    if (link.retry && link.retry.max > 0) {
      const base = link.retry.baseMs ?? 100;
      let builder = `retrypolicy.Builder[any]().WithMaxRetries(${link.retry.max})`;
      if (link.retry.backoff === 'exponential')
        builder += `.WithBackoff(${base}*time.Millisecond, ${base * 2 ** link.retry.max}*time.Millisecond)`;
      if (link.retry.backoff === 'fixed') builder += `.WithDelay(${base}*time.Millisecond)`;
      if (link.retry.jitter) builder += '.WithJitterFactor(0.5)';
      policies.push(`${builder}.Build()`);
    }
    if (link.breaker) {
      const pct = link.breaker.failureRatePct ?? 50;
      policies.push(
        `circuitbreaker.Builder[any]().WithFailureRateThreshold(${pct}, 20, 10*time.Second).WithDelay(${link.breaker.openMs ?? 30_000}*time.Millisecond).Build()`,
      );
    }
    if (link.timeoutMs !== undefined) policies.push(`timeout.With[any](${link.timeoutMs}*time.Millisecond)`);
    lines.push(`// ${name}Executor: -> ${target}: ${commentText(summaryOf(link))}`, ...fallbackLine(link, '//'));
    lines.push(
      `var ${name}Executor = failsafe.NewExecutor[any](${policies.length > 0 ? `\n\t${policies.join(',\n\t')},\n` : ''})`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function python(design: Design, nodeId: string, calls: Call[]): string {
  const lines = [
    `# Resilience policies for the calls ${commentText(design.nodes[nodeId]!.name)} (${commentText(nodeId)}) makes, generated by Signalbox.`,
    '# tenacity retries, pybreaker breakers, asyncio timeouts and semaphores as bulkheads.',
    'import asyncio',
    '',
    'import pybreaker',
    'from tenacity import retry, stop_after_attempt, wait_exponential, wait_exponential_jitter, wait_fixed, wait_none',
    '',
  ];
  for (const { link, id, target } of calls) {
    const name = id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    lines.push(`# -> ${target}: ${commentText(summaryOf(link))}`, ...fallbackLine(link, '#'));
    if (link.breaker)
      lines.push(
        `${name}_breaker = pybreaker.CircuitBreaker(fail_max=5, reset_timeout=${(link.breaker.openMs ?? 30_000) / 1000})  # pybreaker counts consecutive failures, not a rate`,
      );
    if (link.bulkhead) lines.push(`${name}_bulkhead = asyncio.Semaphore(${link.bulkhead.maxConcurrent})`);
    const base = (link.retry?.baseMs ?? 100) / 1000;
    const wait =
      link.retry?.backoff === 'exponential'
        ? link.retry.jitter
          ? `wait_exponential_jitter(initial=${base})`
          : `wait_exponential(multiplier=${base})`
        : link.retry?.backoff === 'fixed'
          ? `wait_fixed(${base})`
          : 'wait_none()';
    lines.push('');
    if (link.retry && link.retry.max > 0)
      lines.push(`@retry(stop=stop_after_attempt(${link.retry.max + 1}), wait=${wait}, reraise=True)`);
    lines.push(`async def call_${name}(call):`);
    let expression = 'call()';
    if (link.timeoutMs !== undefined) expression = `asyncio.wait_for(${expression}, timeout=${link.timeoutMs / 1000})`;
    if (link.breaker) expression = `${name}_breaker.call_async(lambda: ${expression})`;
    if (link.bulkhead) lines.push(`    async with ${name}_bulkhead:`, `        return await ${expression}`);
    else lines.push(`    return await ${expression}`);
    lines.push('', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function csharp(design: Design, nodeId: string, calls: Call[]): string {
  const className = `${toPascalIdentifier(nodeId, 'Service')}Resilience`;
  const lines = [
    `// Polly 8 resilience pipelines for the calls ${commentText(design.nodes[nodeId]!.name)} (${commentText(nodeId)}) makes, generated by Signalbox.`,
    'using System;',
    'using Polly;',
    'using Polly.CircuitBreaker;',
    'using Polly.Retry;',
    '',
    `public static class ${className}`,
    '{',
  ];
  for (const { link, id, target } of calls) {
    const name = toPascalIdentifier(id, 'Callee');
    lines.push(`    // -> ${target}: ${commentText(summaryOf(link))}`, ...fallbackLine(link, '    //'));
    lines.push(`    public static readonly ResiliencePipeline ${name} = new ResiliencePipelineBuilder()`);
    if (link.bulkhead) lines.push(`        .AddConcurrencyLimiter(${link.bulkhead.maxConcurrent}, 0)`);
    if (link.retry && link.retry.max > 0) {
      const backoff =
        link.retry.backoff === 'exponential' ? 'Exponential' : link.retry.backoff === 'fixed' ? 'Constant' : 'Constant';
      const delay = link.retry.backoff === 'none' ? 0 : (link.retry.baseMs ?? 100);
      lines.push(
        `        .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = ${link.retry.max}, BackoffType = DelayBackoffType.${backoff}, Delay = TimeSpan.FromMilliseconds(${delay}), UseJitter = ${link.retry.jitter ? 'true' : 'false'} })`,
      );
    }
    if (link.breaker)
      lines.push(
        `        .AddCircuitBreaker(new CircuitBreakerStrategyOptions { FailureRatio = ${(link.breaker.failureRatePct ?? 50) / 100}, SamplingDuration = TimeSpan.FromSeconds(10), BreakDuration = TimeSpan.FromMilliseconds(${link.breaker.openMs ?? 30_000}) })`,
      );
    if (link.timeoutMs !== undefined) lines.push(`        .AddTimeout(TimeSpan.FromMilliseconds(${link.timeoutMs}))`);
    lines.push('        .Build();', '');
  }
  lines.push('}');
  return `${lines.join('\n').replace(/\n\n}$/, '\n}')}\n`;
}

/**
 * Per service with outgoing sync calls, the policies for each call in the service's `tech`:
 * TypeScript (cockatiel), Java (resilience4j application.yml plus annotations), Go
 * (failsafe-go), Python (tenacity, pybreaker), C# (Polly 8). Links read with the design's
 * `defaults:`, so a call that inherits its timeout or retry gets that policy.
 */
export function resilienceCodeFiles(stated: Design): ResilienceCodeFile[] {
  const design = withLinkDefaults(stated);
  const unique = createUniqueNamer();
  const uniqueClass = createIdentifierNamer();
  const files: ResilienceCodeFile[] = [];
  for (const [nodeId, node] of Object.entries(design.nodes)) {
    if (node.kind !== 'service') continue;
    const calls = callsOf(design, nodeId);
    if (calls.length === 0) continue;
    const language = codeLanguageOf(node.tech);
    const base = unique(nodeId.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '') || 'service');
    switch (language) {
      case 'typescript':
        files.push({
          nodeId,
          language,
          fileName: `${base}.resilience.ts`,
          text: typescript(design, nodeId, calls),
          mime: 'text/typescript',
        });
        break;
      case 'java':
        files.push({
          nodeId,
          language,
          fileName: `${base}.application.yml`,
          text: javaYaml(
            calls,
            `resilience4j settings for ${commentText(node.name)} (${commentText(nodeId)}), generated by Signalbox`,
          ),
          mime: 'application/yaml',
        });
        {
          // Java wants a public class in a file of its name.
          const className = uniqueClass(`${toPascalIdentifier(nodeId, 'Service')}Clients`);
          files.push({
            nodeId,
            language,
            fileName: `${className}.java`,
            text: java(design, nodeId, calls, className),
            mime: 'text/x-java',
          });
        }
        break;
      case 'go':
        files.push({ nodeId, language, fileName: `${base}.resilience.go`, text: go(design, nodeId, calls), mime: 'text/x-go' });
        break;
      case 'python':
        files.push({
          nodeId,
          language,
          fileName: `${base}_resilience.py`,
          text: python(design, nodeId, calls),
          mime: 'text/x-python',
        });
        break;
      case 'csharp':
        files.push({
          nodeId,
          language,
          fileName: `${base}.Resilience.cs`,
          text: csharp(design, nodeId, calls),
          mime: 'text/x-csharp',
        });
        break;
    }
  }
  return files;
}
