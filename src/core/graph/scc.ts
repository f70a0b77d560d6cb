/** Strongly connected components of a directed graph given as successor lists. */
export interface Components {
  /** Component number of each node. */
  componentOf: Int32Array;
  /**
   * Members of each component (ascending node index = design order), sinks first: every edge
   * leaving component c goes to a component numbered below c (reverse topological order).
   */
  components: number[][];
}

/**
 * Tarjan's algorithm, iterative: designs reach 20,000 nodes and a chain that long would overflow
 * the call stack of a recursive version. O(nodes + edges).
 */
export function stronglyConnectedComponents(successors: readonly (readonly number[])[]): Components {
  const n = successors.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const edgePos = new Int32Array(n);
  const callStack = new Int32Array(n);
  const stack = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const components: number[][] = [];
  let counter = 0;
  let top = 0;

  for (let start = 0; start < n; start++) {
    if (order[start] !== -1) continue;
    let depth = 0;
    order[start] = low[start] = counter++;
    stack[top++] = start;
    onStack[start] = 1;
    callStack[depth++] = start;
    while (depth > 0) {
      const v = callStack[depth - 1]!;
      const next = successors[v]!;
      if (edgePos[v]! < next.length) {
        const w = next[edgePos[v]!]!;
        edgePos[v]!++;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack[top++] = w;
          onStack[w] = 1;
          callStack[depth++] = w;
        } else if (onStack[w] && order[w]! < low[v]!) {
          low[v] = order[w]!;
        }
        continue;
      }
      depth--;
      if (low[v] === order[v]) {
        // The component is the stack from v up: a list made to its length (most are one node;
        // lists grown by push hold room for 17, megabytes over 15,000 nodes).
        let bottom = top - 1;
        while (stack[bottom] !== v) bottom--;
        const id = components.length;
        const members = new Array<number>(top - bottom);
        for (let k = 0; k < members.length; k++) {
          const w = stack[top - 1 - k]!;
          onStack[w] = 0;
          componentOf[w] = id;
          members[k] = w;
        }
        top = bottom;
        if (members.length > 1) members.sort((a, b) => a - b);
        components.push(members);
      }
      if (depth > 0) {
        const parent = callStack[depth - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { componentOf, components };
}
