// Regenerates, from the zod schema, schema/signalbox.schema.json (the design's JSON Schema) and
// src/core/model/designPlan.json (the plan fastParse.ts compiles its check from): `npm run schema`.
// src/core/format/jsonSchema.test.ts and src/core/model/fastParse.test.ts fail when either is out of date.
import { writeFileSync } from 'node:fs';
import { getDesignJsonSchemaText } from '../src/core/format/jsonSchema';
import { getDesignPlanText } from '../src/core/model/parsePlan';
import { designSchema } from '../src/core/model/schema';

writeFileSync(new URL('../schema/signalbox.schema.json', import.meta.url), getDesignJsonSchemaText());
console.error('wrote schema/signalbox.schema.json');
writeFileSync(new URL('../src/core/model/designPlan.json', import.meta.url), getDesignPlanText(designSchema));
console.error('wrote src/core/model/designPlan.json');
