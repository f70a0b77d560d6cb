import type { Link } from '../../core/model/types';
import { BACKOFFS, COMPATIBILITIES, DELIVERIES, GATEWAY_AUTHS, PATTERNS, PROTOCOLS } from '../../core/model/types';
import { getLinkId } from '../../core/model/ids';
import type { Patch } from '../../core/model/edit';
import { breakerSchema, bulkheadSchema, linkSchema, messageSchema, retrySchema } from '../../core/model/schema';
import { designStore, useDesignStore } from '../../state/designStore';
import { InspectorField } from './InspectorField';
import { InspectorSection } from './InspectorSection';
import { SelectField } from './SelectField';
import { BOOLEAN_OPTIONS, fromBoolean, toBoolean, toOptions } from './selectOptions';
import { ElementFindings } from './ElementFindings';
import { useFieldFix } from './useFieldFix';
import { jsonCodec, listCodec, numberCodec, textCodec, versionCodec } from './fieldCodecs';

const L = linkSchema.shape;
const C = {
  version: textCodec(L.version),
  operations: listCodec(L.operations, 'line'),
  timeoutMs: numberCodec(L.timeoutMs),
  channel: textCodec(L.channel),
  dlq: textCodec(L.dlq),
  consumerGroup: textCodec(L.consumerGroup),
  dlqReplay: textCodec(L.dlqReplay),
  notes: textCodec(L.notes),
  retryMax: numberCodec(retrySchema.shape.max),
  retryBaseMs: numberCodec(retrySchema.shape.baseMs),
  breakerRate: numberCodec(breakerSchema.shape.failureRatePct),
  breakerOpenMs: numberCodec(breakerSchema.shape.openMs),
  breakerFallback: textCodec(breakerSchema.shape.fallback),
  bulkheadMax: numberCodec(bulkheadSchema.shape.maxConcurrent),
  messageName: textCodec(messageSchema.shape.name),
  messageVersion: versionCodec(messageSchema.shape.version),
  messageSchema: jsonCodec(messageSchema.shape.schema),
} as const;

const PROTOCOL_OPTIONS = toOptions(PROTOCOLS);
const KIND_OPTIONS = [
  { value: 'sync', label: 'Sync (request / response)' },
  { value: 'async', label: 'Async (message)' },
];

type Nested = 'retry' | 'breaker' | 'bulkhead' | 'message';
const NESTED_SCHEMAS = { retry: retrySchema, breaker: breakerSchema, bulkhead: bulkheadSchema, message: messageSchema } as const;
const NESTED_NAMES: Record<string, string> = { max: 'Max retries', maxConcurrent: 'Max concurrent' };

