// Regenerates schema/signalbox.schema.json from the zod schema: `npm run schema`.
// src/core/format/jsonSchema.test.ts fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { getDesignJsonSchemaText } from '../src/core/format/jsonSchema';

const path = new URL('../schema/signalbox.schema.json', import.meta.url);
writeFileSync(path, getDesignJsonSchemaText());
console.error('wrote schema/signalbox.schema.json');
