import { designSchema } from '../../core/model/schema';
import { CONSISTENCIES, NODE_KINDS, PLATFORMS, TRACE_PROPAGATIONS } from '../../core/model/types';
import { NODE_KIND_LABELS } from '../../components/nodeKindInfo';
import { designStore, useDesignStore } from '../../state/designStore';
import { InspectorField } from './InspectorField';
import { InspectorSection } from './InspectorSection';
import { textCodec } from './fieldCodecs';
import { SelectField } from './SelectField';
import { toOptions } from './selectOptions';

const NAME = textCodec(designSchema.shape.name);
const DESCRIPTION = textCodec(designSchema.shape.description);

/** Nothing selected: the design itself, and what it holds. */
export function DesignInspector() {
  const name = useDesignStore((s) => s.design.name);
  const description = useDesignStore((s) => s.design.description);
  const platform = useDesignStore((s) => s.design.platform);
  const tracePropagation = useDesignStore((s) => s.design.tracePropagation);
  const flows = useDesignStore((s) => s.design.flows);
  // Counts are strings so that a drag (new nodes object, same counts) re-renders nothing.
  const kindCounts = useDesignStore((s) => {
    const counts: Record<string, number> = {};
    for (const n of Object.values(s.design.nodes)) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
    return NODE_KINDS.map((k) => counts[k] ?? 0).join(',');
  });
  const linkCounts = useDesignStore((s) => {
    let sync = 0;
    for (const l of s.design.links) if (l.kind === 'sync') sync++;
    return `${sync},${s.design.links.length - sync},${s.design.flows?.length ?? 0}`;
  });
  const kinds = kindCounts.split(',').map(Number);
  const [sync = 0, async = 0, flowCount = 0] = linkCounts.split(',').map(Number);
  const total = kinds.reduce((a, b) => a + b, 0);
  const replace = (patch: Record<string, unknown>, key: string) => {
    const design = { ...designStore.getState().design, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete design[k];
    designStore.getState().replaceDesign(design, key);
  };
  return (
    <div className="inspector" data-testid="inspector-design">
      <header className="inspector__title">
        <span className="inspector__title-name">Design</span>
        <span className="inspector__title-kind">Select a node or a link to edit it</span>
      </header>
      <InspectorSection title="Design">
        <InspectorField label="Design title" value={name} codec={NAME} onCommit={(v) => replace({ name: v }, 'design-name')} />
        <InspectorField
          label="Description"
          value={description}
          codec={DESCRIPTION}
          onCommit={(v) => replace({ description: v }, 'design-description')}
          multiline
          rows={4}
        />
        <SelectField
          label="Platform"
          value={platform}
          options={toOptions(PLATFORMS)}
          onChange={(v) => replace({ platform: v }, 'design-platform')}
        />
        <SelectField
          label="Trace propagation"
          value={tracePropagation}
          options={toOptions(TRACE_PROPAGATIONS)}
          onChange={(v) => replace({ tracePropagation: v }, 'design-trace-propagation')}
        />
      </InspectorSection>
      {flows && flows.length > 0 && (
        <InspectorSection title="Flows">
          {flows.map((flow, i) => (
            <SelectField
              key={`${i}:${flow.name}`}
              label={`${flow.name}: consistency`}
              value={flow.consistency}
              options={toOptions(CONSISTENCIES)}
              onChange={(v) => {
                const next = flows.map((f, k) => {
                  if (k !== i) return f;
                  const copy = { ...f, consistency: v as (typeof CONSISTENCIES)[number] | undefined };
                  if (v === undefined) delete copy.consistency;
                  return copy;
                });
                replace({ flows: next }, `design-flow-consistency-${i}`);
              }}
            />
          ))}
        </InspectorSection>
      )}
      <InspectorSection title="Contents">
        <dl className="inspector__stats">
          <div>
            <dt>Nodes</dt>
            <dd data-testid="count-nodes">{total}</dd>
          </div>
          {NODE_KINDS.map((k, i) =>
            kinds[i] ? (
              <div key={k} className="inspector__stat--sub">
                <dt>{NODE_KIND_LABELS[k]}</dt>
                <dd>{kinds[i]}</dd>
              </div>
            ) : null,
          )}
          <div>
            <dt>Sync links</dt>
            <dd data-testid="count-sync">{sync}</dd>
          </div>
          <div>
            <dt>Async links</dt>
            <dd data-testid="count-async">{async}</dd>
          </div>
          <div>
            <dt>Flows</dt>
            <dd>{flowCount}</dd>
          </div>
        </dl>
      </InspectorSection>
    </div>
  );
}