export function LinkInspector({ id }: { id: string }) {
  const link = useDesignStore((s) => s.design.links.find((l) => getLinkId(l) === id));
  const fromName = useDesignStore((s) => (link ? s.design.nodes[link.from]?.name : undefined));
  const toName = useDesignStore((s) => (link ? s.design.nodes[link.to]?.name : undefined));
  const fixOf = useFieldFix('link', id);
  if (!link) return null;
  // Coalesce by the link's ends, not its id: typing a channel changes the id at every keystroke.
  const ends = `${link.from}->${link.to}`;
  const patch = (p: Patch<Link>, field: string): string | undefined => {
    const result = designStore.getState().updateLink(id, p, `link:${ends}:${field}`);
    return result === undefined ? (designStore.getState().notice?.text ?? 'could not update the link') : undefined;
  };
  const set = (key: keyof Link & string) => (value: unknown) => patch({ [key]: value }, key);
  /** Set one key of a nested object; an empty object goes away; the whole object must validate. */
  const setNested = (key: Nested, sub: string) => (value: unknown) => {
    const next: Record<string, unknown> = { ...((link[key] as Record<string, unknown> | undefined) ?? {}) };
    if (value === undefined) delete next[sub];
    else next[sub] = value;
    if (Object.keys(next).length === 0) return patch({ [key]: undefined }, `${key}.${sub}`);
    const checked = NESTED_SCHEMAS[key].safeParse(next);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      return `${NESTED_NAMES[field] ?? field}: ${issue?.message ?? 'invalid'}${field !== sub ? ' (set it first)' : ''}`;
    }
    return patch({ [key]: next }, `${key}.${sub}`);
  };
  const sync = link.kind === 'sync';
  const has = (key: keyof Link) => link[key] !== undefined;

  const retry = (
    <InspectorSection title="Retry">
      <InspectorField
        label="Max retries"
        value={link.retry?.max}
        codec={C.retryMax}
        onCommit={setNested('retry', 'max')}
        numeric
      />
      <SelectField
        label="Backoff"
        value={link.retry?.backoff}
        options={toOptions(BACKOFFS)}
        onChange={setNested('retry', 'backoff')}
        fix={fixOf('retry.backoff')}
      />
      <SelectField
        label="Jitter"
        value={fromBoolean(link.retry?.jitter)}
        options={BOOLEAN_OPTIONS}
        onChange={(v) => setNested('retry', 'jitter')(toBoolean(v))}
        fix={fixOf('retry.jitter')}
      />
      <InspectorField
        label="Base delay (ms)"
        value={link.retry?.baseMs}
        codec={C.retryBaseMs}
        onCommit={setNested('retry', 'baseMs')}
        numeric
      />
    </InspectorSection>
  );

  return (
    <div className="inspector" data-testid="inspector-link">
      <header className={`inspector__title inspector__title--link-${link.kind}`}>
        <span className="inspector__title-name">
          {fromName ?? link.from} <span aria-hidden="true">→</span> {toName ?? link.to}
        </span>
        <span className="inspector__title-kind">{getLinkId(link)}</span>
      </header>
      <ElementFindings kind="link" id={id} />
      <InspectorSection title="Link">
        <SelectField
          label="Link kind"
          value={link.kind}
          options={KIND_OPTIONS}
          optional={false}
          onChange={(v) => {
            if (v === 'async')
              patch({ kind: 'async', protocol: undefined, channel: link.channel ?? `${link.from}.events` }, 'kind');
            else if (v === 'sync') patch({ kind: 'sync', channel: undefined, protocol: link.protocol ?? 'rest' }, 'kind');
          }}
        />
        {(sync || has('protocol')) && (
          <SelectField label="Protocol" value={link.protocol} options={PROTOCOL_OPTIONS} onChange={set('protocol')} />
        )}
        {(!sync || has('channel')) && (
          <InspectorField
            label="Channel"
            value={link.channel}
            codec={C.channel}
            onCommit={set('channel')}
            placeholder="topic / queue"
            mono
          />
        )}
        <SelectField
          label="Idempotent"
          value={fromBoolean(link.idempotent)}
          options={BOOLEAN_OPTIONS}
          onChange={(v) => set('idempotent')(toBoolean(v))}
          fix={fixOf('idempotent')}
        />
      </InspectorSection>
      {(sync || has('version') || has('operations') || has('auth')) && (
        <InspectorSection title="Contract">
          <InspectorField
            label="Version"
            value={link.version}
            codec={C.version}
            onCommit={set('version')}
            placeholder="v1"
            fix={fixOf('version')}
          />
          <InspectorField
            label="Operations"
            value={link.operations}
            codec={C.operations}
            onCommit={set('operations')}
            multiline
            mono
            placeholder={'POST /orders\nGET /orders/{id}'}
            hint="One per line: REST “METHOD /path”, gRPC “Service/Method”."
          />
          <SelectField label="Auth" value={link.auth} options={toOptions(GATEWAY_AUTHS)} onChange={set('auth')} />
        </InspectorSection>
      )}
      {(sync || has('timeoutMs') || has('breaker') || has('bulkhead')) && (
        <InspectorSection title="Resilience">
          <InspectorField
            label="Timeout (ms)"
            value={link.timeoutMs}
            codec={C.timeoutMs}
            onCommit={set('timeoutMs')}
            numeric
            fix={fixOf('timeoutMs')}
          />
          <InspectorField
            label="Breaker failure rate (%)"
            value={link.breaker?.failureRatePct}
            codec={C.breakerRate}
            onCommit={setNested('breaker', 'failureRatePct')}
            fix={fixOf('breaker.failureRatePct')}
            numeric
          />
          <InspectorField
            label="Breaker open (ms)"
            value={link.breaker?.openMs}
            codec={C.breakerOpenMs}
            onCommit={setNested('breaker', 'openMs')}
            numeric
          />
          <InspectorField
            label="Fallback"
            value={link.breaker?.fallback}
            codec={C.breakerFallback}
            onCommit={setNested('breaker', 'fallback')}
          />
          <InspectorField
            label="Bulkhead max concurrent"
            value={link.bulkhead?.maxConcurrent}
            codec={C.bulkheadMax}
            onCommit={setNested('bulkhead', 'maxConcurrent')}
            fix={fixOf('bulkhead.maxConcurrent')}
            numeric
          />
        </InspectorSection>
      )}
      {retry}
      {(!sync || has('message') || has('delivery') || has('dlq') || has('consumerGroup') || has('pattern')) && (
        <InspectorSection title="Messaging">
          <SelectField label="Pattern" value={link.pattern} options={toOptions(PATTERNS)} onChange={set('pattern')} />
          <SelectField label="Delivery" value={link.delivery} options={toOptions(DELIVERIES)} onChange={set('delivery')} />
          <InspectorField
            label="Dead-letter channel"
            value={link.dlq}
            codec={C.dlq}
            onCommit={set('dlq')}
            fix={fixOf('dlq')}
            mono
            placeholder="order.created.dlq"
          />
          <InspectorField
            label="Dead-letter replay"
            value={link.dlqReplay}
            codec={C.dlqReplay}
            onCommit={set('dlqReplay')}
            placeholder="how dead letters are replayed"
          />
          <InspectorField
            label="Consumer group"
            value={link.consumerGroup}
            codec={C.consumerGroup}
            onCommit={set('consumerGroup')}
          />
          <SelectField
            label="Trace context in headers"
            value={fromBoolean(link.traceContext)}
            options={BOOLEAN_OPTIONS}
            onChange={(v) => set('traceContext')(toBoolean(v))}
            fix={fixOf('traceContext')}
          />
          <InspectorField
            label="Message name"
            value={link.message?.name}
            codec={C.messageName}
            onCommit={setNested('message', 'name')}
            placeholder="OrderCreated"
          />
          <InspectorField
            label="Message version"
            value={link.message?.version}
            codec={C.messageVersion}
            onCommit={setNested('message', 'version')}
            fix={fixOf('message.version')}
          />
          <SelectField
            label="Compatibility"
            value={link.message?.compatibility}
            options={toOptions(COMPATIBILITIES)}
            onChange={setNested('message', 'compatibility')}
          />
          <InspectorField
            label="Message schema (JSON)"
            value={link.message?.schema}
            codec={C.messageSchema}
            onCommit={setNested('message', 'schema')}
            multiline
            rows={6}
            mono
            placeholder={'{ "type": "object" }'}
          />
        </InspectorSection>
      )}
      <InspectorSection title="Notes">
        <InspectorField label="Notes" value={link.notes} codec={C.notes} onCommit={set('notes')} multiline rows={3} />
      </InspectorSection>
    </div>
  );
}
