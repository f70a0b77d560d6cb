import { useSignalbox } from '../../editor/react';
import { useId, useMemo, useState } from 'react';
import type { Design } from '../../core/model/types';
import type { SimulationState } from '../../core/simulate/types';
import { StateChip } from './StateChip';

/** A long list of checkboxes costs more than it helps: past this many, the search narrows it. */
const MAX_SHOWN = 60;

interface DownNodePickerProps {
  design: Design;
  down: readonly string[];
  states: Record<string, SimulationState>;
}

/** The keyboard (and test) way to take nodes down: a searchable list of checkboxes, one per node. */
export function DownNodePicker({ design, down, states }: DownNodePickerProps) {
  const editor = useSignalbox();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const downSet = useMemo(() => new Set(down), [down]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return Object.entries(design.nodes).filter(
      ([id, node]) => !q || node.name.toLowerCase().includes(q) || id.toLowerCase().includes(q) || node.kind.includes(q),
    );
  }, [design.nodes, query]);
  const shown = matches.slice(0, MAX_SHOWN);

  return (
    <div className="whatif-picker">
      <label className="whatif-picker__search" htmlFor={searchId}>
        <span>Take down</span>
        <input
          id={searchId}
          type="search"
          placeholder="Find a node by name, id or kind"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <ul className="whatif-picker__list" aria-label="Nodes to take down">
        {shown.map(([id, node]) => (
          <li key={id} className="whatif-picker__item">
            <label>
              <input
                type="checkbox"
                checked={downSet.has(id)}
                onChange={(e) => editor.whatIfMode.setNodeDown(id, e.target.checked)}
              />
              <span className="whatif-picker__name">{node.name}</span>
            </label>
            <span className="whatif-picker__kind" aria-hidden="true">
              {node.kind}
            </span>
            {states[id] && states[id] !== 'ok' && <StateChip state={states[id]} />}
          </li>
        ))}
      </ul>
      {matches.length === 0 && <p className="whatif-muted">No node matches “{query}”.</p>}
      {matches.length > shown.length && (
        <p className="whatif-muted">{matches.length - shown.length} more; narrow the search to see them.</p>
      )}
    </div>
  );
}
