import { readDesign } from '../format/read';
import type { Design } from '../model/types';

/** A design from YAML for tests; throws with the issues when it is not valid. */
export function designFromYaml(yaml: string): Design {
  const result = readDesign(yaml, 'test.signalbox.yaml');
  if (!result.design) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.design;
}
